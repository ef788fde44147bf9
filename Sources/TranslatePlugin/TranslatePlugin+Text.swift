import Apertium
import Foundation
import SibylCore
import Translation

extension TranslatePlugin {
    func translateText(_ input: TranslateTextRequest, context: OperationContext) async throws -> TranslateTextResponse {
        let bytes = input.Text.utf8.count
        guard bytes <= Self.textBytes else {
            throw ServiceError(
                code: "TextSizeLimitExceededException",
                message: "Input text size exceeds limit. Max length of request text allowed is \(Self.textBytes) bytes "
                    + "while in this request the text size is \(bytes) bytes")
        }
        try checkSettings(input.Settings, target: input.TargetLanguageCode)
        let source =
            input.SourceLanguageCode == "auto"
            ? try await detectLanguage(input.Text, context: context) : input.SourceLanguageCode
        guard source != input.TargetLanguageCode else {
            throw ServiceError.validation(
                "The source language code and the target language code are the same (\(source)); choose a different target.")
        }
        let terminologies = try termProtection(
            input.TerminologyNames, from: source, to: input.TargetLanguageCode, resources: context.resources)
        let translation = try await translating(from: source, to: input.TargetLanguageCode) {
            try await engine.translate(
                input.Text, from: source, to: input.TargetLanguageCode, keepMarks: marksUnknownWords,
                terms: terminologies.first?.protection ?? TermProtection(terms: []))
        }
        return TranslateTextResponse(
            TranslatedText: finished(translation.text, settings: input.Settings, target: input.TargetLanguageCode),
            SourceLanguageCode: source, TargetLanguageCode: input.TargetLanguageCode,
            AppliedTerminologies: Self.applied(terminologies.first?.name, translation),
            AppliedSettings: Self.appliedSettings(input.Settings))
    }

    /// Translate's AppliedTerminologies: the terminology with the terms that were used (none when unused).
    static func applied(_ name: String?, _ translation: Translation) -> [AppliedTerminology]? {
        guard let name else { return nil }
        return [
            AppliedTerminology(
                Name: name, Terms: translation.appliedTerms.map { Term(SourceText: $0.source, TargetText: $0.target) })
        ]
    }

    /// The translation with the settings applied (profanity masked when asked).
    func finished(_ text: String, settings: TranslationSettings?, target: String) -> String {
        guard settings?.Profanity == "MASK" else { return text }
        return profanity.masking(text, language: target) ?? text
    }

    /// The settings a response reports as applied.
    static func appliedSettings(_ settings: TranslationSettings?) -> TranslationSettings? {
        settings?.Profanity == nil ? nil : TranslationSettings(Formality: nil, Profanity: settings?.Profanity, Brevity: nil)
    }

    /// Settings Apertium cannot honour are refused, as Translate refuses them for unsupported languages.
    func checkSettings(_ settings: TranslationSettings?, target: String) throws {
        guard let settings else { return }
        if let formality = settings.Formality {
            throw ServiceError.validation(
                "Formality \(formality) is not supported for the target language \(target) by this engine (Apertium rules have no register control).")
        }
        if settings.Brevity != nil {
            throw ServiceError.validation("Brevity is not supported for the target language \(target) by this engine.")
        }
        if let mode = settings.Profanity {
            guard mode == "MASK" else {
                throw ServiceError.constraint(
                    member: "settings.profanity", value: "'\(mode)'", "Member must satisfy enum value set: [MASK]")
            }
            guard profanity.languages.contains(target) else {
                throw ServiceError.validation(
                    "Profanity masking is not supported for the target language \(target) (word lists here: \(profanity.languages.sorted().joined(separator: ", "))).")
            }
        }
    }

    /// The dominant language of the text, asked of the Comprehend plugin through the gateway.
    func detectLanguage(_ text: String, context: OperationContext) async throws -> String {
        struct Request: Encodable { var Text: String }
        struct Candidate: Decodable {
            var LanguageCode: String
            var Score: Double
        }
        struct Response: Decodable { var Languages: [Candidate] }
        let response: Response
        do {
            response = try await context.gateway.call(
                "comprehend", "DetectDominantLanguage", input: Request(Text: text), as: Response.self)
        } catch let error as ServiceError where error.code == "UnknownOperationException" {
            throw ServiceError.engineUnavailable(
                "SourceLanguageCode auto needs the Comprehend plugin's DetectDominantLanguage, which this gateway does not serve.")
        }
        guard let best = response.Languages.first, best.Score >= 0.5 else {
            var error = ServiceError(
                code: "DetectedLanguageLowConfidenceException",
                message: "The language of the text could not be detected with confidence; set SourceLanguageCode.")
            if let best = response.Languages.first { error.members = ["DetectedLanguageCode": best.LanguageCode] }
            throw error
        }
        return best.LanguageCode
    }
}
