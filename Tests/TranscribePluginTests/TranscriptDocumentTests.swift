import Recognition
import Testing

@testable import TranscribePlugin

@Suite struct TranscriptDocumentTests {
    @Test func timesAndConfidencesAreWrittenAsTranscribeWritesThem() {
        #expect(TranscriptDocument.time(1) == "1.0")
        #expect(TranscriptDocument.time(0.645) == "0.645")
        #expect(TranscriptDocument.time(12.5) == "12.5")
        #expect(TranscriptDocument.confidence(0.99994) == "0.9999")
        #expect(TranscriptDocument.confidence(1.2) == "1.0")
    }

    @Test func punctuationIsSplitOffWords() {
        #expect(WordPieces.split("Hello,").map(\.content) == ["Hello", ","])
        #expect(WordPieces.split("¿Qué?").map(\.content) == ["¿", "Qué", "?"])
        #expect(WordPieces.split("don't").map(\.content) == ["don't"])
        #expect(WordPieces.split("well-known.").map(\.punctuation) == [false, true])
    }
}

@Suite struct SubtitleTests {
    private func segment(_ words: [(String, Double)]) -> TranscriptBuilder.BuiltSegment {
        let recognized = words.map { RecognizedWord(text: $0.0, start: $0.1, end: $0.1 + 0.4, confidence: 0.9) }
        let result = RecognitionResult(
            language: "en", languageScore: nil,
            segments: [RecognizedSegment(start: words.first!.1, end: words.last!.1 + 0.4, words: recognized)],
            voiceprints: [], duration: 10)
        let builder = TranscriptBuilder(jobName: "j", accountId: "0", filter: nil, showSpeakers: false, showChannels: false)
        return builder.build([ChannelTranscription(channel: nil, result: result, speakers: nil)]).segments[0]
    }

    @Test func cuesBreakAtSentenceEndsAndCarryTimes() {
        let cues = SubtitleWriter.cues([segment([("Hello", 0.5), ("there.", 1.0), ("How", 2.0), ("are", 2.5), ("you?", 3.0)])])
        #expect(cues.map(\.text) == ["Hello there.", "How are you?"])
        #expect(cues[0].start == 0.5)
        #expect(abs(cues[1].end - 3.4) < 1e-9)
    }

    @Test func srtAndVttStampsDiffer() {
        let cues = [SubtitleWriter.Cue(start: 3661.5, end: 3662.25, text: "Hi.")]
        #expect(SubtitleWriter.srt(cues, startIndex: 1) == "1\n01:01:01,500 --> 01:01:02,250\nHi.\n")
        #expect(SubtitleWriter.vtt(cues, startIndex: 0) == "WEBVTT\n\n0\n01:01:01.500 --> 01:01:02.250\nHi.\n")
    }

    @Test func filterMasksRemovesOrTags() {
        let result = RecognitionResult(
            language: "en", languageScore: nil,
            segments: [
                RecognizedSegment(
                    start: 0, end: 2,
                    words: [
                        RecognizedWord(text: "Send", start: 0, end: 0.5, confidence: 1),
                        RecognizedWord(text: "Report.", start: 0.5, end: 1, confidence: 1),
                    ])
            ], voiceprints: [], duration: 2)
        func transcript(_ method: String) -> String {
            let builder = TranscriptBuilder(
                jobName: "j", accountId: "0", filter: VocabularyFilterRule(words: ["report"], method: method),
                showSpeakers: false, showChannels: false)
            return builder.build([ChannelTranscription(channel: nil, result: result, speakers: nil)])
                .document.results.transcripts[0].transcript
        }
        #expect(transcript("mask") == "Send ***.")
        #expect(transcript("remove") == "Send.")
        #expect(transcript("tag") == "Send Report.")
    }
}
