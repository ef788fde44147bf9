/// A sample utterance parsed into words and slot placeholders: "I want {Count} {FlowerType} please".
public struct UtteranceTemplate: Sendable {
    /// A word to match or a slot to fill.
    public enum Element: Sendable, Equatable {
        case word(String)
        case slot(String)
    }

    /// The elements in order.
    public var elements: [Element]

    /// Parses a sample utterance; `{Name}` may touch punctuation or other words ("{Count},").
    public init(_ text: String) {
        var elements: [Element] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                elements += Self.words(rest[..<open])
                elements.append(.slot(String(rest[rest.index(after: open)..<close])))
                rest = rest[rest.index(after: close)...]
            } else {
                elements += Self.words(rest)
                rest = ""
            }
        }
        self.elements = elements
    }

    /// The slot names the template mentions.
    public var slotNames: [String] {
        elements.compactMap { if case .slot(let name) = $0 { name } else { nil } }
    }

    private static func words(_ text: Substring) -> [Element] {
        UtteranceTokens.split(String(text)).map { .word($0.key) }
    }
}
