import Foundation
import Synthesis

/// Writes Polly speech marks: one JSON object per line with `time` (ms), `type`, `start`/`end` (UTF-8 byte
/// offsets into the request text) and `value`, from the synthesizer's events for the same audio.
struct SpeechMarkWriter {
    let types: Set<String>
    private let scalars: [Unicode.Scalar]
    /// `byteOffsets[i]` is the UTF-8 offset of scalar `i`; the last entry is the text's length in bytes.
    private let byteOffsets: [Int]

    init(text: String, types: Set<String>) {
        self.types = types
        scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += String(scalar).utf8.count
        }
        offsets.append(offset)
        byteOffsets = offsets
    }

    func write(_ events: [SpeechEvent]) -> Data {
        let sentenceStarts = events.compactMap { $0.kind == .sentence ? clamp($0.characterOffset) : nil }
        var lines: [String] = []
        var lastViseme: String?
        var wordEnd = 0
        for event in events {
            let start = clamp(event.characterOffset)
            switch event.kind {
            case .sentence where types.contains("sentence"):
                let next = sentenceStarts.first { $0 > start } ?? scalars.count
                var end = next
                while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
                lines.append(mark(event.milliseconds, "sentence", start, end))
            case .word where types.contains("word"):
                // eSpeak splits some written words (French "s'il"); a word mark covers the whole written word.
                guard start >= wordEnd else { continue }
                wordEnd = wordExtent(from: start, reported: clamp(start + event.characterLength))
                lines.append(mark(event.milliseconds, "word", start, wordEnd))
            case .mark(let name) where types.contains("ssml"):
                // eSpeak reports the position after the tag, and keeps a quote of single-quoted names.
                let clean = String(name.prefix { $0 != "'" && $0 != "\"" }).trimmingCharacters(in: .whitespaces)
                let tag = markTag(endingBefore: start)
                lines.append(mark(event.milliseconds, "ssml", tag.lowerBound, tag.upperBound, value: clean))
            case .phoneme(let phoneme) where types.contains("viseme"):
                let viseme = VisemeMap.viseme(forESpeakPhoneme: phoneme)
                if viseme != lastViseme {
                    lines.append(json(["time": event.milliseconds, "type": "viseme", "value": viseme]))
                    lastViseme = viseme
                }
            default:
                continue
            }
        }
        return Data(lines.map { $0 + "\n" }.joined().utf8)
    }

    private func clamp(_ offset: Int) -> Int { max(0, min(scalars.count, offset)) }

    /// The scalar range of the last `<mark …/>` tag that starts before `position`.
    private func markTag(endingBefore position: Int) -> Range<Int> {
        let opening = Array("<mark".unicodeScalars)
        var start = min(position, scalars.count) - opening.count
        while start >= 0, Array(scalars[start..<start + opening.count]) != opening { start -= 1 }
        guard start >= 0 else { return position..<position }
        var end = start
        while end < scalars.count, scalars[end] != ">" { end += 1 }
        return start..<min(scalars.count, end + 1)
    }

    /// The end of the written word that starts at `start`: letters, digits and marks, joined by apostrophes or
    /// hyphens between letters; never shorter than what the synthesizer reported.
    private func wordExtent(from start: Int, reported: Int) -> Int {
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
        }
        var end = start
        while end < scalars.count {
            if isWordScalar(scalars[end]) {
                end += 1
            } else if "'’-".unicodeScalars.contains(scalars[end]), end + 1 < scalars.count, isWordScalar(scalars[end + 1]) {
                end += 2
            } else {
                break
            }
        }
        return max(end, reported)
    }

    private func mark(_ time: Int, _ type: String, _ start: Int, _ end: Int, value: String? = nil) -> String {
        let text = value ?? String(String.UnicodeScalarView(scalars[start..<end]))
        return json(["time": time, "type": type, "start": byteOffsets[start], "end": byteOffsets[end], "value": text])
    }

    private func json(_ object: [String: Any]) -> String {
        // Polly's key order: time, type, start, end, value.
        let order = ["time", "type", "start", "end", "value"]
        let parts = order.compactMap { key -> String? in
            guard let value = object[key] else { return nil }
            let encoded = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "null"
            return "\"\(key)\":\(encoded)"
        }
        return "{" + parts.joined(separator: ",") + "}"
    }
}

/// Maps eSpeak NG phoneme names to Polly's viseme set (p t S T f k i r s u @ a e E o O sil), by the place and
/// shape of articulation of each phoneme.
enum VisemeMap {
    static func viseme(forESpeakPhoneme phoneme: String) -> String {
        let name = phoneme.trimmingCharacters(in: CharacterSet(charactersIn: "'%=,:;"))
        if name.isEmpty || name == "_" || name.hasPrefix("_") { return "sil" }
        if let exact = consonants[name] { return exact }
        guard let first = name.first else { return "sil" }
        if let byFirst = consonants[String(first)] { return byFirst }
        switch first {
        case "a", "A": return "a"
        case "@", "3", "V": return "@"
        case "e": return "e"
        case "E": return "E"
        case "i", "I", "y", "Y": return "i"
        case "o": return "o"
        case "O", "0": return "O"
        case "u", "U", "w": return "u"
        default: return "sil"
        }
    }

    private static let consonants: [String: String] = [
        "p": "p", "b": "p", "m": "p",
        "f": "f", "v": "f",
        "T": "T", "D": "T",
        "t": "t", "d": "t", "n": "t", "l": "t", "L": "t",
        "s": "s", "z": "s",
        "S": "S", "Z": "S", "tS": "S", "dZ": "S", "j": "i", "c": "S", "J": "S",
        "k": "k", "g": "k", "N": "k", "h": "k", "x": "k", "G": "k", "q": "k",
        "r": "r", "R": "r", "r-": "r",
    ]
}
