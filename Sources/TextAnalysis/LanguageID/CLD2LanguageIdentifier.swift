import CCLD2

/// Language identification with CLD2's full tables (160+ languages), linked in-process. Thread-safe: CLD2 keeps
/// no state between calls.
public struct CLD2LanguageIdentifier: LanguageIdentifier {
    /// Creates the identifier.
    public init() {}

    public func identify(_ text: String) -> [IdentifiedLanguage] {
        var candidates = [sibyl_cld2_language](repeating: sibyl_cld2_language(), count: 3)
        var reliable: Int32 = 0
        let found = text.withCString { pointer in
            candidates.withUnsafeMutableBufferPointer { out in
                sibyl_cld2_detect(pointer, Int32(text.utf8.count), out.baseAddress, &reliable)
            }
        }
        return candidates.prefix(Int(found)).compactMap { candidate in
            let code = withUnsafeBytes(of: candidate.code) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard code != "un", code != "xx" else { return nil }
            return IdentifiedLanguage(code: Self.comprehendCode(code), score: Double(candidate.percent) / 100)
        }
    }

    /// CLD2 keeps some pre-2005 codes and Google's script-tagged Chinese; Comprehend writes current RFC 5646 codes.
    static func comprehendCode(_ code: String) -> String {
        switch code {
        case "iw": "he"
        case "jw": "jv"
        case "in": "id"
        case "zh-Hant": "zh-TW"
        case "zh-Hans": "zh"
        default: code
        }
    }
}
