/// A word read from a picture: its text, its box in pixels of the upright picture, the corners of the text in
/// reading order (top-left, top-right, bottom-right, bottom-left of the text as read), and a confidence 0–100.
public struct RecognizedWord: Sendable {
    public var text: String
    public var box: PixelRect
    public var corners: [(x: Double, y: Double)]
    public var confidence: Double
    /// Whether the word is in the recogniser's dictionary (a sign of text read the right way up).
    public var isDictionaryWord: Bool

    public init(
        text: String, box: PixelRect, corners: [(x: Double, y: Double)], confidence: Double, isDictionaryWord: Bool = false
    ) {
        self.text = text
        self.box = box
        self.corners = corners
        self.confidence = confidence
        self.isDictionaryWord = isDictionaryWord
    }

    func scaled(by factor: Double) -> RecognizedWord {
        RecognizedWord(
            text: text, box: box.scaled(by: factor), corners: corners.map { ($0.x * factor, $0.y * factor) },
            confidence: confidence, isDictionaryWord: isDictionaryWord)
    }
}

/// A line of text: its words in reading order.
public struct RecognizedLine: Sendable {
    public var words: [RecognizedWord]

    public init(words: [RecognizedWord]) { self.words = words }

    func scaled(by factor: Double) -> RecognizedLine { RecognizedLine(words: words.map { $0.scaled(by: factor) }) }

    /// The words joined by spaces.
    public var text: String { words.map(\.text).joined(separator: " ") }
    /// The box around all the words.
    public var box: PixelRect { words.dropFirst().reduce(words[0].box) { $0.union($1.box) } }
    /// The mean of the words' confidences.
    public var confidence: Double { words.map(\.confidence).reduce(0, +) / Double(words.count) }
    /// The line's corners in reading order: the first word's leading corners and the last word's trailing ones.
    public var corners: [(x: Double, y: Double)] {
        [words[0].corners[0], words[words.count - 1].corners[1], words[words.count - 1].corners[2], words[0].corners[3]]
    }
}
