/// Applies pronunciation lexicons to text for the synthesizer: the first lexicon that has a grapheme wins,
/// whole words match case-sensitively, and nothing inside SSML tags or `[[phoneme input]]` is touched.
enum LexiconApplication {
    /// The rewritten text, and whether eSpeak NG phoneme input (`[[…]]`) was inserted.
    static func apply(_ lexicons: [PronunciationLexicon], to source: MappedText, isSSML: Bool) -> (MappedText, Bool) {
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
        guard !replacements.isEmpty else { return (source, false) }
        let scalars = source.scalars
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
        var output = MappedText(rewriting: source)
        var usesPhonemes = false
        var index = 0
        var insideTag = false
        var insidePhonemes = false
        while index < scalars.count {
            let scalar = scalars[index]
            if isSSML, scalar == "<" { insideTag = true }
            if scalar == "[", index + 1 < scalars.count, scalars[index + 1] == "[" { insidePhonemes = true }
            let startsWord = isWordScalar(scalar) && (index == 0 || !isWordScalar(scalars[index - 1]))
            if !insideTag, !insidePhonemes, startsWord, let (end, spoken) = match(at: index) {
                usesPhonemes = usesPhonemes || spoken.hasPrefix("[[")
                output.append(spoken, origin: source.originalOffset(index))
                index = end
                continue
            }
            if isSSML, scalar == ">" { insideTag = false }
            if scalar == "]", index > 0, scalars[index - 1] == "]" { insidePhonemes = false }
            output.append(from: source, index..<index + 1)
            index += 1
        }
        return (output, usesPhonemes)
    }
}
