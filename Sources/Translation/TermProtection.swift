import Foundation

/// A term found in a text and the form it must take in the translation.
public struct AppliedTerm: Sendable, Equatable {
    /// The term as the terminology writes it in the source language.
    public var source: String
    /// The term in the target language.
    public var target: String
}

/// Keeps terminology terms out of the engine's hands: each occurrence of a source term (whole words, any
/// case, longest first) is replaced by a placeholder the engine passes through as an unknown word, and the
/// placeholders in the translation are replaced by the target terms, capitalised where the occurrence was.
public struct TermProtection: Sendable {
    /// Source term → target term, longest source first.
    let terms: [(source: String, target: String)]
    /// Every source term in one expression, so that a text is scanned once whatever the terminology's size.
    private let matcher: TermMatcher?

    /// Creates a protection for source → target term pairs.
    public init(terms: [(source: String, target: String)]) {
        var seen: Set<String> = []
        self.terms = terms.filter { !$0.source.isEmpty && seen.insert($0.source.lowercased()).inserted }
            .sorted { $0.source.count > $1.source.count }
        matcher = self.terms.isEmpty ? nil : TermMatcher(sources: self.terms.map(\.source))
    }

    /// The pairs of a terminology for one direction: for a unidirectional terminology only from its first
    /// language, for a multidirectional one from any.
    public init(terminology: Terminology, from source: String, to target: String, multidirectional: Bool) {
        guard multidirectional || terminology.languages.first == source else {
            self.init(terms: [])
            return
        }
        self.init(terms: terminology.entries.compactMap { entry in
            guard let from = entry[source], let to = entry[target] else { return nil }
            return (from, to)
        })
    }

    /// A text with its terms replaced by placeholders, and what each placeholder stands for.
    public struct Protected: Sendable {
        public var text: String
        var placeholders: [(token: String, term: Int, capitalised: Bool)]
    }

    /// Replaces the terms of `text` by placeholders.
    public func protect(_ text: String) -> Protected {
        guard let matcher else { return Protected(text: text, placeholders: []) }
        let nsText = text as NSString
        var result = ""
        var last = 0
        var placeholders: [(token: String, term: Int, capitalised: Bool)] = []
        for match in matcher.expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
            let found = nsText.substring(with: match.range)
            guard let index = matcher.index[found.lowercased()] else { continue }
            let token = "Zsibylterm\(placeholders.count)z"
            let capitalised = found.first?.isUppercase == true && terms[index].source.first?.isUppercase != true
            placeholders.append((token, index, capitalised))
            result += nsText.substring(with: NSRange(location: last, length: match.range.location - last)) + token
            last = match.range.location + match.range.length
        }
        return Protected(text: result + nsText.substring(from: last), placeholders: placeholders)
    }

    /// The translation with its placeholders replaced by the target terms, and the terms that were applied.
    public func restore(_ translation: String, from protected: Protected) -> (text: String, applied: [AppliedTerm]) {
        var text = translation
        var applied: [AppliedTerm] = []
        for placeholder in protected.placeholders {
            guard let range = text.range(of: placeholder.token) else { continue }
            let term = terms[placeholder.term]
            let target = placeholder.capitalised ? term.target.prefix(1).uppercased() + term.target.dropFirst() : term.target
            text.replaceSubrange(range, with: target)
            let appliedTerm = AppliedTerm(source: term.source, target: term.target)
            if !applied.contains(appliedTerm) { applied.append(appliedTerm) }
        }
        return (text, applied)
    }
}

/// The compiled alternation of a terminology's source terms (whole words, any case, longest first) and the
/// term each lower-cased match stands for. Compiled once; matching only reads it.
final class TermMatcher: @unchecked Sendable {
    let expression: NSRegularExpression
    let index: [String: Int]

    init?(sources: [String]) {
        let alternatives = sources.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        guard let expression = try? NSRegularExpression(
            pattern: "(?<![\\p{L}\\p{N}])(?:\(alternatives))(?![\\p{L}\\p{N}])", options: [.caseInsensitive])
        else { return nil }
        self.expression = expression
        var index: [String: Int] = [:]
        for (position, source) in sources.enumerated() where index[source.lowercased()] == nil {
            index[source.lowercased()] = position
        }
        self.index = index
    }
}
