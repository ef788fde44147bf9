import Foundation

/// Decodes one 30-second window greedily with Whisper's timestamp rules: the text starts with a timestamp
/// (at most 1 s in), timestamps come in pairs and never go back, and a timestamp is forced when the timestamps
/// together are likelier than any text token. Word timings come from the cross-attention of the alignment heads.
struct WhisperWindowDecoder {
    let network: WhisperNetwork
    let tokenizer: WhisperTokenizer
    let suppressed: [Int]
    let suppressedAtBegin: [Int]
    let alignmentHeads: [(Int, Int)]

    /// At most this many tokens are sampled per window (half the context, as Whisper does).
    static let sampleLimit = 224
    /// Seconds per timestamp step and per encoder position.
    static let secondsPerTimestamp = 0.02

    struct Segment {
        var start: Double
        var end: Double
        var tokens: [Int]
    }

    struct WindowResult {
        var segments: [Segment]
        /// Words with the index of the segment each belongs to.
        var words: [(word: RecognizedWord, segment: Int)]
        var textTokens: [Int]
        var noSpeechProbability: Float
        var averageLogProbability: Float
        /// Whether the window was decoded again without the earlier text (the next window should not use it).
        var fellBack: Bool
    }

    /// Probabilities of the language tokens (optionally only `candidates`), best first.
    func languageProbabilities(encoded: [Float], candidates: [String]) -> [(code: String, probability: Double)] {
        var state = network.startDecoding(encoded: encoded)
        let logits = network.decode([tokenizer.startOfTranscript], state: &state).logits
        let allowed = tokenizer.languages.filter { candidates.isEmpty || candidates.contains($0.code) }
        guard !allowed.isEmpty else { return [] }
        let maximum = allowed.map { logits[$0.token] }.max()!
        let exps = allowed.map { Double(exp(logits[$0.token] - maximum)) }
        let total = exps.reduce(0, +)
        return zip(allowed, exps).map { ($0.code, $1 / total) }.sorted { $0.probability > $1.probability }
    }

    /// Decodes a window whose audio lasts `duration` seconds (≤ 30), in `language`, after the `vocabulary` prompt
    /// and the text of the window before. Greedy decoding can fall into a loop ("a man who was a man who was…"),
    /// mostly when conditioned on earlier text; as Whisper falls back when a window looks wrong, a window that
    /// ends without end-of-text, repeats itself or is very unlikely is decoded again without the earlier text,
    /// then also with repeated word triples blocked, and the likeliest attempt that does not look wrong is kept.
    func decode(encoded: [Float], duration: Double, language: Int, vocabulary: [Int], previous: [Int]) -> WindowResult {
        let sotSequence = [tokenizer.startOfTranscript, language, tokenizer.transcribe]
        let attempts: [(prompt: [Int], blockRepeats: Bool)] = [
            (vocabulary + previous, false), (vocabulary, false), (vocabulary, true),
        ]
        var chosen: Attempt?
        for (index, attempt) in attempts.enumerated() where index != 1 || !previous.isEmpty {
            var result = sample(
                encoded: encoded, duration: duration, sotSequence: sotSequence, prompt: attempt.prompt,
                blockRepeats: attempt.blockRepeats)
            result.fellBack = index > 0
            if !result.looksWrong {
                chosen = result
                break
            }
            if chosen == nil || result.averageLogProbability > chosen!.averageLogProbability { chosen = result }
        }
        let best = chosen!
        let segments = Self.segments(best.sampled, tokenizer: tokenizer, duration: duration)
        let textTokens = segments.flatMap(\.tokens)
        var segmentOfToken: [Int] = []
        for (index, segment) in segments.enumerated() { segmentOfToken += Array(repeating: index, count: segment.tokens.count) }
        let words = align(encoded: encoded, sotSequence: sotSequence, textTokens: textTokens, duration: duration)
            .map { ($0.word, segmentOfToken[$0.firstToken]) }
        return WindowResult(
            segments: segments, words: words, textTokens: textTokens, noSpeechProbability: best.noSpeechProbability,
            averageLogProbability: best.averageLogProbability, fellBack: best.fellBack)
    }

    /// One greedy decoding of a window.
    struct Attempt {
        var sampled: [Int]
        var averageLogProbability: Float
        var noSpeechProbability: Float
        var endedWithEndOfText: Bool
        var textTokens: [Int]
        var fellBack = false

