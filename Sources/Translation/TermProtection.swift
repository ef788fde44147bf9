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
    /// Source term → target term.
    let terms: [(source: String, target: String)]

    /// Creates a protection for source → target term pairs.
    public init(terms: [(source: String, target: String)]) {
        self.terms = terms.filter { !$0.source.isEmpty }.sorted { $0.source.count > $1.source.count }
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
        var result = text
        var placeholders: [(token: String, term: Int, capitalised: Bool)] = []
        for (index, term) in terms.enumerated() {
            let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: term.source) + "(?![\\p{L}\\p{N}])"
            guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            let nsText = result as NSString
            var rebuilt = ""
            var last = 0
            for match in expression.matches(in: result, range: NSRange(location: 0, length: nsText.length)) {
                let found = nsText.substring(with: match.range)
                let token = "Zsibylterm\(placeholders.count)z"
                let capitalised = found.first?.isUppercase == true && term.source.first?.isUppercase != true
                placeholders.append((token, index, capitalised))
                rebuilt += nsText.substring(with: NSRange(location: last, length: match.range.location - last)) + token
                last = match.range.location + match.range.length
            }
            if last > 0 { result = rebuilt + nsText.substring(from: last) }
        }
        return Protected(text: result, placeholders: placeholders)
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
