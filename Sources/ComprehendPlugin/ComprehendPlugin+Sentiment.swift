import SibylCore
import TextAnalysis

extension ComprehendPlugin {
    /// DetectSentiment accepts up to 5 KB of UTF-8 text per document.
    static let sentimentBytes = 5_000

    func detectSentiment(_ text: String, models: EnglishTextModels) throws -> DetectSentimentResponse {
        try Self.checkSize(text, limit: Self.sentimentBytes)
        let result = models.sentiment.classify(text)
        return DetectSentimentResponse(Sentiment: result.label, SentimentScore: Self.scores(result))
    }

    /// DetectTargetedSentiment accepts up to 5 KB of UTF-8 text per document, as DetectSentiment does.
    func detectTargetedSentiment(_ text: String, models: EnglishTextModels) throws -> DetectTargetedSentimentResponse {
        try Self.checkSize(text, limit: Self.sentimentBytes)
        let analyzer = TargetedSentimentAnalyzer(syntax: models.syntax, entities: models.entities, sentiment: models.sentiment)
        return DetectTargetedSentimentResponse(
            Entities: analyzer.targets(in: text).map { target in
                TargetedSentimentEntity(
                    DescriptiveMentionIndex: target.descriptiveMentions,
                    Mentions: target.mentions.map { mention in
                        TargetedSentimentMention(
                            Score: mention.score, GroupScore: 1, Text: mention.text, Type: mention.type,
                            MentionSentiment: MentionSentiment(
                                Sentiment: mention.sentiment.label, SentimentScore: Self.scores(mention.sentiment)),
                            BeginOffset: mention.begin, EndOffset: mention.end)
                    })
            })
    }

    static func scores(_ result: SentimentResult) -> SentimentScore {
        SentimentScore(Positive: result.positive, Negative: result.negative, Neutral: result.neutral, Mixed: result.mixed)
    }
}
