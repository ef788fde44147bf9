import SibylCore

/// The constraints of Lex V2's models that recur across shapes, worded as AWS words them.
enum LexValidation {
    /// A resource id: 10 letters and digits.
    static func id(_ value: String, member: String) throws {
        guard value.count == 10, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ServiceError.constraint(
                member: member, value: value, "Member must satisfy regular expression pattern: ^[0-9a-zA-Z]+$ and have length 10")
        }
    }

    /// A resource name: 1–100 letters and digits, each optionally followed by `_` or `-`.
    static func name(_ value: String, member: String) throws {
        var previousWasSeparator = true
        var valid = !value.isEmpty && value.count <= 100
        for character in value where valid {
            if character.isASCII, character.isLetter || character.isNumber {
                previousWasSeparator = false
            } else if character == "_" || character == "-", !previousWasSeparator {
                previousWasSeparator = true
            } else {
                valid = false
            }
        }
        guard valid else {
            throw ServiceError.constraint(
                member: member, value: value, "Member must satisfy regular expression pattern: ^([0-9a-zA-Z][_-]?){1,100}$")
        }
    }

    /// A description of at most 2,000 characters.
    static func description(_ value: String?, member: String = "description") throws {
        guard let value, value.count > 2000 else { return }
        throw ServiceError.constraint(member: member, value: "(\(value.count) characters)", "Member must have length less than or equal to 2000")
    }

    /// `DRAFT` only (the versions that can be edited).
    static func draft(_ value: String, member: String = "botVersion") throws {
        guard value == "DRAFT" else {
            throw ServiceError.constraint(member: member, value: value, "Member must satisfy regular expression pattern: ^DRAFT$")
        }
    }

    /// `DRAFT` or a version number.
    static func version(_ value: String, member: String = "botVersion") throws {
        guard value == "DRAFT" || (1...5).contains(value.count) && value.allSatisfy(\.isNumber) else {
            throw ServiceError.constraint(
                member: member, value: value, "Member must satisfy regular expression pattern: ^(DRAFT|[0-9]+)$")
        }
    }

    /// A locale Lex V2 supports.
    static func locale(_ value: String, member: String = "localeId") throws {
        guard LexLocales.names[value] != nil else {
            throw ServiceError.validation(
                "Locale \(value) is not supported. Supported locales: \(LexLocales.names.keys.sorted().joined(separator: ", ")).")
        }
    }

    /// A List operation's `sortBy`: one of the operation's `attributes`, `Ascending` or `Descending`.
    static func sort(_ sort: ListBotsRequest.Sort, attributes: [String]) throws {
        guard attributes.contains(sort.attribute) else {
            throw ServiceError.constraint(
                member: "sortBy.attribute", value: sort.attribute,
                "Member must satisfy enum value set: [\(attributes.joined(separator: ", "))]")
        }
        guard ["Ascending", "Descending"].contains(sort.order) else {
            throw ServiceError.constraint(
                member: "sortBy.order", value: sort.order,
                "Member must satisfy enum value set: [Ascending, Descending]")
        }
    }

    /// `maxResults` between 1 and 1,000.
    static func maxResults(_ value: Int?) throws {
        guard let value, !(1...1000).contains(value) else { return }
        throw ServiceError.constraint(member: "maxResults", value: String(value), "Member must have value between 1 and 1000")
    }
}

/// The locales Lex V2 supports, with the names Lex gives them.
enum LexLocales {
    static let names: [String: String] = [
        "ar_AE": "Gulf Arabic (UAE)", "ca_ES": "Catalan (Spain)", "cy_GB": "Welsh (UK)", "de_AT": "German (Austria)",
        "de_CH": "German (Switzerland)", "de_DE": "German (Germany)", "en_AU": "English (AU)", "en_GB": "English (GB)",
        "en_IE": "English (IE)", "en_IN": "English (IN)", "en_NZ": "English (NZ)", "en_US": "English (US)",
        "en_ZA": "English (ZA)", "es_419": "Spanish (Latin America)", "es_ES": "Spanish (Spain)", "es_US": "Spanish (US)",
        "fi_FI": "Finnish (Finland)", "fr_CA": "French (Canada)", "fr_FR": "French (France)", "hi_IN": "Hindi (India)",
        "it_IT": "Italian (Italy)", "ja_JP": "Japanese (Japan)", "ko_KR": "Korean (Korea)", "nl_NL": "Dutch (Netherlands)",
        "no_NO": "Norwegian (Norway)", "pl_PL": "Polish (Poland)", "pt_BR": "Portuguese (Brazil)",
        "pt_PT": "Portuguese (Portugal)", "sv_SE": "Swedish (Sweden)", "yue_HK": "Cantonese (Hong Kong)",
        "zh_CN": "Mandarin (PRC)",
    ]
}
