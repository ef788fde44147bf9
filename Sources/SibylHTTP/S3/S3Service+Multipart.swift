import Foundation
import SibylCore

/// CreateMultipartUpload, UploadPart, CompleteMultipartUpload and AbortMultipartUpload: what `aws s3 cp` and
/// boto3's `upload_file` use for files of 8 MiB and more.
extension S3Service {
    /// Answers a multipart request, or `nil` when the request is not one.
    func multipart(
        _ request: WireRequest, object: S3URI, body: RequestBodyReader, caller: VerifiedCaller?, requestId: String
    ) async throws -> WireResponse? {
        let uploadID = request.query("uploadId")
        switch (request.method, uploadID) {
        case ("POST", nil) where request.query("uploads") != nil:
            let id = try blobs.createMultipartUpload(
                object, contentType: request.header("content-type") ?? "binary/octet-stream",
                metadata: Self.userMetadata(request))
            var xml = XMLWriter()
            xml.open("InitiateMultipartUploadResult", namespace: S3Listing.namespace)
            xml.element("Bucket", object.bucket)
            xml.element("Key", object.key)
            xml.element("UploadId", id)
            xml.close("InitiateMultipartUploadResult")
            return S3Listing.xmlResponse(xml, requestId: requestId)
        case ("PUT", let id?):
            guard let number = request.query("partNumber").flatMap(Int.init) else {
                throw S3Failure(code: "InvalidArgument", message: "partNumber must be an integer", status: 400)
            }
            if request.header("x-amz-copy-source") != nil { throw S3Failure.notImplemented("UploadPartCopy") }
            let upload = try await receive(body, request: request, caller: caller, limit: maxObjectBytes)
            let part = try blobs.commitPart(upload, uploadID: id, to: object, number: number)
            return ok(requestId, headers: [("ETag", part.etag)])
        case ("POST", let id?):
            let xml = try await receive(body, request: request, caller: caller, limit: 1 << 20)
            defer { xml.discard() }
            let document = try xml.contents()
            let parts = try CompleteMultipartUploadDocument.parts(in: document)
            let info = try blobs.completeMultipartUpload(id, at: object, parts: parts)
            var result = XMLWriter()
            result.open("CompleteMultipartUploadResult", namespace: S3Listing.namespace)
            result.element("Location", "/\(object.bucket)/\(object.key)")
            result.element("Bucket", object.bucket)
            result.element("Key", object.key)
            result.element("ETag", info.etag)
            result.close("CompleteMultipartUploadResult")
            return S3Listing.xmlResponse(result, requestId: requestId)
        case ("DELETE", let id?):
            try blobs.abortMultipartUpload(id, at: object)
            return ok(requestId, status: 204)
        case ("GET", _?):
            throw S3Failure.notImplemented("ListParts")
        default:
            return nil
        }
    }
}
