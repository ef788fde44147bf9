/// Text with lexicon entries applied, and where each of its characters came from in the request text, so that
/// speech marks still point into what the client sent.
struct LexiconApplication {
    /// The text to synthesize.
    private(set) var text: String
    /// Whether eSpeak NG phoneme input (`[[…]]`) was inserted.
    private(set) var usesPhonemes = false
    /// For each Unicode scalar of `text`, the index of the scalar of the request text it stands for.
    private var origins: [Int]
    private let originalCount: Int

    /// Applies the lexicons in order (the first lexicon that has a grapheme wins), matching whole words
    /// case-sensitively, never inside SSML tags.
    init(text original: String, isSSML: Bool, lexicons: [PronunciationLexicon]) {
        let scalars = Array(original.unicodeScalars)
        originalCount = scalars.count
        var replacements: [String: String] = [:]
        for lexicon in lexicons {
            for lexeme in lexicon.lexemes {
                let spoken: String
                if let alias = lexeme.alias {
                    spoken = alias
                } else if let phoneme = lexeme.phoneme {
                    spoken = "[[" + PhonemeTranscription.espeak(from: phoneme, alphabet: lexicon.alphabet) + "]]"
                } else {
                    continue
                }
                for grapheme in lexeme.graphemes where replacements[grapheme] == nil { replacements[grapheme] = spoken }
            }
        }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        /// The longest grapheme that starts at `index` and ends at a word boundary, with what to say instead.
        func match(at index: Int) -> (end: Int, spoken: String)? {
            var end = index
            while end < scalars.count, isWordScalar(scalars[end]) || "-'.".unicodeScalars.contains(scalars[end]) {
                end += 1
            }
            for candidate in stride(from: end, to: index, by: -1)
            where candidate == scalars.count || !isWordScalar(scalars[candidate]) {
                if let spoken = replacements[String(String.UnicodeScalarView(scalars[index..<candidate]))] {
                    return (candidate, spoken)
                }
            }
            return nil
        }
        var output = String.UnicodeScalarView()
        var origins: [Int] = []
        var index = 0
        var insideTag = false
        while index < scalars.count {
            let scalar = scalars[index]
            if isSSML, scalar == "<" { insideTag = true }
            let startsWord = isWordScalar(scalar) && (index == 0 || !isWordScalar(scalars[index - 1]))
            if !insideTag, startsWord, let (end, spoken) = match(at: index) {
                usesPhonemes = usesPhonemes || spoken.hasPrefix("[[")
                output.append(contentsOf: spoken.unicodeScalars)
                origins += Array(repeating: index, count: spoken.unicodeScalars.count)
                index = end
                continue
            }
            if isSSML, scalar == ">" { insideTag = false }
            output.append(scalar)
            origins.append(index)
            index += 1
        }
        self.text = String(output)
        self.origins = origins
    }

    /// The request-text scalar offset for an offset into ``text``.
    func originalOffset(_ offset: Int) -> Int {
        offset < origins.count ? origins[max(0, offset)] : originalCount
    }
}
