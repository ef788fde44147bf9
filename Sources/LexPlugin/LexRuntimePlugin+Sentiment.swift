import Foundation
import SibylCore

/// Sentiment in interpretations: when the alias's `sentimentAnalysisSettings.detectSentiment` is on, the utterance
/// goes to the Comprehend plugin's DetectSentiment, as Lex sends it to Amazon Comprehend.
extension LexRuntimePlugin {
    /// Lex's `sentimentResponse` for the utterance, or `nil` when the alias does not ask for it.
    func sentiment(_ text: String, alias: LexDocument, localeId: String, context: OperationContext) async throws
        -> JSONValue?
    {
        guard alias["sentimentAnalysisSettings"]?.objectValue?["detectSentiment"] == .bool(true) else { return nil }
        struct Request: Encodable {
            var Text: String
            var LanguageCode: String
        }
        struct Scores: Decodable {
            var Positive: Double
            var Negative: Double
            var Neutral: Double
            var Mixed: Double
        }
        struct Response: Decodable {
            var Sentiment: String
            var SentimentScore: Scores
        }
        let language = String(localeId.prefix { $0 != "_" })
        let response: Response
        do {
            response = try await context.gateway.call(
                "comprehend", "DetectSentiment", input: Request(Text: text, LanguageCode: language), as: Response.self)
        } catch let error as ServiceError {
            throw LexErrors.dependencyFailed("Sentiment analysis through Comprehend failed: \(error.message)")
        }
        let scores = response.SentimentScore
        return .object([
            "sentiment": .string(response.Sentiment),
            "sentimentScore": .object([
                "positive": .number(scores.Positive), "negative": .number(scores.Negative),
                "neutral": .number(scores.Neutral), "mixed": .number(scores.Mixed),
            ]),
        ])
    }
}
