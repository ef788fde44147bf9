import Foundation

/// Masks profane words and phrases as Amazon Translate does: each becomes `?$#@$`, whatever its length.
/// One word list per language (`<code>.txt`, one lower-case entry per line); matching is whole words, any case.
public final class ProfanityMasker: @unchecked Sendable {
    /// Translate's mask.
    public static let mask = "?$#@$"

    /// Compiled once in `init` and only read afterwards (NSRegularExpression is thread-safe for matching).
    private let expressions: [String: NSRegularExpression]

    /// The languages with a word list.
    public var languages: Set<String> { Set(expressions.keys) }

    /// Loads every `<language>.txt` list in a directory (none when it is missing).
    public init(directory: URL) {
        var expressions: [String: NSRegularExpression] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files where file.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { continue }
            let entries = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }.sorted { $0.count > $1.count }
            guard !entries.isEmpty else { continue }
            let alternatives = entries.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
            let pattern = "(?<![\\p{L}\\p{N}])(?:\(alternatives))(?![\\p{L}\\p{N}])"
            if let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) {
                expressions[String(file.dropLast(4))] = expression
            }
        }
        self.expressions = expressions
    }

    /// The text with every listed word or phrase of `language` masked; nil when there is no list for it.
    public func masking(_ text: String, language: String) -> String? {
        guard let expression = expressions[language] else { return nil }
        return expression.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text),
            withTemplate: NSRegularExpression.escapedTemplate(for: Self.mask))
    }
}
