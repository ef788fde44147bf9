import Audio
import Foundation

/// Speech recognition with OpenAI's Whisper (the weights in `Models/whisper-base`), run natively on OpenBLAS.
/// Audio is read in blocks, resampled to 16 kHz, cut into chunks of at most 30 s at quiet points, and each chunk
/// with speech is decoded with timestamps and word-level alignment. One recognition runs at a time.
public final class WhisperRecognizer: @unchecked Sendable {
    private let network: WhisperNetwork
    private let tokenizer: WhisperTokenizer
    private let decoder: WhisperWindowDecoder
    private let spectrogram = LogMelSpectrogram()
    private let lock = NSLock()

    /// Loads the model from a folder with `model.bin`, `vocabulary.json`, `config.json` (and `tokenizer.json`).
    public init(directory: URL) throws {
        network = try WhisperNetwork(modelFile: directory.appendingPathComponent("model.bin"))
        let tokenizerFile = directory.appendingPathComponent("tokenizer.json")
        tokenizer = try WhisperTokenizer(
            vocabularyFile: directory.appendingPathComponent("vocabulary.json"),
            tokenizerFile: FileManager.default.fileExists(atPath: tokenizerFile.path) ? tokenizerFile : nil)
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("config.json")))
            as? [String: Any] ?? [:]
        let heads = (config["alignment_heads"] as? [[Int]] ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        decoder = WhisperWindowDecoder(
            network: network, tokenizer: tokenizer, suppressed: config["suppress_ids"] as? [Int] ?? [],
            suppressedAtBegin: config["suppress_ids_begin"] as? [Int] ?? [],
            alignmentHeads: heads.isEmpty ? [(network.decoderLayerCount - 1, 0)] : heads)
    }

    /// The languages the model transcribes (ISO 639-1 codes).
    public var languages: [String] { tokenizer.languages.map(\.code) }

    /// The languages of the model in `directory`, read from its vocabulary without loading the network.
    public static func languages(directory: URL) throws -> [String] {
        try WhisperTokenizer(vocabularyFile: directory.appendingPathComponent("vocabulary.json"), tokenizerFile: nil)
            .languages.map(\.code)
    }

    /// Transcribes one channel of a file (`nil`: all channels mixed down). `progress` gets the fraction done;
    /// when `shouldStop` answers true (checked every second of audio read) it throws ``RecognitionStopped``.
    public func recognize(
        file: URL, channel: Int?, options: RecognitionOptions, progress: (Double) -> Void = { _ in },
        shouldStop: () -> Bool = { false }
    ) throws -> RecognitionResult {
        lock.lock()
        defer { lock.unlock() }
        let reader: AudioFileReader
        do { reader = try AudioFileReader(url: file) } catch { throw RecognitionError(error.description) }
        if let channel, channel >= reader.channels {
            throw RecognitionError("the media has \(reader.channels) channel(s), not \(channel + 1)")
        }
        let resampler: StreamingResampler
        do {
            resampler = try StreamingResampler(from: reader.sampleRate, to: SpeechChunker.sampleRate)
        } catch { throw RecognitionError(error.description) }

        var chunker = SpeechChunker()
        var language = options.language
        var languageScore: Double?
        var segments: [RecognizedSegment] = []
        var voiceprints: [Voiceprint] = []
        var previous: [Int] = []
        let vocabularyPrompt = options.vocabulary.isEmpty ? [] : tokenizer.encode(" " + options.vocabulary.joined(separator: ", ") + ".")
        var framesRead = 0
        var finished = false
        var totalSeconds = 0.0
        while !finished {
            if shouldStop() { throw RecognitionStopped() }
            let block = reader.read(maxFrames: reader.sampleRate)
            finished = block.isEmpty
            framesRead += block.count / reader.channels
            let mono = Self.select(block, channels: reader.channels, channel: channel)
            let resampled = resampler.process(mono, final: finished)
            totalSeconds += Double(resampled.count) / Double(SpeechChunker.sampleRate)
            var chunks = chunker.append(resampled)
            if finished { chunks += chunker.finish() }
            for chunk in chunks where chunk.hasSpeech {
                // Whisper may stop before the chunk's end; as its own seek does, what is left after the last
                // timestamp is decoded again as a window of its own while it holds speech.
                var start = 0
                while start < chunk.samples.count {
                    let piece = SpeechChunker.Chunk(
                        offset: chunk.offset + Double(start) / Double(SpeechChunker.sampleRate),
                        samples: Array(chunk.samples[start...]), hasSpeech: true)
                    guard start == 0 || SpeechChunker.hasSpeech(piece.samples) else { break }
                    let encoded = network.encode(mel: spectrogram.features(piece.samples))
                    if language == nil {
                        let ranked = decoder.languageProbabilities(encoded: encoded, candidates: options.candidateLanguages)
                        guard let best = ranked.first else { throw RecognitionError("none of the candidate languages is known") }
                        language = best.code
                        languageScore = best.probability
                    }
                    guard let languageToken = tokenizer.languageToken(language!) else {
                        throw RecognitionError("the recogniser does not transcribe the language \(language!)")
                    }
                    let duration = Double(piece.samples.count) / Double(SpeechChunker.sampleRate)
                    let window = decoder.decode(
                        encoded: encoded, duration: duration, language: languageToken, vocabulary: vocabularyPrompt,
                        previous: Array(previous.suffix(96)))
                    if window.noSpeechProbability > 0.6, window.averageLogProbability < -1 { break }
                    previous = window.fellBack ? [] : window.textTokens
                    let placed = Self.place(window, offset: piece.offset)
                    segments += placed
                    if options.voiceprints {
                        voiceprints += Self.voiceprints(placed, chunk: piece, spectrogram: spectrogram)
                    }
                    // Where the text ends: the last timestamp, unless the aligned words end well before it (Whisper
                    // sometimes closes a segment at the window's end after skipping what follows).
                    var covered = window.segments.last?.end ?? duration
                    if let lastWord = window.words.last?.word.end, covered - lastWord > 2 { covered = lastWord + 0.1 }
                    guard covered > 0.5, covered < duration - 1 else { break }
                    start += Int(covered * Double(SpeechChunker.sampleRate))
                }
            }
            if reader.frames > 0 { progress(min(1, Double(framesRead) / Double(reader.frames))) }
        }
        return RecognitionResult(
            language: language ?? options.language ?? "en", languageScore: languageScore, segments: segments,
            voiceprints: voiceprints, duration: totalSeconds)
    }

    /// Samples of one channel, or the mean of all channels.
    private static func select(_ interleaved: [Float], channels: Int, channel: Int?) -> [Float] {
        guard channels > 1 else { return interleaved }
        let frames = interleaved.count / channels
        return (0..<frames).map { frame in
            if let channel { return interleaved[frame * channels + channel] }
            var sum: Float = 0
            for index in 0..<channels { sum += interleaved[frame * channels + index] }
            return sum / Float(channels)
        }
    }

    /// The window's segments with their words, times moved to the whole stream. Words are kept inside their
    /// segment's timestamps: the alignment path tends to push a sentence's last word into the pause after it.
    private static func place(_ window: WhisperWindowDecoder.WindowResult, offset: Double) -> [RecognizedSegment] {
        window.segments.indices.compactMap { index in
            let segment = window.segments[index]
            var floor = segment.start
            let words = window.words.filter { $0.segment == index }.map { entry -> RecognizedWord in
                let end = max(floor, min(entry.word.end, segment.end))
                let start = min(max(entry.word.start, floor), end)
                floor = start
                return RecognizedWord(
                    text: entry.word.text, start: start + offset, end: end + offset, confidence: entry.word.confidence)
            }
            guard let first = words.first, let last = words.last else { return nil }
            return RecognizedSegment(
                start: min(segment.start + offset, first.start), end: max(segment.end + offset, last.end), words: words)
        }
    }

    private static func voiceprints(
        _ segments: [RecognizedSegment], chunk: SpeechChunker.Chunk, spectrogram: LogMelSpectrogram
    ) -> [Voiceprint] {
        var prints: [Voiceprint] = []
        for utterance in utterances(segments.flatMap(\.words)) {
            let from = max(0, Int((utterance.start - chunk.offset) * Double(SpeechChunker.sampleRate)))
            let to = min(chunk.samples.count, Int((utterance.end - chunk.offset) * Double(SpeechChunker.sampleRate)))
            guard to > from, let features = SpeakerFeatures.features(Array(chunk.samples[from..<to]), spectrogram: spectrogram)
            else { continue }
            prints.append(Voiceprint(start: utterance.start, end: utterance.end, features: features))
        }
        return prints
    }

    /// Words grouped into stretches split at pauses of 0.3 s, at sentence ends, and after 5 s.
    static func utterances(_ words: [RecognizedWord]) -> [(start: Double, end: Double)] {
        var result: [(start: Double, end: Double)] = []
        var current: (start: Double, end: Double)?
        var lastText = ""
        for word in words {
            if var open = current {
                let pause = word.start - open.end
                let sentenceEnded = lastText.hasSuffix(".") || lastText.hasSuffix("?") || lastText.hasSuffix("!")
                if pause >= 0.3 || sentenceEnded || word.end - open.start > 5 {
                    result.append(open)
                    current = (word.start, word.end)
                } else {
                    open.end = word.end
                    current = open
                }
            } else {
                current = (word.start, word.end)
            }
            lastText = word.text
        }
        if let current { result.append(current) }
        return result
    }
}

/// Recognition was asked to stop before the end of the file.
public struct RecognitionStopped: Error, Sendable {}
