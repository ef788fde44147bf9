import Foundation
import Recognition

/// What the recogniser heard on one channel (or on all channels mixed), with a speaker per word when diarized.
struct ChannelTranscription {
    /// `nil` when channels were mixed (no channel identification).
    var channel: Int?
    var result: RecognitionResult
    /// A speaker index per word of `result.words`, when speakers are labelled.
    var speakers: [Int]?
}

/// A vocabulary filter as a job applies it.
struct VocabularyFilterRule {
    var words: Set<String>
    /// remove, mask or tag.
    var method: String

    func matches(_ content: String) -> Bool { words.contains(content.lowercased()) }
}

/// Builds the transcript document (and the subtitle cues) from what was recognised.
struct TranscriptBuilder {
    var jobName: String
    var accountId: String
    var filter: VocabularyFilterRule?
    var showSpeakers: Bool
    var showChannels: Bool

    /// One segment of the merged transcript with the ids of its items.
    struct BuiltSegment {
        var start: Double
        var end: Double
        var channel: Int?
        var speaker: Int?
        var items: [TranscriptDocument.Item]
    }

    func build(_ channels: [ChannelTranscription]) -> (document: TranscriptDocument, segments: [BuiltSegment]) {
        var segments: [BuiltSegment] = []
        for transcription in channels {
            var wordIndex = 0
            for segment in transcription.result.segments {
                var items: [TranscriptDocument.Item] = []
                var speakerVotes: [Int: Int] = [:]
                for word in segment.words {
                    let speaker = transcription.speakers.map { $0[min(wordIndex, $0.count - 1)] }
                    wordIndex += 1
                    if let speaker { speakerVotes[speaker, default: 0] += 1 }
                    for piece in WordPieces.split(word.text) {
                        items.append(item(piece, word: word, speaker: speaker, channel: transcription.channel))
                    }
                }
                let speaker = speakerVotes.max { $0.value < $1.value }?.key
                // A segment whose words change speaker is split at each change, so speaker turns stay whole.
                if showSpeakers, speakerVotes.count > 1 {
                    segments += splitBySpeaker(items, channel: transcription.channel)
                } else if !items.isEmpty {
                    segments.append(
                        BuiltSegment(
                            start: segment.start, end: segment.end, channel: transcription.channel, speaker: speaker,
                            items: items))
                }
            }
        }
        segments.sort { ($0.start, $0.channel ?? 0) < ($1.start, $1.channel ?? 0) }
        // Item ids follow time: segment by segment, or with channels word by word across channels (each word
        // keeping its punctuation), so the merged transcript reads in the order things were said.
        var order: [(segment: Int, item: Int, start: Double, channel: Int)] = []
        for (segmentIndex, segment) in segments.enumerated() {
            var unitStart = segment.start
            for (itemIndex, item) in segment.items.enumerated() {
                if let start = item.start_time.flatMap(Double.init) { unitStart = start }
                order.append((segmentIndex, itemIndex, showChannels ? unitStart : 0, segment.channel ?? 0))
            }
        }
        if showChannels { order = Self.stableSorted(order) { ($0.start, $0.channel) < ($1.start, $1.channel) } }
        var kept = Array(repeating: [Bool](), count: segments.count)
        for index in segments.indices { kept[index] = Array(repeating: true, count: segments[index].items.count) }
        var nextId = 0
        var sequence: [TranscriptDocument.Item] = []
        for entry in order {
            var item = segments[entry.segment].items[entry.item]
            if let filter, item.type == "pronunciation", let content = item.alternatives.first?.content, filter.matches(content) {
                switch filter.method {
                case "remove":
                    kept[entry.segment][entry.item] = false
                    continue
                case "mask": item.alternatives[0].content = "***"
                default: item.vocabularyFilterMatch = true
                }
            } else if filter?.method == "tag", item.type == "pronunciation" {
                item.vocabularyFilterMatch = false
            }
            item.id = nextId
            nextId += 1
            segments[entry.segment].items[entry.item] = item
            sequence.append(item)
        }
        for index in segments.indices {
            segments[index].items = zip(segments[index].items, kept[index]).filter(\.1).map(\.0)
        }
        segments.removeAll { $0.items.isEmpty }
        return (document(segments, items: sequence), segments)
    }

