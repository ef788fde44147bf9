import COpenBLAS
import Foundation

/// Whisper's front end: 16 kHz audio → 80 log-mel bins every 10 ms (25 ms Hann window, n_fft 400, hop 160,
/// Slaney-style mel filterbank as librosa builds it), log10, floored 8 below the peak, scaled to about −1…1.
struct LogMelSpectrogram: Sendable {
    static let sampleRate = 16000
    static let fftSize = 400
    static let hop = 160
    static let bins = fftSize / 2 + 1

    /// [bins × 80] mel weights, row-major.
    private let filters: [Float]
    /// The periodic Hann window folded into the DFT basis: [400 × bins] cosine and sine parts.
    private let cosines: [Float]
    private let sines: [Float]

    init() {
        var cosines = [Float](repeating: 0, count: Self.fftSize * Self.bins)
        var sines = cosines
        for n in 0..<Self.fftSize {
            let window = 0.5 - 0.5 * cos(2 * Double.pi * Double(n) / Double(Self.fftSize))
            for k in 0..<Self.bins {
                let angle = 2 * Double.pi * Double(k * n % Self.fftSize) / Double(Self.fftSize)
                cosines[n * Self.bins + k] = Float(window * cos(angle))
                sines[n * Self.bins + k] = Float(-window * sin(angle))
            }
        }
        self.cosines = cosines
        self.sines = sines
        filters = Self.slaneyFilterbank(melCount: WhisperNetwork.melBins)
    }

    /// Features for one window: the first `frames` frames of `samples` followed by silence, as [80 × frames]
    /// (bin-major), the layout the encoder takes.
    func features(_ samples: [Float], frames: Int = WhisperNetwork.windowFrames) -> [Float] {
        var mel = melEnergies(samples, frames: frames)
        var peak = -Float.infinity
        for index in mel.indices {
            mel[index] = log10(max(mel[index], 1e-10))
            peak = max(peak, mel[index])
        }
        var transposed = [Float](repeating: 0, count: mel.count)
        for frame in 0..<frames {
            for bin in 0..<WhisperNetwork.melBins {
                let value = max(mel[frame * WhisperNetwork.melBins + bin], peak - 8)
                transposed[bin * frames + frame] = (value + 4) / 4
            }
        }
        return transposed
    }

    /// Natural-log mel energies [frames × 80] (frame-major), the input of speaker features.
    func logMelFrames(_ samples: [Float]) -> (values: [Float], frames: Int) {
        let frames = samples.count / Self.hop
        guard frames > 0 else { return ([], 0) }
        var mel = melEnergies(samples, frames: frames)
        for index in mel.indices { mel[index] = log(max(mel[index], 1e-10)) }
        return (mel, frames)
    }

    /// Mel-band energies [frames × 80] (frame-major): the power spectrum times the filterbank.
    private func melEnergies(_ samples: [Float], frames: Int) -> [Float] {
        let power = powerSpectrum(samples, frames: frames)
        var mel = [Float](repeating: 0, count: frames * WhisperNetwork.melBins)
        power.withUnsafeBufferPointer { p in
            filters.withUnsafeBufferPointer { f in
                mel.withUnsafeMutableBufferPointer { m in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(frames), Int32(WhisperNetwork.melBins),
                        Int32(Self.bins), 1, p.baseAddress, Int32(Self.bins), f.baseAddress,
                        Int32(WhisperNetwork.melBins), 0, m.baseAddress, Int32(WhisperNetwork.melBins))
                }
            }
        }
        return mel
    }

    /// |STFT|² of `frames` centred frames (reflect padding at the start, silence after the samples): [frames × 201].
    private func powerSpectrum(_ samples: [Float], frames: Int) -> [Float] {
        let half = Self.fftSize / 2
        var framed = [Float](repeating: 0, count: frames * Self.fftSize)
        framed.withUnsafeMutableBufferPointer { out in
            samples.withUnsafeBufferPointer { s in
                for frame in 0..<frames {
                    let centre = frame * Self.hop
                    for n in 0..<Self.fftSize {
                        var index = centre + n - half
                        if index < 0 { index = -index }  // reflect padding (the first sample is not repeated)
                        // After the samples comes silence (Whisper pads 30 s of zeros before framing).
                        out[frame * Self.fftSize + n] = index < s.count ? s[index] : 0
                    }
                }
            }
        }
        let real = Self.product(framed, frames: frames, basis: cosines)
        let imaginary = Self.product(framed, frames: frames, basis: sines)
        var power = real
        for index in power.indices { power[index] = real[index] * real[index] + imaginary[index] * imaginary[index] }
        return power
    }

    private static func product(_ framed: [Float], frames: Int, basis: [Float]) -> [Float] {
        var result = [Float](repeating: 0, count: frames * bins)
        framed.withUnsafeBufferPointer { f in
            basis.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { r in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(frames), Int32(bins), Int32(fftSize), 1,
                        f.baseAddress, Int32(fftSize), b.baseAddress, Int32(bins), 0, r.baseAddress, Int32(bins))
                }
            }
        }
        return result
    }

    /// librosa.filters.mel(sr=16000, n_fft=400, n_mels=80): Slaney mel scale, area-normalised triangles. [201 × 80].
    private static func slaneyFilterbank(melCount: Int) -> [Float] {
        func hzToMel(_ hz: Double) -> Double {
            let linear = hz / (200.0 / 3)
            return hz >= 1000 ? 15 + log(hz / 1000) / (log(6.4) / 27) : linear
        }
        func melToHz(_ mel: Double) -> Double {
            mel >= 15 ? 1000 * exp((log(6.4) / 27) * (mel - 15)) : mel * (200.0 / 3)
        }
        let top = hzToMel(Double(sampleRate) / 2)
        let points = (0..<melCount + 2).map { melToHz(top * Double($0) / Double(melCount + 1)) }
        var weights = [Float](repeating: 0, count: bins * melCount)
        for m in 0..<melCount {
            let lower = points[m]
            let centre = points[m + 1]
            let upper = points[m + 2]
            let norm = 2 / (upper - lower)
            for k in 0..<bins {
                let hz = Double(k) * Double(sampleRate) / Double(fftSize)
                let rising = (hz - lower) / (centre - lower)
                let falling = (upper - hz) / (upper - centre)
                weights[k * melCount + m] = Float(max(0, min(rising, falling)) * norm)
            }
        }
        return weights
    }
}
