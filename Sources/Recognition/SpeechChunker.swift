import Foundation

/// Voice activity detection and chunking of a 16 kHz stream into pieces of at most 30 seconds, cut in the
/// quietest stretch near the end of each piece, so long files are processed in bounded memory and silence is
/// never sent to the recogniser (where Whisper tends to invent text).
struct SpeechChunker {
    static let sampleRate = 16000
    static let frameLength = 320  // 20 ms
    static let maxChunkSamples = 30 * sampleRate
    /// Chunks are cut no earlier than this, so they stay long enough to carry context.
    static let minCutSamples = 18 * sampleRate

    struct Chunk {
        /// Where the chunk starts in the whole stream, in seconds.
        var offset: Double
        var samples: [Float]
        /// Whether any 20-ms frame rose clearly above the noise floor.
        var hasSpeech: Bool
    }

    private var buffer: [Float] = []
    private var consumed = 0

    /// Adds samples; answers the chunks that are complete.
    mutating func append(_ samples: [Float]) -> [Chunk] {
        buffer += samples
        var chunks: [Chunk] = []
        while buffer.count >= Self.maxChunkSamples {
            let cut = Self.quietestCut(in: buffer)
            chunks.append(take(cut))
        }
        return chunks
    }

    /// The rest of the stream as a final chunk (if any audio is left).
    mutating func finish() -> [Chunk] {
        buffer.isEmpty ? [] : [take(buffer.count)]
    }

    private mutating func take(_ count: Int) -> Chunk {
        let samples = Array(buffer.prefix(count))
        buffer.removeFirst(count)
        let chunk = Chunk(
            offset: Double(consumed) / Double(Self.sampleRate), samples: samples, hasSpeech: Self.hasSpeech(samples))
        consumed += count
        return chunk
    }

    /// Frame energies in dB (full scale).
    static func frameEnergies(_ samples: [Float]) -> [Float] {
        stride(from: 0, to: samples.count, by: frameLength).map { start in
            let end = min(samples.count, start + frameLength)
            var sum: Float = 0
            for index in start..<end { sum += samples[index] * samples[index] }
            return 10 * log10(max(sum / Float(max(1, end - start)), 1e-12))
        }
    }

    /// Speech: some frames at least 12 dB above the noise floor (the 10th percentile) and above −50 dBFS.
    static func hasSpeech(_ samples: [Float]) -> Bool {
        let energies = frameEnergies(samples)
        guard !energies.isEmpty else { return false }
        let floor = energies.sorted()[energies.count / 10]
        let threshold = max(floor + 12, -50)
        return energies.filter { $0 > threshold }.count >= 5
    }

    /// The cut point between 18 and 30 s with the least energy over 300 ms around it (later wins ties).
    private static func quietestCut(in samples: [Float]) -> Int {
        let energies = frameEnergies(Array(samples.prefix(maxChunkSamples)))
        let first = minCutSamples / frameLength
        let span = 7
        var best = energies.count
        var bestEnergy = Float.infinity
        for frame in first..<max(first, energies.count - span) {
            var sum: Float = 0
            for offset in -span...span { sum += energies[min(energies.count - 1, max(0, frame + offset))] }
            if sum <= bestEnergy {
                bestEnergy = sum
                best = frame
            }
        }
        return min(samples.count, max(frameLength, best * frameLength))
    }
}
