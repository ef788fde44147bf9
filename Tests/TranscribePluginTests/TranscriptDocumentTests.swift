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
