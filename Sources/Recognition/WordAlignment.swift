import Foundation

/// Token-to-time alignment from cross-attention (Whisper's `find_alignment`) and grouping of tokens into words.
enum WordAlignment {
    /// The alignment heads' weights ([tokens × fullFrames] each) cut to the audio's frames, standardised over
    /// tokens per frame, median-filtered (width 7) along frames, averaged over heads; the `rows` kept.
    static func attentionMatrix(
        _ heads: [[Float]], tokens: Int, frames: Int, fullFrames: Int, rows: Range<Int>
    ) -> [Float] {
        var average = [Float](repeating: 0, count: rows.count * frames)
        for weights in heads {
            var cut = [Float](repeating: 0, count: tokens * frames)
            for token in 0..<tokens {
                for frame in 0..<frames { cut[token * frames + frame] = weights[token * fullFrames + frame] }
            }
            for frame in 0..<frames {
                var mean: Float = 0
                for token in 0..<tokens { mean += cut[token * frames + frame] }
                mean /= Float(tokens)
                var variance: Float = 0
                for token in 0..<tokens {
                    let centred = cut[token * frames + frame] - mean
                    variance += centred * centred
                }
                let deviation = max((variance / Float(tokens)).squareRoot(), 1e-8)
                for token in 0..<tokens { cut[token * frames + frame] = (cut[token * frames + frame] - mean) / deviation }
            }
            for (row, token) in rows.enumerated() {
                let filtered = medianFiltered(Array(cut[token * frames..<(token + 1) * frames]), width: 7)
                for frame in 0..<frames { average[row * frames + frame] += filtered[frame] / Float(heads.count) }
            }
        }
        return average
    }

    /// Dynamic time warping on −matrix; for each row the frame where the path first enters it.
    static func jumpTimes(_ matrix: [Float], rows: Int, frames: Int) -> [Double] {
        let width = frames + 1
        var cost = [Float](repeating: .infinity, count: (rows + 1) * width)
        var trace = [UInt8](repeating: 0, count: (rows + 1) * width)
        cost[0] = 0
        for i in 1...rows {
            for j in 1...frames {
                let diagonal = cost[(i - 1) * width + j - 1]
                let up = cost[(i - 1) * width + j]
                let left = cost[i * width + j - 1]
                let (best, step): (Float, UInt8) =
                    diagonal <= up && diagonal <= left ? (diagonal, 0) : (up <= left ? (up, 1) : (left, 2))
                cost[i * width + j] = -matrix[(i - 1) * frames + j - 1] + best
                trace[i * width + j] = step
            }
        }
        var i = rows
        var j = frames
        var path: [(Int, Int)] = []
        while i > 0 || j > 0 {
            path.append((i - 1, j - 1))
            if i == 0 {
                j -= 1
            } else if j == 0 {
                i -= 1
            } else {
                switch trace[i * width + j] {
                case 0: i -= 1; j -= 1
                case 1: i -= 1
                default: j -= 1
                }
            }
        }
        path.reverse()
        var jumps: [Double] = []
        var previousRow = -1
        for (row, frame) in path where row != previousRow && row >= 0 {
            jumps.append(Double(max(0, frame)))
            previousRow = row
        }
        while jumps.count < rows { jumps.append(Double(frames)) }
        return jumps
    }

