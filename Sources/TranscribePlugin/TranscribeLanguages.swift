import SibylCore

/// Transcribe's language codes (en-US, …) and the recogniser's ISO 639-1 codes (en, …).
enum TranscribeLanguages {
    /// The code answered for a recognised language when the request named no variant.
    static let preferred = [
        "en": "en-US", "es": "es-US", "fr": "fr-FR", "de": "de-DE", "pt": "pt-BR", "zh": "zh-CN", "ar": "ar-SA",
        "sw": "sw-KE", "et": "et-EE", "ckb": "ckb-IQ",
    ]

    /// Every code botocore's model lists.
    static let all = [
        "af-ZA", "ar-AE", "ar-SA", "da-DK", "de-CH", "de-DE", "en-AB", "en-AU", "en-GB", "en-IE", "en-IN", "en-US",
        "en-WL", "es-ES", "es-US", "fa-IR", "fr-CA", "fr-FR", "he-IL", "hi-IN", "id-ID", "it-IT", "ja-JP", "ko-KR",
        "ms-MY", "nl-NL", "pt-BR", "pt-PT", "ru-RU", "ta-IN", "te-IN", "tr-TR", "zh-CN", "zh-TW", "th-TH", "en-ZA",
        "en-NZ", "vi-VN", "sv-SE", "ab-GE", "ast-ES", "az-AZ", "ba-RU", "be-BY", "bg-BG", "bn-IN", "bs-BA", "ca-ES",
        "ckb-IQ", "ckb-IR", "cs-CZ", "cy-WL", "el-GR", "et-EE", "et-ET", "eu-ES", "fi-FI", "gl-ES", "gu-IN", "ha-NG",
        "hr-HR", "hu-HU", "hy-AM", "is-IS", "ka-GE", "kab-DZ", "kk-KZ", "kn-IN", "ky-KG", "lg-IN", "lt-LT", "lv-LV",
        "mhr-RU", "mi-NZ", "mk-MK", "ml-IN", "mn-MN", "mr-IN", "mt-MT", "no-NO", "or-IN", "pa-IN", "pl-PL", "ps-AF",
        "ro-RO", "rw-RW", "si-LK", "sk-SK", "sl-SI", "so-SO", "sr-RS", "su-ID", "sw-BI", "sw-KE", "sw-RW", "sw-TZ",
        "sw-UG", "tl-PH", "tt-RU", "ug-CN", "uk-UA", "uz-UZ", "wo-SN", "zh-HK", "zu-ZA",
    ]

    /// The recogniser's code for a Transcribe code ("en-GB" → "en").
    static func recognizerCode(_ code: String) -> String {
        String(code.prefix { $0 != "-" })
    }

    /// Checks a code against the model's enum and the recogniser's languages.
    static func check(_ code: String, member: String, known: [String]) throws {
        guard all.contains(code) else {
            throw ServiceError(
                code: "BadRequestException",
                message: "1 validation error detected: Value '\(code)' at '\(member)' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [\(all.joined(separator: ", "))]")
        }
        guard known.contains(recognizerCode(code)) else {
            throw ServiceError(
                code: "BadRequestException",
                message: "The language code \(code) isn't supported here: the speech recogniser has no model for it.")
        }
    }

    /// The Transcribe code for a recognised language: the request's option with that language, else the usual one.
    static func transcribeCode(_ recognized: String, options: [String]) -> String {
        if let option = options.first(where: { recognizerCode($0) == recognized }) { return option }
        return preferred[recognized] ?? all.first { recognizerCode($0) == recognized } ?? recognized
    }
}
