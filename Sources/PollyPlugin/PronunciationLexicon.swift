import Foundation
import XMLReading
import SibylCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A W3C Pronunciation Lexicon (PLS 1.0) as Polly accepts it: lexemes that map graphemes to an alias or a
/// pronunciation in IPA or X-SAMPA.
struct PronunciationLexicon: Codable, Sendable, Equatable {
    struct Lexeme: Codable, Sendable, Equatable {
        var graphemes: [String]
        var alias: String?
        var phoneme: String?
    }

    var alphabet: String
    var languageCode: String
    var lexemes: [Lexeme]

    /// Polly's limits: 40,000 characters of content, 100 characters per lexeme's alias or phoneme.
    static let maxContentCharacters = 40_000
    static let maxLexemeCharacters = 100

    init(alphabet: String, languageCode: String, lexemes: [Lexeme]) {
        self.alphabet = alphabet
        self.languageCode = languageCode
        self.lexemes = lexemes
    }

    /// Parses and checks PLS content.
    init(parsing content: String, supportedLanguages: Set<String>) throws {
        guard content.count <= Self.maxContentCharacters else {
            throw ServiceError(
                code: "LexiconSizeExceededException",
                message: "The lexicon is \(content.count) characters long; the maximum is \(Self.maxContentCharacters).")
        }
        let reader = PLSReader()
        if let (line, column) = XMLReading.parse(Data(content.utf8), delegate: reader) {
            throw ServiceError(
                code: "InvalidLexiconException",
                message: "Lexicon is not well-formed XML at line \(line), column \(column)")
        }
        guard reader.root == "lexicon" else {
            throw ServiceError(code: "InvalidLexiconException", message: "The root element of a PLS lexicon is <lexicon>")
        }
        guard let alphabet = reader.alphabet, ["ipa", "x-sampa"].contains(alphabet) else {
            throw ServiceError(
                code: "UnsupportedPlsAlphabetException",
                message: "The alphabet \(reader.alphabet ?? "(none)") is not supported; use ipa or x-sampa.")
        }
        guard let language = reader.language, supportedLanguages.contains(language) else {
            throw ServiceError(
                code: "UnsupportedPlsLanguageException",
                message: "The language \(reader.language ?? "(none)") has no voice here; xml:lang must be a voice's language.")
        }
        for lexeme in reader.lexemes {
            guard !lexeme.graphemes.isEmpty, lexeme.alias != nil || lexeme.phoneme != nil else {
                throw ServiceError(
                    code: "InvalidLexiconException",
                    message: "Every lexeme needs a grapheme and an alias or a phoneme.")
            }
            let longest = max(lexeme.alias?.count ?? 0, lexeme.phoneme?.count ?? 0)
            guard longest <= Self.maxLexemeCharacters else {
                throw ServiceError(
                    code: "MaxLexemeLengthExceededException",
                    message: "A lexeme is \(longest) characters long; the maximum is \(Self.maxLexemeCharacters).")
            }
        }
        self.alphabet = alphabet
        self.languageCode = language
        self.lexemes = reader.lexemes
    }

    private final class PLSReader: NSObject, XMLParserDelegate {
        var root: String?
        var alphabet: String?
        var language: String?
        var lexemes: [Lexeme] = []
        private var current: Lexeme?
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            text = ""
            switch elementName {
            case "lexicon" where root == nil:
                root = elementName
                alphabet = attributes["alphabet"]?.lowercased()
                language = attributes["xml:lang"]
            case "lexeme":
                current = Lexeme(graphemes: [], alias: nil, phoneme: nil)
            default:
                if root == nil { root = elementName }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch elementName {
            case "grapheme": current?.graphemes.append(value)
            case "alias": current?.alias = value
            case "phoneme": current?.phoneme = value
            case "lexeme":
                if let current { lexemes.append(current) }
                current = nil
            default: break
            }
        }
    }
}
