import Foundation
import XMLReading

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A custom terminology: terms in several languages, each entry one concept (`["en": "cat", "es": "minino"]`).
public struct Terminology: Sendable, Codable, Equatable {
    /// The languages, in the file's order; the first is the source of a unidirectional terminology.
    public var languages: [String]
    /// One entry per term: language → text (a language may be missing from an entry).
    public var entries: [[String: String]]
    /// Entries of the file that were skipped (empty, or with no text beside the source).
    public var skipped: Int

    /// The file formats a terminology is read from and written to.
    public enum Format: String, Sendable, Codable {
        case csv = "CSV", tsv = "TSV", tmx = "TMX"
    }

    /// A file that cannot be read as a terminology.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads a terminology file.
    public init(data: Data, format: Format) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError(description: "the terminology file is not UTF-8")
        }
        switch format {
        case .csv: try self.init(table: Self.delimitedRows(text, separator: ","))
        case .tsv: try self.init(table: Self.delimitedRows(text, separator: "\t"))
        case .tmx: try self.init(tmx: data)
        }
    }

    /// Creates a terminology from a header row of language codes and rows of terms.
    init(table rows: [[String]]) throws {
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }), header.count >= 2,
            header.allSatisfy({ !$0.isEmpty })
        else {
            throw FormatError(description: "the first row must name at least two languages (e.g. en,es)")
        }
        guard Set(header).count == header.count else { throw FormatError(description: "a language is named twice") }
        languages = header
        entries = []
        skipped = 0
        for row in rows.dropFirst() where !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var entry: [String: String] = [:]
            for (language, cell) in zip(header, row) {
                let term = cell.trimmingCharacters(in: .whitespaces)
                if !term.isEmpty { entry[language] = term }
            }
            if entry.count >= 2 { entries.append(entry) } else { skipped += 1 }
        }
        guard !entries.isEmpty else { throw FormatError(description: "the terminology has no terms") }
    }

    /// Creates a terminology from TMX (`<tu>` units of `<tuv xml:lang>` variants with a `<seg>`).
    init(tmx data: Data) throws {
        let reader = TMXReader()
        if let position = XMLReading.parse(data, delegate: reader) {
            throw FormatError(description: "the TMX file is not well-formed XML (line \(position.line), column \(position.column))")
        }
        var languages: [String] = []
        for unit in reader.units { for (language, _) in unit where !languages.contains(language) { languages.append(language) } }
        if let source = reader.sourceLanguage, let index = languages.firstIndex(of: source) {
            languages.insert(languages.remove(at: index), at: 0)
        }
        self.languages = languages
        entries = reader.units.map { Dictionary($0, uniquingKeysWith: { first, _ in first }) }.filter { $0.count >= 2 }
        skipped = reader.units.count - entries.count
        guard languages.count >= 2, !entries.isEmpty else { throw FormatError(description: "the TMX file has no translation units") }
    }

    /// The terminology written in a format.
    public func data(as format: Format) -> Data {
        switch format {
        case .csv, .tsv:
            let separator = format == .csv ? "," : "\t"
            let quote = { (cell: String) -> String in
                format == .csv && cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }
            let rows = [languages] + entries.map { entry in languages.map { entry[$0] ?? "" } }
            return Data((rows.map { $0.map(quote).joined(separator: separator) }.joined(separator: "\n") + "\n").utf8)
        case .tmx:
            func escape(_ text: String) -> String {
                text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            }
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
            xml += "  <header srclang=\"\(escape(languages[0]))\" datatype=\"plaintext\" segtype=\"phrase\" adminlang=\"en\" creationtool=\"Sibyl\" creationtoolversion=\"1\" o-tmf=\"csv\"/>\n  <body>\n"
            for entry in entries {
                xml += "    <tu>\n"
                for language in languages { if let text = entry[language] { xml += "      <tuv xml:lang=\"\(escape(language))\"><seg>\(escape(text))</seg></tuv>\n" } }
                xml += "    </tu>\n"
            }
            return Data((xml + "  </body>\n</tmx>\n").utf8)
        }
    }

    /// Rows of a CSV (RFC 4180 quoting) or TSV text.
    static func delimitedRows(_ text: String, separator: Character) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        cell.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(character)
                }
            } else if character == "\"", cell.isEmpty, separator == "," {
                quoted = true
            } else if character == separator {
                row.append(cell)
                cell = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }
}

/// Collects TMX translation units.
private final class TMXReader: NSObject, XMLParserDelegate {
    var units: [[(String, String)]] = []
    var sourceLanguage: String?
    private var unit: [(String, String)]?
    private var language: String?
    private var segment: String?

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "header": sourceLanguage = attributes["srclang"]
        case "tu": unit = []
        case "tuv": language = attributes["xml:lang"] ?? attributes["lang"]
        case "seg": segment = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        segment?.append(string)
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "seg":
            if let language, let text = segment?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                unit?.append((language, text))
            }
            segment = nil
        case "tu":
            if let unit { units.append(unit) }
            unit = nil
        default: break
        }
    }
}