        /// No text at all (only windows with speech are decoded), no end-of-text within the limit, under 60%
        /// distinct token triples over 24 tokens or more (a loop), or an average log-probability under −1
        /// (Whisper's threshold).
        var looksWrong: Bool {
            if textTokens.isEmpty || !endedWithEndOfText { return true }
            if averageLogProbability < -1 { return true }
            return WhisperWindowDecoder.isRepetitive(textTokens)
        }
    }

    static func isRepetitive(_ tokens: [Int]) -> Bool {
        guard tokens.count >= 24 else { return false }
        var triples = Set<[Int]>()
        for index in 0..<(tokens.count - 2) { triples.insert(Array(tokens[index..<index + 3])) }
        return Double(triples.count) / Double(tokens.count - 2) < 0.6
    }

    private func sample(
        encoded: [Float], duration: Double, sotSequence: [Int], prompt: [Int], blockRepeats: Bool
    ) -> Attempt {
        var state = network.startDecoding(encoded: encoded)
        var initial: [Int] = []
        if !prompt.isEmpty { initial = [tokenizer.startOfPrevious] + prompt.suffix(WhisperNetwork.maxTokens / 2 - 1) }
        let sotIndex = initial.count
        initial += sotSequence
        let first = network.decode(initial, state: &state, allLogits: true)
        let vocabulary = network.vocabularySize
        let sotLogits = Array(first.logits[sotIndex * vocabulary..<(sotIndex + 1) * vocabulary])
        let noSpeech = Self.softmax(sotLogits)[tokenizer.noSpeech]
        var logits = Array(first.logits[(initial.count - 1) * vocabulary..<initial.count * vocabulary])

        var sampled: [Int] = []
        var text: [Int] = []
        var logProbabilitySum: Float = 0
        var ended = false
        let lastTimestamp = tokenizer.timestampBegin + Int((duration / Self.secondsPerTimestamp).rounded())
        while sampled.count < Self.sampleLimit, state.length < WhisperNetwork.maxTokens - 1 {
            applyRules(&logits, sampled: sampled, lastAllowedTimestamp: lastTimestamp)
            if blockRepeats, text.count >= 2 {
                // No token that would repeat a triple of text tokens already written.
                let (a, b) = (text[text.count - 2], text[text.count - 1])
                for index in 0..<(text.count - 2) where text[index] == a && text[index + 1] == b {
                    logits[text[index + 2]] = -.infinity
                }
            }
            let logProbabilities = Self.logSoftmax(logits)
            var best = 0
            for index in 1..<logits.count where logits[index] > logits[best] { best = index }
            logProbabilitySum += logProbabilities[best]
            if best == tokenizer.endOfText {
                ended = true
                break
            }
            sampled.append(best)
            if tokenizer.isText(best) { text.append(best) }
            logits = network.decode([best], state: &state).logits
        }
        return Attempt(
            sampled: sampled, averageLogProbability: logProbabilitySum / Float(max(1, sampled.count + 1)),
            noSpeechProbability: noSpeech, endedWithEndOfText: ended, textTokens: text)
    }

    private func applyRules(_ logits: inout [Float], sampled: [Int], lastAllowedTimestamp: Int) {
        let begin = tokenizer.timestampBegin
        for token in suppressed where token < logits.count { logits[token] = -.infinity }
        logits[tokenizer.noTimestamps] = -.infinity
        if sampled.isEmpty {
            for token in suppressedAtBegin where token < logits.count { logits[token] = -.infinity }
            // The first token is a timestamp no later than 1 s.
            for token in 0..<begin { logits[token] = -.infinity }
            for token in (begin + 50 + 1)..<logits.count { logits[token] = -.infinity }
            return
        }
        let lastWasTimestamp = sampled.last! >= begin
        let penultimateWasTimestamp = sampled.count < 2 || sampled[sampled.count - 2] >= begin
        if lastWasTimestamp {
            if penultimateWasTimestamp {
                for token in begin..<logits.count { logits[token] = -.infinity }  // a pair is closed: text next
            } else {
                for token in 0..<tokenizer.endOfText { logits[token] = -.infinity }  // close the pair or end
            }
        }
        if let lastTime = sampled.last(where: { $0 >= begin }) {
            let floor = lastWasTimestamp && !penultimateWasTimestamp ? lastTime : lastTime + 1
            for token in begin..<min(floor, logits.count) { logits[token] = -.infinity }
        }
        // No timestamp past the end of the audio in this window.
        if lastAllowedTimestamp + 1 < logits.count {
            for token in (lastAllowedTimestamp + 1)..<logits.count { logits[token] = -.infinity }
        }
        // When the timestamps together are likelier than any single text token, a timestamp comes next.
        let logProbabilities = Self.logSoftmax(logits)
        var timestampMass = -Float.infinity
        for token in begin..<logits.count where logProbabilities[token] > -.infinity {
            timestampMass = Self.logAdd(timestampMass, logProbabilities[token])
        }
        var bestText = -Float.infinity
        for token in 0..<begin where logProbabilities[token] > bestText { bestText = logProbabilities[token] }
        if timestampMass > bestText {
            for token in 0..<begin { logits[token] = -.infinity }
        }
    }

