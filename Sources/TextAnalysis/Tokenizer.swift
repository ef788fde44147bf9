import CICU

/// What a token holds, from ICU's word-break rule status.
public enum TokenKind: Sendable, Equatable {
    case word
    case number
    /// Punctuation and symbols.
    case punctuation
}

/// A token of a text, with offsets in Unicode scalars (code points) as Comprehend counts them.
public struct Token: Sendable, Equatable {
    public var text: String
    /// Offset of the first scalar.
    public var begin: Int
    /// Offset after the last scalar.
    public var end: Int
    public var kind: TokenKind

    /// Creates a token.
    public init(text: String, begin: Int, end: Int, kind: TokenKind) {
        self.text = text
        self.begin = begin
        self.end = end
        self.kind = kind
    }
}

/// A sentence: its span and its tokens.
public struct Sentence: Sendable, Equatable {
    public var begin: Int
    public var end: Int
    public var tokens: [Token]
}

/// Splits text into sentences and tokens with the system ICU's break iterators (sentence breaks suppressed
/// after known abbreviations such as "Mr." and "e.g."; numbers such as "3.14" and "1,000" kept whole), then
/// splits English clitics ("do|n't", "John|'s") as treebanks do, so a tagger sees the tokens it was trained on.
public struct Tokenizer: Sendable {
    /// The ICU locale, e.g. `en` or `es`.
    public let language: String

    /// Creates a tokenizer for a language code.
    public init(language: String) {
        self.language = language
    }

    /// The sentences of `text`, each with its tokens; whitespace-only sentences are left out.
    public func sentences(_ text: String) -> [Sentence] {
        let units = Array(text.utf16)
        let scalarOffsets = Self.scalarOffsets(of: text, utf16Count: units.count)
        var tokens: [Token] = []
        var wordStart = 0
        for word in Self.segments(.word, locale: language, units: units) {
            defer { wordStart = word.end }
            guard let kind = Self.tokenKind(word.kind, units: units[wordStart..<word.end]) else { continue }
            let piece = String(decoding: units[wordStart..<word.end], as: UTF16.self)
            tokens += splitClitics(
                Token(text: piece, begin: scalarOffsets[wordStart], end: scalarOffsets[word.end], kind: kind))
        }
        tokens = Self.joiningAbbreviations(tokens)
        let titleEnds = Set(tokens.filter { Self.neverEndsSentence($0.text) }.map(\.end))
        let sentenceEnds = Self.segments(.sentence, locale: "\(language)@ss=standard", units: units)
            .map { scalarOffsets[$0.end] }

        var sentences: [Sentence] = []
        var current: [Token] = []
        var next = tokens.makeIterator().lazy.makeIterator()
        var pending = next.next()
        for end in sentenceEnds {
            while let token = pending, token.begin < end {
                current.append(token)
                pending = next.next()
            }
            // A title such as "Dr." or an initial never ends a sentence, whatever the break rules thought.
            if let last = current.last, titleEnds.contains(last.end), pending != nil { continue }
            if let first = current.first, let last = current.last {
                sentences.append(Sentence(begin: first.begin, end: last.end, tokens: current))
            }
            current = []
        }
        return sentences
    }

    /// The sentences of a text whose language is not known yet, by ICU's rules for no particular locale, as slices
    /// of it; whitespace-only pieces are left out.
    public static func sentenceTexts(_ text: String) -> [Substring] {
        var sentences: [Substring] = []
        var start = text.utf16.startIndex
        var startOffset = 0
        for segment in segments(.sentence, locale: "root", units: Array(text.utf16)) {
            let end = text.utf16.index(start, offsetBy: segment.end - startOffset)
            let sentence = text[start..<end]
            if !sentence.unicodeScalars.allSatisfy(\.properties.isWhitespace) { sentences.append(sentence) }
            (start, startOffset) = (end, segment.end)
        }
        return sentences
    }

    /// All tokens of `text`, in order.
    public func tokens(_ text: String) -> [Token] {
        sentences(text).flatMap(\.tokens)
    }

    // MARK: - Abbreviations and clitics

