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

    /// Takes `count` samples off the buffer as a chunk, trimmed to its speech with 0.3 s to spare on each side
    /// (the recogniser times words and segments better without long silences around them).
    private mutating func take(_ count: Int) -> Chunk {
        let samples = Array(buffer.prefix(count))
        buffer.removeFirst(count)
        defer { consumed += count }
        let voiced = Self.voicedFrames(samples)
        guard let first = voiced.first, let last = voiced.last else {
            return Chunk(offset: Double(consumed) / Double(Self.sampleRate), samples: samples, hasSpeech: false)
        }
        let margin = 15
        let start = max(0, first - margin) * Self.frameLength
        let end = min(samples.count, (last + 1 + margin) * Self.frameLength)
        return Chunk(
            offset: Double(consumed + start) / Double(Self.sampleRate), samples: Array(samples[start..<end]),
            hasSpeech: true)
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

    /// Speech: some frames at least 12 dB above the noise floor (the 10th percentile) and above −50 dBFS; audio
    /// louder than −30 dBFS counts whatever the floor, so a chunk without pauses is not taken for silence.
    static func hasSpeech(_ samples: [Float]) -> Bool { !voicedFrames(samples).isEmpty }

    /// The 20-ms frames above the speech threshold; none when fewer than five are.
    static func voicedFrames(_ samples: [Float]) -> [Int] {
        let energies = frameEnergies(samples)
        guard !energies.isEmpty else { return [] }
        let floor = energies.sorted()[energies.count / 10]
        let threshold = min(max(floor + 12, -50), -30)
        let voiced = energies.indices.filter { energies[$0] > threshold }
        return voiced.count >= 5 ? voiced : []
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
