import Foundation
import SibylCore

struct PutLexiconInput: Codable, Sendable, ValidatableInput {
    var Name: String
    var Content: String
    /// Accepted and not kept (newer Polly models have them; there is no ListTagsForResource here).
    var Tags: JSONValue?

    func validate() throws {
        guard (1...20).contains(Name.count), Name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ServiceError.constraint(
                member: "Name", value: "'\(Name)'", "Member must satisfy regular expression pattern: [0-9A-Za-z]{1,20}")
        }
    }
}

struct LexiconNameInput: Codable, Sendable {
    var Name: String
}

struct ListLexiconsInput: Codable, Sendable {
    var NextToken: String?
}

struct LexiconAttributes: Codable, Sendable {
    var Alphabet: String
    var LanguageCode: String
    var LastModified: Date
    var LexiconArn: String
    var LexemesCount: Int
    var Size: Int
}

struct GetLexiconOutput: Codable, Sendable {
    struct Lexicon: Codable, Sendable {
        var Content: String
        var Name: String
    }

    var Lexicon: Lexicon
    var LexiconAttributes: LexiconAttributes
}

struct ListLexiconsOutput: Codable, Sendable {
    struct Description: Codable, Sendable {
        var Name: String
        var Attributes: LexiconAttributes
    }

    var Lexicons: [Description]
    var NextToken: String?
}

/// A lexicon as the store keeps it: the client's content, its parsed form, and when it was last put.
struct StoredLexicon: Codable, Sendable {
    var name: String
    var content: String
    var lexicon: PronunciationLexicon
    var lastModified: Date

    func attributes(region: String) -> LexiconAttributes {
        LexiconAttributes(
            Alphabet: lexicon.alphabet, LanguageCode: lexicon.languageCode, LastModified: lastModified,
            LexiconArn: "arn:aws:polly:\(region):000000000000:lexicon/\(name)", LexemesCount: lexicon.lexemes.count,
            Size: content.utf8.count)
    }
}