    /// Splits sampled tokens into segments at timestamp pairs; text after an unclosed timestamp runs to the end.
    static func segments(_ sampled: [Int], tokenizer: WhisperTokenizer, duration: Double) -> [Segment] {
        let begin = tokenizer.timestampBegin
        var segments: [Segment] = []
        var start: Double?
        var text: [Int] = []
        for token in sampled {
            if token >= begin {
                let time = Double(token - begin) * secondsPerTimestamp
                if let open = start, !text.isEmpty {
                    segments.append(Segment(start: open, end: max(open, time), tokens: text))
                    text = []
                    start = nil
                } else {
                    start = time
                }
            } else if tokenizer.isText(token) {
                if start == nil { start = segments.last?.end ?? 0 }
                text.append(token)
            }
        }
        if !text.isEmpty { segments.append(Segment(start: start ?? 0, end: duration, tokens: text)) }
        return segments
    }

    // MARK: - Word timings

    /// Whisper's word-level timestamps: a forced pass over the text collects the alignment heads' cross-attention,
    /// normalised per frame, median-filtered and averaged; dynamic time warping maps tokens to frames.
    private func align(
        encoded: [Float], sotSequence: [Int], textTokens: [Int], duration: Double
    ) -> [(word: RecognizedWord, firstToken: Int)] {
        guard !textTokens.isEmpty else { return [] }
        var state = network.startDecoding(encoded: encoded)
        let tokens = sotSequence + [tokenizer.noTimestamps] + textTokens + [tokenizer.endOfText]
        let pass = network.decode(tokens, state: &state, allLogits: true, alignmentHeads: alignmentHeads)
        let vocabulary = network.vocabularySize
        // Probability of each text token where the forced pass predicts it.
        var probabilities: [Double] = []
        for (index, token) in textTokens.enumerated() {
            let row = sotSequence.count + index
            let rowLogits = Array(pass.logits[row * vocabulary..<(row + 1) * vocabulary].prefix(tokenizer.endOfText))
            probabilities.append(Double(Self.softmax(rowLogits)[token]))
        }
        let frames = min(WhisperNetwork.encoderPositions, max(1, Int((duration / Self.secondsPerTimestamp).rounded(.up))))
        let matrix = WordAlignment.attentionMatrix(
            pass.alignment, tokens: tokens.count, frames: frames, fullFrames: WhisperNetwork.encoderPositions,
            rows: sotSequence.count..<(tokens.count - 1))
        let jumps = WordAlignment.jumpTimes(matrix, rows: textTokens.count + 1, frames: frames)
            .map { $0 * Self.secondsPerTimestamp }
        return WordAlignment.words(
            textTokens, jumpTimes: jumps, probabilities: probabilities, tokenizer: tokenizer)
    }

    // MARK: - Numerics

    static func softmax(_ logits: [Float]) -> [Float] {
        var values = logits
        values.withUnsafeMutableBufferPointer { NetworkMath.softmax($0.baseAddress!, count: $0.count) }
        return values
    }

    static func logSoftmax(_ logits: [Float]) -> [Float] {
        let maximum = logits.max() ?? 0
        var sum: Float = 0
        for value in logits where value > -.infinity { sum += exp(value - maximum) }
        let logSum = maximum + log(sum)
        return logits.map { $0 - logSum }
    }

    private static func logAdd(_ a: Float, _ b: Float) -> Float {
        if a == -.infinity { return b }
        let high = max(a, b)
        return high + log(exp(a - high) + exp(b - high))
    }
}