    /// Groups text tokens into words (a word starts at a token beginning with a space, or at punctuation), attaches
    /// opening punctuation to the next word and closing punctuation to the previous one, and times each word from
    /// the jump times of its first token and of the token after it.
    static func words(
        _ tokens: [Int], jumpTimes: [Double], probabilities: [Double], tokenizer: WhisperTokenizer
    ) -> [(word: RecognizedWord, firstToken: Int)] {
        struct Piece {
            var bytes: [UInt8]
            var first: Int
            var end: Int
            var probabilities: [Double]
        }
        var pieces: [Piece] = []
        var pending: [UInt8] = []
        var pendingStart = 0
        var pendingProbabilities: [Double] = []
        for (index, token) in tokens.enumerated() {
            if pending.isEmpty { pendingStart = index }
            pending += tokenizer.bytes(token)
            pendingProbabilities.append(probabilities[index])
            // A token may end inside a UTF-8 sequence; a piece ends only where the bytes decode cleanly.
            guard let text = String(validating: pending, as: UTF8.self) else { continue }
            // Hyphens and apostrophes without a space before them join words ("ill-disposed", "don't").
            let bare = text.trimmingCharacters(in: .whitespaces)
            let startsWord = text.hasPrefix(" ") || (isPunctuation(bare) && !["-", "'", "’"].contains(bare))
            if startsWord || pieces.isEmpty {
                pieces.append(Piece(bytes: pending, first: pendingStart, end: index + 1, probabilities: pendingProbabilities))
            } else {
                pieces[pieces.count - 1].bytes += pending
                pieces[pieces.count - 1].end = index + 1
                pieces[pieces.count - 1].probabilities += pendingProbabilities
            }
            pending = []
            pendingProbabilities = []
        }
        // Merge punctuation into neighbours as Whisper does.
        var merged: [Piece] = []
        var carry: Piece?
        for piece in pieces {
            let text = String(decoding: piece.bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if closing.contains(text), !merged.isEmpty, carry == nil {
                merged[merged.count - 1].bytes += Array(text.utf8)
                merged[merged.count - 1].end = piece.end
                continue
            }
            if opening.contains(text) {
                if var held = carry {
                    held.bytes += Array(text.utf8)
                    held.end = piece.end
                    carry = held
                } else {
                    carry = Piece(bytes: Array(text.utf8), first: piece.first, end: piece.end, probabilities: [])
                }
                continue
            }
            var word = piece
            if let held = carry {
                let body = String(decoding: piece.bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                word.bytes = held.bytes + Array(body.utf8)
                carry = nil
            }
            merged.append(word)
        }
        let timed = merged.compactMap { piece -> (word: RecognizedWord, firstToken: Int)? in
            let text = String(decoding: piece.bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            let start = jumpTimes[min(piece.first, jumpTimes.count - 1)]
            let end = max(start, jumpTimes[min(piece.end, jumpTimes.count - 1)])
            let confidence = piece.probabilities.isEmpty ? 0 : piece.probabilities.reduce(0, +) / Double(piece.probabilities.count)
            return (RecognizedWord(text: text, start: start, end: end, confidence: confidence), piece.first)
        }
        return limitingDurations(timed)
    }

    /// Words longer than twice the median word (itself at most 0.7 s) are shortened, as Whisper's own heuristics
    /// do: a word that ends a sentence ends earlier (the path stretches it over the pause after it, or to the end
    /// of the window), any other starts later (stretched back over the pause before it).
    static func limitingDurations(_ words: [(word: RecognizedWord, firstToken: Int)]) -> [(word: RecognizedWord, firstToken: Int)] {
        let durations = words.map { $0.word.end - $0.word.start }.filter { $0 > 0 }.sorted()
        guard !durations.isEmpty else { return words }
        let median = min(0.7, durations[durations.count / 2])
        let longest = 2 * median
        return words.map { entry in
            var entry = entry
            guard entry.word.end - entry.word.start > longest else { return entry }
            if let last = entry.word.text.last, ".?!。？！".contains(last) {
                entry.word.end = entry.word.start + longest
            } else {
                entry.word.start = entry.word.end - longest
            }
            return entry
        }
    }

    static let opening: Set<String> = ["\"", "'", "“", "¿", "(", "[", "{", "¡"]
    static let closing: Set<String> = ["\"", "'", ".", "。", ",", "，", "!", "！", "?", "？", ":", "：", "”", ")", "]", "}", "、", ";", "...", "…"]

    private static func isPunctuation(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet.punctuationCharacters.contains($0) || CharacterSet.symbols.contains($0) }
    }

    private static func medianFiltered(_ values: [Float], width: Int) -> [Float] {
        let half = width / 2
        guard values.count > half else { return values }
        var result = values
        var window = [Float](repeating: 0, count: width)
        for index in values.indices {
            for offset in -half...half {
                var source = index + offset
                if source < 0 { source = -source }
                if source >= values.count { source = 2 * (values.count - 1) - source }
                window[offset + half] = values[max(0, min(values.count - 1, source))]
            }
            window.sort()
            result[index] = window[half]
        }
        return result
    }
}
