import Foundation
import SibylCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks that SSML is well formed and counts its billed characters (the text, not the markup).
enum SSMLText {
    /// The number of characters Polly bills for an SSML document: the text content, without tags.
    static func billedCharacters(_ ssml: String) throws -> Int {
        let reader = TextCollector()
        let parser = XMLParser(data: Data(ssml.utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // On Linux `parse()` can answer true for malformed input; the first reported error is what counts.
        guard parser.parse(), reader.firstError == nil, parser.parserError == nil else {
            let (line, column) = reader.firstError ?? (parser.lineNumber, parser.columnNumber)
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
        var firstError: (line: Int, column: Int)?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if firstError == nil { firstError = (parser.lineNumber, parser.columnNumber) }
        }

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
