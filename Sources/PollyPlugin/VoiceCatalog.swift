import Synthesis

/// A Polly voice and the eSpeak NG voice and variant that speak it.
struct PollyVoice: Sendable {
    var id: String
    var name: String
    var gender: String
    var languageCode: String
    var additionalLanguageCodes: [String] = []
    /// The eSpeak NG language, e.g. `en-us`.
    var espeakLanguage: String
    /// The eSpeak NG voice file that speaks it, e.g. `gmw/en-US`.
    var espeakVoiceFile: String = ""
    /// The eSpeak NG variant that gives the voice its gender and timbre, e.g. `f3`.
    var espeakVariant: String

    var synthesizerVoice: String { "\(espeakVoiceFile)+\(espeakVariant)" }
}

/// Polly's voices mapped onto eSpeak NG, with Polly's language names. Only voices whose eSpeak language is
/// installed are offered (``available(installed:)``).
enum VoiceCatalog {
    static let languageNames: [String: String] = [
        "arb": "Arabic", "ar-AE": "Gulf Arabic", "ca-ES": "Catalan", "cmn-CN": "Chinese Mandarin", "cs-CZ": "Czech",
        "cy-GB": "Welsh", "da-DK": "Danish", "de-AT": "Austrian German", "de-CH": "Swiss Standard German",
        "de-DE": "German", "en-AU": "Australian English", "en-GB": "British English", "en-GB-WLS": "Welsh English",
        "en-IE": "Irish English", "en-IN": "Indian English", "en-NZ": "New Zealand English",
        "en-SG": "Singaporean English", "en-US": "US English", "en-ZA": "South African English",
        "es-ES": "Castilian Spanish", "es-MX": "Mexican Spanish", "es-US": "US Spanish", "fi-FI": "Finnish",
        "fr-BE": "Belgian French", "fr-CA": "Canadian French", "fr-FR": "French", "hi-IN": "Hindi",
        "is-IS": "Icelandic", "it-IT": "Italian", "ja-JP": "Japanese", "ko-KR": "Korean", "nb-NO": "Norwegian",
        "nl-BE": "Belgian Dutch", "nl-NL": "Dutch", "pl-PL": "Polish", "pt-BR": "Brazilian Portuguese",
        "pt-PT": "Portuguese", "ro-RO": "Romanian", "ru-RU": "Russian", "sv-SE": "Swedish", "tr-TR": "Turkish",
        "yue-CN": "Cantonese",
    ]

