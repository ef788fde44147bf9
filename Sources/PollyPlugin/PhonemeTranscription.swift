/// Turns IPA and X-SAMPA pronunciations into eSpeak NG's phoneme mnemonics, for `[[…]]` phoneme input.
///
/// The tables cover the phonemes of English and the major European languages; a symbol with no mapping
/// is dropped, so an exotic transcription degrades to a near pronunciation instead of failing.
enum PhonemeTranscription {
    static func espeak(from text: String, alphabet: String) -> String {
        let table = alphabet == "ipa" ? ipa : xsampa
        let longest = table.keys.map(\.count).max() ?? 1
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            var matched = false
            for length in stride(from: longest, through: 1, by: -1) {
                guard let end = text.index(index, offsetBy: length, limitedBy: text.endIndex) else { continue }
                if let mnemonic = table[String(text[index..<end])] {
                    result += mnemonic
                    index = end
                    matched = true
                    break
                }
            }
            if !matched {
                let character = text[index]
                if character.isASCII, character.isLetter { result.append(character) }
                index = text.index(after: index)
            }
        }
        return result
    }

    private static let ipa: [String: String] = [
        "ˈ": "'", "ˌ": ",", "ː": ":", ".": "", " ": "_",
        "tʃ": "tS", "dʒ": "dZ", "θ": "T", "ð": "D", "ʃ": "S", "ʒ": "Z", "ŋ": "N", "ɹ": "r", "ɾ": "*", "ʁ": "r",
        "ɡ": "g", "g": "g", "p": "p", "b": "b", "t": "t", "d": "d", "k": "k", "f": "f", "v": "v", "s": "s",
        "z": "z", "h": "h", "m": "m", "n": "n", "ɲ": "n^", "l": "l", "ʎ": "l^", "r": "r", "w": "w", "j": "j",
        "x": "x", "ç": "C",
        "eɪ": "eI", "aɪ": "aI", "ɔɪ": "OI", "oʊ": "oU", "əʊ": "@U", "aʊ": "aU", "ɪə": "i@", "eə": "e@", "ʊə": "U@",
        "iː": "i:", "i": "i", "ɪ": "I", "e": "e", "ɛ": "E", "æ": "a", "a": "a", "ɑː": "A:", "ɑ": "A", "ɒ": "0",
        "ɔː": "O:", "ɔ": "O", "o": "o", "ʊ": "U", "uː": "u:", "u": "u", "ʌ": "V", "ə": "@", "ɜː": "3:", "ɜ": "3",
        "ɚ": "3", "y": "y", "ø": "Y", "œ": "W",
    ]

    private static let xsampa: [String: String] = [
        "\"": "'", "%": ",", ":": ":", ".": "", " ": "_",
        "tS": "tS", "dZ": "dZ", "T": "T", "D": "D", "S": "S", "Z": "Z", "N": "N", "r\\": "r", "4": "*", "R": "r",
        "g": "g", "p": "p", "b": "b", "t": "t", "d": "d", "k": "k", "f": "f", "v": "v", "s": "s", "z": "z",
        "h": "h", "m": "m", "n": "n", "J": "n^", "l": "l", "L": "l^", "r": "r", "w": "w", "j": "j", "x": "x",
        "C": "C",
        "eI": "eI", "aI": "aI", "OI": "OI", "oU": "oU", "@U": "@U", "aU": "aU",
        "i": "i", "I": "I", "e": "e", "E": "E", "{": "a", "a": "a", "A": "A", "Q": "0", "O": "O", "o": "o",
        "U": "U", "u": "u", "V": "V", "@": "@", "3": "3", "y": "y", "2": "Y", "9": "W",
    ]
}
