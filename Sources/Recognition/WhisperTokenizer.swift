import Foundation

/// Whisper's byte-level BPE vocabulary (GPT-2's scheme): token ids ↔ bytes, the special tokens, the language
/// tokens, and encoding of prompt text with the merges of `tokenizer.json`.
struct WhisperTokenizer: Sendable {
    let endOfText: Int
    let startOfTranscript: Int
    let transcribe: Int
    let startOfPrevious: Int
    let noSpeech: Int
    let noTimestamps: Int
    let timestampBegin: Int
    /// Language codes ("en", "de", …) with their token ids, in the model's order.
    let languages: [(code: String, token: Int)]

    private let tokenBytes: [[UInt8]]
    private let ids: [String: Int]
    private let mergeRanks: [String: Int]

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `vocabulary.json` (the id → string list) and, when present, the merges of `tokenizer.json`.
    init(vocabularyFile: URL, tokenizerFile: URL?) throws {
        let strings = try JSONDecoder().decode([String].self, from: Data(contentsOf: vocabularyFile))
        let decoder = Self.byteDecoder()
        tokenBytes = strings.map { string in
            string.unicodeScalars.compactMap { decoder[$0] }
        }
        var ids: [String: Int] = [:]
        for (index, string) in strings.enumerated() { ids[string] = index }
        self.ids = ids
        func special(_ name: String) throws -> Int {
            guard let id = ids[name] else { throw LoadError(description: "the vocabulary lacks \(name)") }
            return id
        }
        endOfText = try special("<|endoftext|>")
        startOfTranscript = try special("<|startoftranscript|>")
        transcribe = try special("<|transcribe|>")
        startOfPrevious = try special("<|startofprev|>")
        noSpeech = try special("<|nospeech|>")
        noTimestamps = try special("<|notimestamps|>")
        timestampBegin = try special("<|0.00|>")
        var languages: [(String, Int)] = []
        for id in (startOfTranscript + 1)..<strings.count {
            let string = strings[id]
            guard string.hasPrefix("<|"), string.hasSuffix("|>"), string.count <= 7, string != "<|translate|>" else { break }
            languages.append((String(string.dropFirst(2).dropLast(2)), id))
        }
        self.languages = languages
        var ranks: [String: Int] = [:]
        if let tokenizerFile, let data = try? Data(contentsOf: tokenizerFile),
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let model = json["model"] as? [String: Any], let merges = model["merges"] as? [Any]
        {
            for (rank, merge) in merges.enumerated() {
                if let pair = merge as? [String], pair.count == 2 {
                    ranks[pair[0] + " " + pair[1]] = rank
                } else if let line = merge as? String {
                    ranks[line] = rank
                }
            }
        }
        mergeRanks = ranks
    }

    /// The token id of a language code, if the model knows it.
    func languageToken(_ code: String) -> Int? { languages.first { $0.code == code }?.token }

    /// Whether a token is text (not a special or timestamp token).
    func isText(_ token: Int) -> Bool { token < endOfText }

    /// The UTF-8 bytes a text token stands for.
    func bytes(_ token: Int) -> [UInt8] { token < tokenBytes.count ? tokenBytes[token] : [] }

    /// Text of a run of tokens (special tokens dropped).
    func text(_ tokens: [Int]) -> String {
        String(decoding: tokens.filter(isText).flatMap(bytes), as: UTF8.self)
    }

    /// Byte-level BPE encoding of prompt text; empty when the merges are not available.
    func encode(_ text: String) -> [Int] {
        guard !mergeRanks.isEmpty else { return [] }
        let encoder = Self.byteEncoder()
        let pattern = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let nsText = text as NSString
        var tokens: [Int] = []
        for match in expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
            let piece = nsText.substring(with: match.range)
            var symbols = Array(piece.utf8).map { String(encoder[Int($0)]) }
            while symbols.count > 1 {
                var best: (rank: Int, index: Int)?
                for index in 0..<symbols.count - 1 {
                    if let rank = mergeRanks[symbols[index] + " " + symbols[index + 1]], rank < best?.rank ?? .max {
                        best = (rank, index)
                    }
                }
                guard let best else { break }
                symbols.replaceSubrange(best.index...best.index + 1, with: [symbols[best.index] + symbols[best.index + 1]])
            }
            tokens += symbols.compactMap { ids[$0] }
        }
        return tokens
    }

    /// GPT-2's printable stand-ins for bytes: printable Latin-1 bytes stand for themselves, the rest for 256 + n.
    private static func byteEncoder() -> [Character] {
        var printable = Array(33...126) + Array(161...172) + Array(174...255)
        var scalars = printable
        var extra = 0
        for byte in 0..<256 where !printable.contains(byte) {
            printable.append(byte)
            scalars.append(256 + extra)
            extra += 1
        }
        var table = [Character](repeating: " ", count: 256)
        for (byte, scalar) in zip(printable, scalars) { table[byte] = Character(Unicode.Scalar(UInt32(scalar))!) }
        return table
    }

    private static func byteDecoder() -> [Unicode.Scalar: UInt8] {
        var decoder: [Unicode.Scalar: UInt8] = [:]
        for (byte, character) in byteEncoder().enumerated() { decoder[character.unicodeScalars.first!] = UInt8(byte) }
        return decoder
    }
}
