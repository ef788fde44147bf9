import Foundation
import XMLReading
import SibylCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks that SSML is well formed and counts its billed characters (the text, not the markup).
enum SSMLText {
    /// The number of characters Polly bills for an SSML document: the text content, without tags.
    static func billedCharacters(_ ssml: String) throws -> Int {
        let reader = TextCollector()
        if let (line, column) = XMLReading.parse(Data(ssml.utf8), delegate: reader) {
            throw ServiceError(
                code: "InvalidSsmlException",
                message: "Invalid SSML request: the XML is not well-formed at line \(line), column \(column)")
        }
        guard reader.root == "speak" else {
            throw ServiceError(
                code: "InvalidSsmlException", message: "Invalid SSML request: the root element must be <speak>")
        }
        return reader.text.count
    }

    private final class TextCollector: NSObject, XMLParserDelegate {
        var text = ""
        var root: String?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if root == nil { root = elementName }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}
