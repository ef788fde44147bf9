import Foundation
import XMLReading
import SibylCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the `<CompleteMultipartUpload>` body: the parts, by number and ETag, that make up the object.
final class CompleteMultipartUploadDocument: NSObject, XMLParserDelegate {
    private var parts: [CompletedPart] = []
    private var text = ""
    private var number: Int?
    private var etag: String?
    private var malformed = false

    static func parts(in data: Data) throws -> [CompletedPart] {
        let document = CompleteMultipartUploadDocument()
        guard XMLReading.parse(data, delegate: document) == nil, !document.malformed else {
            throw S3Failure(
                code: "MalformedXML",
                message: "The XML you provided was not well-formed or did not validate against our published schema.",
                status: 400)
        }
        return document.parts
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        if elementName == "Part" { (number, etag) = (nil, nil) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "PartNumber": number = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        case "ETag": etag = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case "Part":
            guard let number, let etag else {
                malformed = true
                return
            }
            parts.append(CompletedPart(number: number, etag: etag))
        default: break
        }
    }
}
