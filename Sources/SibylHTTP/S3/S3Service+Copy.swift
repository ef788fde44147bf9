import Foundation
import SibylCore

/// CopyObject (`PUT` with `x-amz-copy-source`): what `aws s3 cp s3://… s3://…` and boto3's `copy_object` send.
extension S3Service {
    func copyObject(to destination: S3URI, request: WireRequest, requestId: String) throws -> WireResponse {
        let header = request.header("x-amz-copy-source") ?? ""
        let path = header.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard let decoded = PercentEncoding.decode(path.hasPrefix("/") ? String(path.dropFirst()) : path),
            let slash = decoded.firstIndex(of: "/")
        else {
            throw S3Failure(code: "InvalidArgument", message: "Copy Source must mention the source bucket and key: sourcebucket/sourcekey", status: 400)
        }
        let source = S3URI(bucket: String(decoded[..<slash]), key: String(decoded[decoded.index(after: slash)...]))
        try ObjectNaming.validateKey(source.key)
        let replace = request.header("x-amz-metadata-directive")?.uppercased() == "REPLACE"
        if source == destination, !replace {
            throw S3Failure(
                code: "InvalidRequest",
                message: "This copy request is illegal because it is trying to copy an object to itself without "
                    + "changing the object's metadata, storage class, website redirect location or encryption attributes.",
                status: 400)
        }
        let info = try blobs.copy(
            source, to: destination, contentType: replace ? request.header("content-type") ?? "binary/octet-stream" : nil,
            metadata: replace ? Self.userMetadata(request) : nil)
        var xml = XMLWriter()
        xml.open("CopyObjectResult", namespace: S3Listing.namespace)
        xml.element("LastModified", ISO8601Timestamp.format(info.lastModified))
        xml.element("ETag", info.etag)
        xml.close("CopyObjectResult")
        return S3Listing.xmlResponse(xml, requestId: requestId)
    }
}