    private static func stableSorted<T>(_ values: [T], by less: (T, T) -> Bool) -> [T] {
        values.enumerated().sorted { less($0.element, $1.element) || (!less($1.element, $0.element) && $0.offset < $1.offset) }
            .map(\.element)
    }

    private func item(
        _ piece: (content: String, punctuation: Bool), word: RecognizedWord, speaker: Int?, channel: Int?
    ) -> TranscriptDocument.Item {
        TranscriptDocument.Item(
            id: 0, type: piece.punctuation ? "punctuation" : "pronunciation",
            alternatives: [
                TranscriptDocument.Alternative(
                    confidence: piece.punctuation ? "0.0" : TranscriptDocument.confidence(word.confidence),
                    content: piece.content)
            ],
            start_time: piece.punctuation ? nil : TranscriptDocument.time(word.start),
            end_time: piece.punctuation ? nil : TranscriptDocument.time(word.end),
            speaker_label: showSpeakers ? speaker.map { "spk_\($0)" } : nil,
            channel_label: showChannels ? channel.map { "ch_\($0)" } : nil)
    }

    private func splitBySpeaker(_ items: [TranscriptDocument.Item], channel: Int?) -> [BuiltSegment] {
        var result: [BuiltSegment] = []
        for item in items {
            let speaker = item.speaker_label.flatMap { Int($0.dropFirst(4)) }
            if let last = result.last, last.speaker == speaker || item.type == "punctuation" {
                result[result.count - 1].items.append(item)
                if let end = item.end_time.flatMap(Double.init) { result[result.count - 1].end = end }
            } else {
                let start = item.start_time.flatMap(Double.init) ?? result.last?.end ?? 0
                let end = item.end_time.flatMap(Double.init) ?? start
                result.append(BuiltSegment(start: start, end: end, channel: channel, speaker: speaker, items: [item]))
            }
        }
        return result
    }

    private func document(_ segments: [BuiltSegment], items: [TranscriptDocument.Item]) -> TranscriptDocument {
        let audioSegments = segments.enumerated().map { index, segment in
            TranscriptDocument.AudioSegment(
                id: index, transcript: TranscriptDocument.text(of: segment.items),
                start_time: TranscriptDocument.time(segment.start), end_time: TranscriptDocument.time(segment.end),
                speaker_label: showSpeakers ? segment.speaker.map { "spk_\($0)" } : nil,
                channel_label: showChannels ? segment.channel.map { "ch_\($0)" } : nil, items: segment.items.map(\.id))
        }
        var results = TranscriptDocument.Results(
            transcripts: [TranscriptDocument.TranscriptText(transcript: TranscriptDocument.text(of: items))],
            items: items, audio_segments: audioSegments)
        if showSpeakers { results.speaker_labels = speakerLabels(segments) }
        if showChannels {
            let channels = Set(segments.compactMap(\.channel)).sorted()
            results.channel_labels = TranscriptDocument.ChannelLabels(
                channels: channels.map { channel in
                    TranscriptDocument.Channel(
                        channel_label: "ch_\(channel)", items: segments.filter { $0.channel == channel }.flatMap(\.items))
                }, number_of_channels: max(channels.count, 2))
        }
        return TranscriptDocument(jobName: jobName, accountId: accountId, results: results)
    }

    /// Speaker turns: runs of pronunciations by one speaker.
    private func speakerLabels(_ segments: [BuiltSegment]) -> TranscriptDocument.SpeakerLabels {
        var turns: [TranscriptDocument.SpeakerSegment] = []
        var speakers = Set<String>()
        for item in segments.flatMap(\.items).sorted(by: { $0.id < $1.id }) where item.type == "pronunciation" {
            guard let label = item.speaker_label, let start = item.start_time, let end = item.end_time else { continue }
            speakers.insert(label)
            let entry = TranscriptDocument.SpeakerItem(start_time: start, end_time: end, speaker_label: label)
            if let last = turns.last, last.speaker_label == label {
                turns[turns.count - 1].items.append(entry)
                turns[turns.count - 1].end_time = end
            } else {
                turns.append(
                    TranscriptDocument.SpeakerSegment(start_time: start, end_time: end, speaker_label: label, items: [entry]))
            }
        }
        return TranscriptDocument.SpeakerLabels(speakers: speakers.count, segments: turns)
    }
}