    /// Titles before a name: their full stop never ends a sentence.
    static let titles: Set<String> = ["mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "sr.", "jr.", "gen.", "sen.", "rep.", "gov.", "capt.", "lt.", "col.", "sgt.", "rev.", "hon.", "fr."]

    private static func neverEndsSentence(_ word: String) -> Bool {
        titles.contains(word.lowercased()) || (word.count == 2 && word.first!.isUppercase && word.last == ".")
    }

    /// Words that keep their full stop as one token, as treebanks write them.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "sen", "rep", "gov", "capt", "lt", "col", "sgt",
        "rev", "hon", "fr", "inc", "ltd", "co", "corp", "bros", "vs", "etc", "no", "vol", "fig", "approx", "dept",
        "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
        "wed", "thu", "fri", "sat", "sun", "ave", "blvd", "rd", "mt", "ft", "sr", "e.g", "i.e", "a.m", "p.m",
        "u.s", "u.k", "u.n", "d.c",
    ]

    /// Joins an abbreviation or an initial ("J") with the full stop right after it ("J.", "Mr.", "U.S.").
    static func joiningAbbreviations(_ tokens: [Token]) -> [Token] {
        var joined: [Token] = []
        joined.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if index + 1 < tokens.count, tokens[index + 1].text == ".", tokens[index + 1].begin == token.end,
                token.kind == .word, isAbbreviation(token.text)
            {
                joined.append(Token(text: token.text + ".", begin: token.begin, end: token.end + 1, kind: .word))
                index += 2
                continue
            }
            joined.append(token)
            index += 1
        }
        return joined
    }

    private static func isAbbreviation(_ word: String) -> Bool {
        if word.count == 1, word.first?.isUppercase == true { return true }
        let lowered = word.lowercased()
        return abbreviations.contains(lowered) || (lowered.contains(".") && lowered.count <= 6)
    }

    private static let englishClitics = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "n’t", "’s", "’re", "’ve", "’ll", "’d", "’m"]

    private func splitClitics(_ token: Token) -> [Token] {
        guard language == "en", token.kind == .word else { return [token] }
        let lowered = token.text.lowercased()
        for clitic in Self.englishClitics where lowered.hasSuffix(clitic) && lowered.count > clitic.count {
            let cliticLength = clitic.unicodeScalars.count
            let stemScalars = token.text.unicodeScalars.dropLast(cliticLength)
            let split = token.end - cliticLength
            let stem = Token(text: String(String.UnicodeScalarView(stemScalars)), begin: token.begin, end: split, kind: .word)
            let tail = Token(
                text: String(String.UnicodeScalarView(token.text.unicodeScalars.suffix(cliticLength))),
                begin: split, end: token.end, kind: .word)
            return [stem, tail]
        }
        return [token]
    }

    // MARK: - ICU

    private enum BreakKind { case word, sentence }

    private struct Segment {
        var end: Int
        var kind: Int32
    }

    /// ICU's segments; on an ICU failure the whole text is one segment.
    private static func segments(_ kind: BreakKind, locale: String, units: [UInt16]) -> [Segment] {
        guard !units.isEmpty else { return [] }
        let breakKind = kind == .word ? SIBYL_ICU_WORD : SIBYL_ICU_SENTENCE
        var capacity = max(16, units.count / 3)
        while true {
            var ends = [Int32](repeating: 0, count: capacity)
            var kinds = [Int32](repeating: 0, count: capacity)
            let count = Int(sibyl_icu_segments(breakKind, locale, units, Int32(units.count), &ends, &kinds, Int32(capacity)))
            if count < 0 { return [Segment(end: units.count, kind: Int32(SIBYL_ICU_SEGMENT_LETTER.rawValue))] }
            if count <= capacity {
                return (0..<count).map { Segment(end: Int(ends[$0]), kind: kinds[$0]) }
            }
            capacity = count
        }
    }

    /// The token kind of an ICU word segment; nil for whitespace.
    private static func tokenKind(_ status: Int32, units: ArraySlice<UInt16>) -> TokenKind? {
        switch UInt32(bitPattern: status) {
        case SIBYL_ICU_SEGMENT_NUMBER.rawValue: return .number
        case SIBYL_ICU_SEGMENT_NONE.rawValue:
            let isSpace = String(decoding: units, as: UTF16.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
            return isSpace ? nil : .punctuation
        default: return .word
        }
    }

    /// The scalar offset of every UTF-16 offset (index `utf16Count` included).
    private static func scalarOffsets(of text: String, utf16Count: Int) -> [Int] {
        var offsets = [Int](repeating: 0, count: utf16Count + 1)
        var utf16 = 0
        var scalar = 0
        for value in text.unicodeScalars {
            let width = UTF16.width(value)
            for step in 0..<width { offsets[utf16 + step] = scalar }
            utf16 += width
            scalar += 1
        }
        offsets[utf16Count] = scalar
        return offsets
    }
}
