import Foundation
import Testing

@testable import Recognition

@Suite struct RecognitionPartsTests {
    @Test func dynamicTimeWarpingFollowsTheStrongestPath() {
        // Three rows whose attention peaks at frames 1, 4 and 8 of 10.
        let frames = 10
        var matrix = [Float](repeating: 0, count: 3 * frames)
        for (row, peak) in [(0, 1), (1, 4), (2, 8)] {
            for frame in 0..<frames { matrix[row * frames + frame] = -abs(Float(frame - peak)) }
        }
        let jumps = WordAlignment.jumpTimes(matrix, rows: 3, frames: frames)
        #expect(jumps.count == 3)
        #expect(jumps[0] <= 1)
        #expect(jumps[1] > jumps[0] && jumps[1] <= 4)
        #expect(jumps[2] > jumps[1] && jumps[2] <= 8)
    }

    @Test func chunksAreCutInSilenceAndSkipSilentAudio() {
        // 25 s of tone, 2 s of silence, 20 s of tone, then 10 s of silence.
        let rate = SpeechChunker.sampleRate
        func tone(_ seconds: Double) -> [Float] {
            (0..<Int(seconds * Double(rate))).map { 0.3 * sin(2 * Float.pi * 220 * Float($0) / Float(rate)) }
        }
        func silence(_ seconds: Double) -> [Float] { [Float](repeating: 0, count: Int(seconds * Double(rate))) }
        var chunker = SpeechChunker()
        var chunks = chunker.append(tone(25) + silence(2) + tone(20) + silence(10))
        chunks += chunker.finish()
        #expect(chunks.allSatisfy { $0.samples.count <= SpeechChunker.maxChunkSamples })
        let firstCut = Double(chunks[0].samples.count) / Double(rate)
        #expect(firstCut > 25 && firstCut < 27)
        // Speech chunks are trimmed to their speech (0.3 s to spare) and stay inside the stream.
        #expect(chunks.allSatisfy { $0.offset + Double($0.samples.count) / Double(rate) <= 57.001 })
        #expect(chunks[0].offset == 0)
        #expect(chunks[1].offset > 26.5 && chunks[1].offset < 27)
        #expect(chunks.prefix(2).allSatisfy { $0.hasSpeech })
        #expect(chunks.dropFirst(2).allSatisfy { !$0.hasSpeech })
        #expect(!SpeechChunker.hasSpeech(silence(5)))
    }

    @Test func voiceprintsOfTwoVoicesFormTwoSpeakers() {
        func print(_ base: [Float], jitter: Float, at start: Double) -> Voiceprint {
            Voiceprint(start: start, end: start + 1, features: base.enumerated().map { $1 + jitter * Float(($0 % 3) - 1) })
        }
        let a: [Float] = (0..<38).map { Float($0 % 5) }
        let b: [Float] = (0..<38).map { Float(($0 * 7) % 11) }
        let prints = [print(a, jitter: 0.1, at: 0), print(a, jitter: -0.1, at: 1), print(b, jitter: 0.1, at: 2),
                      print(b, jitter: 0.05, at: 3), print(a, jitter: 0.05, at: 4)]
        #expect(SpeakerClustering.labels(prints, maxSpeakers: 5) == [0, 0, 1, 1, 0])
        #expect(Set(SpeakerClustering.labels(prints, maxSpeakers: 1)) == [0])
    }

    @Test func theTokenizerEncodesAndDecodesText() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Models/whisper-base")
        let vocabulary = directory.appendingPathComponent("vocabulary.json")
        try #require(FileManager.default.fileExists(atPath: vocabulary.path), "Scripts/setup installs the Whisper model")
        let tokenizer = try WhisperTokenizer(
            vocabularyFile: vocabulary, tokenizerFile: directory.appendingPathComponent("tokenizer.json"))
        let text = " Mr. Dashwood's café, 1811 — naïve?"
        let tokens = tokenizer.encode(text)
        #expect(!tokens.isEmpty && tokens.count < text.count)
        #expect(tokenizer.text(tokens) == text)
        #expect(tokenizer.languages.first?.code == "en")
        #expect(tokenizer.languages.count == 99)
        #expect(tokenizer.timestampBegin == 50364)
    }
}

@Suite struct NetworkMathTests {
    @Test func fastExpAndErfMatchLibm() {
        for x in stride(from: Float(-80), through: 80, by: 0.37) {
            let expected = Foundation.exp(x)
            #expect(abs(NetworkMath.exp(x) - expected) <= expected * 3e-7)
        }
        #expect(NetworkMath.exp(-.infinity) < 1e-37)
        for x in stride(from: Float(-5), through: 5, by: 0.01) {
            #expect(abs(NetworkMath.erf(x) - Foundation.erf(x)) < 5e-7)
        }
    }
}

@Suite struct DecodingGuardsTests {
    @Test func loopsAreToldFromOrdinaryText() {
        let loop = Array(repeating: [11, 22, 33, 44], count: 10).flatMap { $0 }
        #expect(WhisperWindowDecoder.isRepetitive(loop))
        #expect(!WhisperWindowDecoder.isRepetitive(Array(0..<40)))
        #expect(!WhisperWindowDecoder.isRepetitive(Array(repeating: 7, count: 10)))  // too short to judge
    }
}
