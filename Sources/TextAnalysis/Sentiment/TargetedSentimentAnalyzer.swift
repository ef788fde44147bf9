/// One mention of a target with the sentiment expressed about it.
public struct TargetMention: Sendable, Equatable {
    public var text: String
    public var begin: Int
    public var end: Int
    /// A Comprehend targeted-sentiment type: a named entity's type, or ATTRIBUTE for a common noun phrase.
    public var type: String
    /// Confidence that this is a mention (the recognizer's or tagger's score).
    public var score: Double
    /// The sentiment of the clause the mention stands in.
    public var sentiment: SentimentResult
}

/// A target: every mention of one thing (grouped by their lower-cased text), in text order.
public struct SentimentTarget: Sendable, Equatable {
    public var mentions: [TargetMention]
    /// The mentions that describe the target best (the longest text).
    public var descriptiveMentions: [Int]
}

/// Targeted sentiment: the named entities and noun phrases of a text, each with the sentiment of the clause it
/// stands in ("The food was great but the service was slow": food POSITIVE, service NEGATIVE). Clauses are
/// the sentence split at contrastive conjunctions and semicolons.
public struct TargetedSentimentAnalyzer: Sendable {
    let syntax: SyntaxAnalyzer
    let entities: EntityRecognizer
    let sentiment: SentimentClassifier

    /// Creates the analyzer over the English models.
    public init(syntax: SyntaxAnalyzer, entities: EntityRecognizer, sentiment: SentimentClassifier) {
        self.syntax = syntax
        self.entities = entities
        self.sentiment = sentiment
    }

    static let clauseBreaks: Set<String> = ["but", "however", "although", "though", "yet", "whereas", "while", ";"]
    static let entityTypes = [
        "PERSON": "PERSON", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION", "COMMERCIAL_ITEM": "COMMERCIAL_ITEM",
        "EVENT": "EVENT", "DATE": "DATE", "QUANTITY": "QUANTITY", "TITLE": "OTHER", "OTHER": "OTHER",
    ]

    /// The targets of a text, in the order of their first mention.
    public func targets(in text: String) -> [SentimentTarget] {
        let scalars = Array(text.unicodeScalars)
        let sentences = syntax.analyze(text)
        let named = entities.entities(in: sentences, text: text)
        let phrases = KeyPhraseExtractor().phrases(in: sentences, text: text)
        var clauses: [(begin: Int, end: Int, result: SentimentResult)] = []
        for sentence in sentences {
            var start = 0
            for index in sentence.indices {
                let isBreak = Self.clauseBreaks.contains(sentence[index].token.text.lowercased())
                if (isBreak && index > start) || index == sentence.count - 1 {
                    let stop = isBreak ? index : sentence.count
                    guard stop > start else { continue }  // a sentence that is only "but" has no clause
                    let begin = sentence[start].token.begin
                    let end = sentence[stop - 1].token.end
                    let clause = String(String.UnicodeScalarView(scalars[begin..<end]))
                    clauses.append((begin, isBreak ? sentence[index].token.begin : end, sentiment.classify(clause)))
                    start = index
                }
            }
        }
        func clauseSentiment(_ begin: Int) -> SentimentResult {
            clauses.first { $0.begin <= begin && begin < max($0.end, $0.begin + 1) }?.result
                ?? clauses.last?.result
                ?? SentimentResult(label: "NEUTRAL", positive: 0, negative: 0, neutral: 1, mixed: 0)
        }
        var mentions = named.map {
            TargetMention(
                text: $0.text, begin: $0.begin, end: $0.end, type: Self.entityTypes[$0.type] ?? "OTHER", score: $0.score,
                sentiment: clauseSentiment($0.begin))
        }
        // Noun phrases that are not named entities are attributes of what the text is about; their target is the
        // phrase without its determiner ("the service" → "service").
        let determiners: Set<String> = [
            "the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "their", "his", "her", "its",
        ]
        for phrase in phrases where !named.contains(where: { $0.begin < phrase.end && phrase.begin < $0.end }) {
            var begin = phrase.begin
            let firstWord = phrase.text.prefix { !$0.isWhitespace }
            if determiners.contains(firstWord.lowercased()) {
                begin += firstWord.unicodeScalars.count
                while begin < phrase.end, scalars[begin].properties.isWhitespace { begin += 1 }
            }
            guard begin < phrase.end else { continue }
            mentions.append(
                TargetMention(
                    text: String(String.UnicodeScalarView(scalars[begin..<phrase.end])), begin: begin, end: phrase.end,
                    type: "ATTRIBUTE", score: phrase.score, sentiment: clauseSentiment(begin)))
        }
        mentions.sort { $0.begin < $1.begin }
        var order: [String] = []
        var groups: [String: [TargetMention]] = [:]
        for mention in mentions {
            let key = mention.text.lowercased()
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(mention)
        }
        return order.map { key in
            let group = groups[key]!
            let longest = group.map { $0.text.count }.max() ?? 0
            return SentimentTarget(mentions: group, descriptiveMentions: group.indices.filter { group[$0].text.count == longest })
        }
    }
}
