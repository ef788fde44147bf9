import Foundation
import Recognition

/// The transcript JSON as Amazon Transcribe writes it: `jobName`, `accountId`, `status`, and `results` with
/// `transcripts`, `items` (times and confidences as strings), `audio_segments`, and when asked
/// `speaker_labels` and `channel_labels`.
struct TranscriptDocument: Codable, Sendable {
    var jobName: String
    var accountId: String
    var status = "COMPLETED"
    var results: Results

    struct Results: Codable, Sendable {
        var transcripts: [TranscriptText]
        var speaker_labels: SpeakerLabels?
        var channel_labels: ChannelLabels?
        var items: [Item]
        var audio_segments: [AudioSegment]
    }

    struct TranscriptText: Codable, Sendable {
        var transcript: String
    }

    struct Item: Codable, Sendable {
        var id: Int
        var type: String
        var alternatives: [Alternative]
        var start_time: String?
        var end_time: String?
        var speaker_label: String?
        var channel_label: String?
        /// With the `tag` filter method: whether the word is on the filter (AWS spells this one in camel case).
        var vocabularyFilterMatch: Bool?
    }

    struct Alternative: Codable, Sendable {
        var confidence: String
        var content: String
        var redactions: [Redaction]?
    }

    struct Redaction: Codable, Sendable {
        var confidence: String
        var type: String
        var category: String
    }

    struct AudioSegment: Codable, Sendable {
        var id: Int
        var transcript: String
        var start_time: String
        var end_time: String
        var speaker_label: String?
        var channel_label: String?
        var items: [Int]
    }

    struct SpeakerLabels: Codable, Sendable {
        var channel_label: String?
        var speakers: Int
        var segments: [SpeakerSegment]
    }

    struct SpeakerSegment: Codable, Sendable {
        var start_time: String
        var end_time: String
        var speaker_label: String
        var items: [SpeakerItem]
    }

    struct SpeakerItem: Codable, Sendable {
        var start_time: String
        var end_time: String
        var speaker_label: String
    }

    struct ChannelLabels: Codable, Sendable {
        var channels: [Channel]
        var number_of_channels: Int
    }

    struct Channel: Codable, Sendable {
        var channel_label: String
        var items: [Item]
    }

    /// Seconds as Transcribe writes them: up to three decimals, at least one ("1.0", "0.645").
    static func time(_ seconds: Double) -> String {
        var text = String(format: "%.3f", max(0, seconds))
        while text.hasSuffix("0"), !text.hasSuffix(".0") { text.removeLast() }
        return text
    }

    /// A confidence in 0…1 with up to four decimals.
    static func confidence(_ value: Double) -> String {
        var text = String(format: "%.4f", min(1, max(0, value)))
        while text.hasSuffix("0"), !text.hasSuffix(".0") { text.removeLast() }
        return text
    }
}

/// Items and the text they make, as the document and subtitles need them.
extension TranscriptDocument {
    /// The transcript text of items: words separated by spaces, punctuation attached to the word before it
    /// (opening punctuation to the word after).
    static func text(of items: [Item]) -> String {
        var text = ""
        var attachNext = false
        for item in items {
            guard let content = item.alternatives.first?.content, !content.isEmpty else { continue }
            let opening = item.type == "punctuation" && WordPieces.opening.contains(content)
            if item.type == "pronunciation" || opening {
                if !text.isEmpty, !attachNext { text += " " }
                attachNext = opening
            } else {
                attachNext = false
            }
            text += content
        }
        return text
    }
}

/// A recognised word split into Transcribe's items: opening punctuation, the word, closing punctuation.
enum WordPieces {
    static let opening: Set<Character> = ["\"", "“", "¿", "¡", "(", "[", "{", "‘"]
    static let closing: Set<Character> = [".", ",", "!", "?", ";", ":", "\"", "”", ")", "]", "}", "…", "’", "。", "，", "、", "？", "！"]

    /// The pieces of a word in order, each with whether it is punctuation.
    static func split(_ word: String) -> [(content: String, punctuation: Bool)] {
        var characters = Array(word)
        var leading: [(String, Bool)] = []
        while let first = characters.first, opening.contains(first), characters.count > 1 {
            leading.append((String(first), true))
            characters.removeFirst()
        }
        var trailing: [(String, Bool)] = []
        while let last = characters.last, closing.contains(last) || (last == "'" && characters.count > 1 && characters.first == "'"),
            characters.count > 1
        {
            trailing.insert((String(last), true), at: 0)
            characters.removeLast()
        }
        if characters.allSatisfy({ opening.contains($0) || closing.contains($0) || $0 == "-" }) {
            return leading + [(String(characters), true)] + trailing
        }
        return leading + [(String(characters), false)] + trailing
    }
}
