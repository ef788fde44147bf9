import SibylCore
import TextAnalysis

extension ComprehendPlugin {
    /// PII detection accepts up to 100 KB of English or Spanish text, as Comprehend does.
    static let piiLanguages: Set<String> = ["en", "es"]
    static let piiBytes = 100_000

    func detectPiiEntities(_ input: PiiRequest) throws -> DetectPiiEntitiesResponse {
        DetectPiiEntitiesResponse(
            Entities: try piiFindings(input).map {
                PiiEntity(Score: $0.score, Type: $0.type, BeginOffset: $0.begin, EndOffset: $0.end)
            })
    }

    func containsPiiEntities(_ input: PiiRequest) throws -> ContainsPiiEntitiesResponse {
        var best: [String: Double] = [:]
        for finding in try piiFindings(input) { best[finding.type] = max(best[finding.type] ?? 0, finding.score) }
        return ContainsPiiEntitiesResponse(
            Labels: best.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }
                .map { EntityLabel(Name: $0.key, Score: $0.value) })
    }

    private func piiFindings(_ input: PiiRequest) throws -> [PIIFinding] {
        guard Self.piiLanguages.contains(input.LanguageCode) else {
            throw ServiceError(
                code: "UnsupportedLanguageException",
                message: "PII detection supports en and es; \(input.LanguageCode) is not supported.")
        }
        let bytes = input.Text.utf8.count
        guard bytes <= Self.piiBytes else { throw ComprehendLimits.textTooLarge(bytes, limit: Self.piiBytes) }
        return pii.findings(in: input.Text, adding: entityFindings(input.Text, language: input.LanguageCode))
    }

    /// Comprehend's PII types for entities: people are NAME, places ADDRESS, dates DATE_TIME.
    static let piiTypeOfEntity = ["PERSON": "NAME", "LOCATION": "ADDRESS", "DATE": "DATE_TIME"]

    /// Names, places and dates from the English entity recognizer (none for other languages, or without it).
    private func entityFindings(_ text: String, language: String) -> [PIIFinding] {
        guard language == "en", let english else { return [] }
        return english.entities.entities(in: english.syntax.analyze(text), text: text).compactMap { mention in
            guard mention.score >= Self.minimumEntityScore, mention.type != "DATE" || Self.looksLikeDate(mention.text)
            else { return nil }
            return Self.piiTypeOfEntity[mention.type].map {
                PIIFinding(type: $0, begin: mention.begin, end: mention.end, score: mention.score)
            }
        }
    }

    /// Entity mentions the recognizer is less sure of than this are not reported as PII.
    static let minimumEntityScore = 0.5

    static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "a.m.", "p.m.", "noon",
        "midnight",
    ]

    /// A date mention is personal information when it names a date or time: a month, a weekday or a clock time
    /// ("May 3", "Monday", "11:15 pm"), a date's separators between digits ("1998-07-23", "3/5/2021"), or a
    /// plausible year. Relative words alone ("today", "next week") and bare digit groups (often parts of
    /// phone numbers or addresses) are not.
    static func looksLikeDate(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && $0 != "." }.map(String.init)
        if words.contains(where: calendarWords.contains) { return true }
        if text.contains(where: { "/-.:".contains($0) }), text.contains(where: \.isNumber) { return true }
        return text.split(separator: " ").contains { Int($0).map { (1900...2099).contains($0) } ?? false }
    }
}
