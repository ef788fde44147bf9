import Foundation
import XMLReading
import SibylCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// DeleteObjects (`POST /bucket?delete`): up to 1,000 keys in one request, each deleted or reported.
extension S3Service {
    func deleteObjects(
        bucket: String, request: WireRequest, body: RequestBodyReader, caller: VerifiedCaller?, requestId: String
    ) async throws -> WireResponse {
        guard try blobs.bucketExists(bucket) else { throw BlobStoreError.noSuchBucket(bucket) }
        let upload = try await receive(body, request: request, caller: caller, limit: 2 << 20)
        defer { upload.discard() }
        let document = DeleteDocument()
        guard XMLReading.parse(try upload.contents(), delegate: document) == nil, !document.keys.isEmpty,
            document.keys.count <= 1000
        else {
            throw S3Failure(
                code: "MalformedXML",
                message: "The XML you provided was not well-formed or did not validate against our published schema.",
                status: 400)
        }
        var xml = XMLWriter()
        xml.open("DeleteResult", namespace: S3Listing.namespace)
        for key in document.keys {
            do {
                try ObjectNaming.validateKey(key)
                try blobs.delete(S3URI(bucket: bucket, key: key))
                if !document.quiet {
                    xml.open("Deleted")
                    xml.element("Key", key)
                    xml.close("Deleted")
                }
            } catch let error as BlobStoreError {
                xml.open("Error")
                xml.element("Key", key)
                xml.element("Code", error.code.rawValue)
                xml.element("Message", error.message)
                xml.close("Error")
            }
        }
        xml.close("DeleteResult")
        return S3Listing.xmlResponse(xml, requestId: requestId)
    }
}

/// Reads `<Delete><Object><Key>…</Key></Object>…<Quiet>true</Quiet></Delete>`.
private final class DeleteDocument: NSObject, XMLParserDelegate {
    var keys: [String] = []
    var quiet = false
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "Key": keys.append(text)
        case "Quiet": quiet = text.trimmingCharacters(in: .whitespaces).lowercased() == "true"
        default: break
        }
    }
}
