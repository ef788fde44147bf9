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
        return pii.findings(in: input.Text)
    }
}