    // id, name, gender, language, eSpeak language, variant (distinct variants keep same-language voices apart)
    private static let table: [(String, String, String, String, String, String)] = [
        ("Joanna", "Joanna", "Female", "en-US", "en-us", "f3"), ("Salli", "Salli", "Female", "en-US", "en-us", "f2"),
        ("Kimberly", "Kimberly", "Female", "en-US", "en-us", "f4"), ("Kendra", "Kendra", "Female", "en-US", "en-us", "f1"),
        ("Ivy", "Ivy", "Female", "en-US", "en-us", "f5"), ("Matthew", "Matthew", "Male", "en-US", "en-us", "m3"),
        ("Joey", "Joey", "Male", "en-US", "en-us", "m2"), ("Justin", "Justin", "Male", "en-US", "en-us", "m1"),
        ("Amy", "Amy", "Female", "en-GB", "en-gb", "f3"), ("Emma", "Emma", "Female", "en-GB", "en-gb", "f2"),
        ("Brian", "Brian", "Male", "en-GB", "en-gb", "m3"),
        ("Nicole", "Nicole", "Female", "en-AU", "en-gb", "f4"), ("Russell", "Russell", "Male", "en-AU", "en-gb", "m4"),
        ("Aditi", "Aditi", "Female", "en-IN", "en-gb", "f1"), ("Raveena", "Raveena", "Female", "en-IN", "en-gb", "f5"),
        ("Geraint", "Geraint", "Male", "en-GB-WLS", "en-gb", "m2"), ("Gwyneth", "Gwyneth", "Female", "cy-GB", "cy", "f3"),
        ("Aria", "Aria", "Female", "en-NZ", "en-gb", "f2"), ("Ayanda", "Ayanda", "Female", "en-ZA", "en-gb", "f3"),
        ("Niamh", "Niamh", "Female", "en-IE", "en-gb", "f4"), ("Jasmine", "Jasmine", "Female", "en-SG", "en-gb", "f1"),
        ("Conchita", "Conchita", "Female", "es-ES", "es", "f3"), ("Lucia", "Lucia", "Female", "es-ES", "es", "f2"),
        ("Enrique", "Enrique", "Male", "es-ES", "es", "m3"), ("Mia", "Mia", "Female", "es-MX", "es-419", "f3"),
        ("Lupe", "Lupe", "Female", "es-US", "es-419", "f2"), ("Penelope", "Penélope", "Female", "es-US", "es-419", "f4"),
        ("Miguel", "Miguel", "Male", "es-US", "es-419", "m3"),
        ("Celine", "Céline", "Female", "fr-FR", "fr-fr", "f3"), ("Lea", "Léa", "Female", "fr-FR", "fr-fr", "f2"),
        ("Mathieu", "Mathieu", "Male", "fr-FR", "fr-fr", "m3"), ("Chantal", "Chantal", "Female", "fr-CA", "fr-fr", "f4"),
        ("Isabelle", "Isabelle", "Female", "fr-BE", "fr-be", "f3"),
        ("Marlene", "Marlene", "Female", "de-DE", "de", "f3"), ("Vicki", "Vicki", "Female", "de-DE", "de", "f2"),
        ("Hans", "Hans", "Male", "de-DE", "de", "m3"), ("Hannah", "Hannah", "Female", "de-AT", "de", "f4"),
        ("Sabrina", "Sabrina", "Female", "de-CH", "de", "f1"),
        ("Carla", "Carla", "Female", "it-IT", "it", "f3"), ("Bianca", "Bianca", "Female", "it-IT", "it", "f2"),
        ("Giorgio", "Giorgio", "Male", "it-IT", "it", "m3"),
        ("Vitoria", "Vitória", "Female", "pt-BR", "pt-br", "f3"), ("Camila", "Camila", "Female", "pt-BR", "pt-br", "f2"),
        ("Ricardo", "Ricardo", "Male", "pt-BR", "pt-br", "m3"), ("Ines", "Inês", "Female", "pt-PT", "pt", "f3"),
        ("Cristiano", "Cristiano", "Male", "pt-PT", "pt", "m3"),
        ("Lotte", "Lotte", "Female", "nl-NL", "nl", "f3"), ("Ruben", "Ruben", "Male", "nl-NL", "nl", "m3"),
        ("Lisa", "Lisa", "Female", "nl-BE", "nl", "f2"),
        ("Naja", "Naja", "Female", "da-DK", "da", "f3"), ("Mads", "Mads", "Male", "da-DK", "da", "m3"),
        ("Liv", "Liv", "Female", "nb-NO", "nb", "f3"), ("Astrid", "Astrid", "Female", "sv-SE", "sv", "f3"),
        ("Ewa", "Ewa", "Female", "pl-PL", "pl", "f3"), ("Maja", "Maja", "Female", "pl-PL", "pl", "f2"),
        ("Jacek", "Jacek", "Male", "pl-PL", "pl", "m3"), ("Jan", "Jan", "Male", "pl-PL", "pl", "m2"),
        ("Carmen", "Carmen", "Female", "ro-RO", "ro", "f3"),
        ("Tatyana", "Tatyana", "Female", "ru-RU", "ru", "f3"), ("Maxim", "Maxim", "Male", "ru-RU", "ru", "m3"),
        ("Filiz", "Filiz", "Female", "tr-TR", "tr", "f3"),
        ("Dora", "Dóra", "Female", "is-IS", "is", "f3"), ("Karl", "Karl", "Male", "is-IS", "is", "m3"),
        ("Mizuki", "Mizuki", "Female", "ja-JP", "ja", "f3"), ("Takumi", "Takumi", "Male", "ja-JP", "ja", "m3"),
        ("Seoyeon", "Seoyeon", "Female", "ko-KR", "ko", "f3"), ("Zhiyu", "Zhiyu", "Female", "cmn-CN", "cmn", "f3"),
        ("Hiujin", "Hiujin", "Female", "yue-CN", "yue", "f3"),
        ("Zeina", "Zeina", "Female", "arb", "ar", "f3"), ("Hala", "Hala", "Female", "ar-AE", "ar", "f2"),
        ("Arlet", "Arlet", "Female", "ca-ES", "ca", "f3"), ("Suvi", "Suvi", "Female", "fi-FI", "fi", "f3"),
        ("Jitka", "Jitka", "Female", "cs-CZ", "cs", "f3"),
    ]

    /// The voices whose eSpeak language is installed, in the table's order.
    static func available(installed: [InstalledVoice]) -> [PollyVoice] {
        // The voice file that lists a language first wins (e.g. `fr-fr` is spoken by `roa/fr`).
        var files: [String: String] = [:]
        for voice in installed {
            for language in voice.languages where files[language] == nil { files[language] = voice.identifier }
        }
        return table.compactMap { id, name, gender, language, espeak, variant in
            guard let file = files[espeak] else { return nil }
            var voice = PollyVoice(
                id: id, name: name, gender: gender, languageCode: language, espeakLanguage: espeak,
                espeakVoiceFile: file, espeakVariant: variant)
            if id == "Aditi" { voice.additionalLanguageCodes = ["hi-IN"] }
            return voice
        }
    }
}
