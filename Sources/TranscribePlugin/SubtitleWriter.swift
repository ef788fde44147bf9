import Foundation

/// SubRip (srt) and WebVTT (vtt) subtitles from the transcript's segments: cues of at most 8 seconds and
/// 12 words, broken at segment and sentence ends.
enum SubtitleWriter {
    struct Cue: Equatable {
        var start: Double
        var end: Double
        var text: String
    }

    static func cues(_ segments: [TranscriptBuilder.BuiltSegment]) -> [Cue] {
        var cues: [Cue] = []
        for segment in segments {
            var pending: [TranscriptDocument.Item] = []
            var start: Double?
            var end = segment.start
            func flush() {
                let text = TranscriptDocument.text(of: pending)
                if let cueStart = start, !text.isEmpty { cues.append(Cue(start: cueStart, end: max(end, cueStart + 0.1), text: text)) }
                pending = []
                start = nil
            }
            for item in segment.items {
                if item.type == "pronunciation", let itemStart = item.start_time.flatMap(Double.init) {
                    let words = pending.filter { $0.type == "pronunciation" }.count
                    if let cueStart = start, words >= 12 || itemStart - cueStart > 8 { flush() }
                    if start == nil { start = itemStart }
                    end = item.end_time.flatMap(Double.init) ?? itemStart
                }
                pending.append(item)
                if item.type == "punctuation", let mark = item.alternatives.first?.content, [".", "?", "!"].contains(mark) {
                    flush()
                }
            }
            flush()
        }
        return cues
    }

    static func srt(_ cues: [Cue], startIndex: Int) -> String {
        cues.enumerated().map { index, cue in
            "\(index + startIndex)\n\(stamp(cue.start, separator: ",")) --> \(stamp(cue.end, separator: ","))\n\(cue.text)\n"
        }.joined(separator: "\n")
    }

    static func vtt(_ cues: [Cue], startIndex: Int) -> String {
        "WEBVTT\n\n"
            + cues.enumerated().map { index, cue in
                "\(index + startIndex)\n\(stamp(cue.start, separator: ".")) --> \(stamp(cue.end, separator: "."))\n\(cue.text)\n"
            }.joined(separator: "\n")
    }

    /// hh:mm:ss,mmm (srt) or hh:mm:ss.mmm (vtt).
    static func stamp(_ seconds: Double, separator: String) -> String {
        let milliseconds = Int((max(0, seconds) * 1000).rounded())
        let hours = milliseconds / 3_600_000
        let minutes = milliseconds / 60_000 % 60
        let secs = milliseconds / 1000 % 60
        return String(format: "%02d:%02d:%02d%@%03d", hours, minutes, secs, separator, milliseconds % 1000)
    }
}
