/// Identifies languages with fastText's lid.176 and CLD2 together, sentence by sentence.
///
/// Each sentence gets lid.176's probability for every language blended with CLD2's share of the sentence,
/// `(p + w·share) / (1 + w)`, with w = 0.3 (chosen as the best of 0.1–1 for the 25 major languages of a development
/// set of gettext catalogs that the benchmark does not use; the blend keeps lid.176's calibration, expected
/// calibration error 0.04 against CLD2's shares' 0.18, and lets CLD2 name languages lid.176 lacks, such as Māori
/// or Xhosa). A text's score for a language is its sentences' scores weighted by their letters, so a text in two
/// languages reports both with their shares. CLD2 tells traditional Chinese from simplified, lid.176 does not: its
/// `zh` follows CLD2's `zh-TW` when CLD2 sees only that.
public struct BlendedLanguageIdentifier: LanguageIdentifier {
    private let model: FastTextClassifier
    private let cld2: CLD2LanguageIdentifier
    private let cld2Weight: Double

    /// The smallest score reported, and the most candidates.
    static let minimumScore = 0.05
    static let maximumCandidates = 3

    /// Creates the identifier over a loaded lid.176 model.
    public init(model: FastTextClassifier, cld2: CLD2LanguageIdentifier = CLD2LanguageIdentifier(), cld2Weight: Double = 0.3) {
        self.model = model
        self.cld2 = cld2
        self.cld2Weight = cld2Weight
    }

    public func identify(_ text: String) -> [IdentifiedLanguage] {
        var totals: [String: Double] = [:]
        var totalLetters = 0
        for sentence in Tokenizer.sentenceTexts(text) {
            let letters = sentence.unicodeScalars.count { $0.properties.isAlphabetic }
            guard letters > 0 else { continue }
            totalLetters += letters
            for (code, score) in scores(String(sentence)) { totals[code, default: 0] += Double(letters) * score }
        }
        guard totalLetters > 0 else { return [] }
        return totals
            .map { IdentifiedLanguage(code: $0.key, score: min(1, $0.value / Double(totalLetters))) }
            .filter { $0.score >= Self.minimumScore }
            .sorted { ($0.score, $1.code) > ($1.score, $0.code) }
            .prefix(Self.maximumCandidates)
            .map { $0 }
    }

    /// One sentence's blended score for every language either identifier names.
    func scores(_ sentence: String) -> [String: Double] {
        let shares = cld2.identify(sentence)
        let chineseCode = shares.contains { $0.code == "zh-TW" } && !shares.contains { $0.code == "zh" } ? "zh-TW" : "zh"
        var scores: [String: Double] = [:]
        for (label, probability) in zip(model.labels, model.probabilities(sentence)) where probability >= 1e-4 {
            scores[label == "zh" ? chineseCode : label, default: 0] += probability / (1 + cld2Weight)
        }
        for share in shares { scores[share.code, default: 0] += cld2Weight * share.score / (1 + cld2Weight) }
        return scores
    }
}
