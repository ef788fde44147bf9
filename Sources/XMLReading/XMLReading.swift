import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parsing of the small XML documents clients send (SSML, PLS lexicons, S3 request bodies).
public enum XMLReading {
    /// Parses `data` with `delegate`, answering where the document stops being well-formed, or `nil` when it is.
    ///
    /// External entities are never resolved. On Linux `XMLParser.parse()` can answer `true` for a malformed
    /// document, with the error only in `parserError`; this checks both.
    public static func parse(_ data: Data, delegate: any XMLParserDelegate) -> (line: Int, column: Int)? {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if parser.parse(), parser.parserError == nil { return nil }
        return (parser.lineNumber, parser.columnNumber)
    }
}
