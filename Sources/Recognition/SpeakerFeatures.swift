import Foundation

/// Speaker features for diarization: statistics of mel-cepstral coefficients over a stretch of speech
/// (means and standard deviations of MFCC 1–19 on the frames with speech energy).
enum SpeakerFeatures {
    static let coefficients = 19

    /// Features of `samples` (16 kHz), or `nil` when there are too few voiced frames.
    static func features(_ samples: [Float], spectrogram: LogMelSpectrogram) -> [Float]? {
        let (mel, frames) = spectrogram.logMelFrames(samples)
        let bins = WhisperNetwork.melBins
        guard frames >= 10 else { return nil }
        // Keep frames within 30 dB of the loudest (natural-log energy: 30 dB ≈ 6.9).
        var energies = [Float](repeating: 0, count: frames)
        for frame in 0..<frames {
            var peak = -Float.infinity
            for bin in 0..<bins { peak = max(peak, mel[frame * bins + bin]) }
            energies[frame] = peak
        }
        let loudest = energies.max() ?? 0
        let voiced = (0..<frames).filter { energies[$0] > loudest - 6.9 }
        guard voiced.count >= 10 else { return nil }
        var cepstra = [[Float]]()
        for frame in voiced {
            var row = [Float](repeating: 0, count: coefficients)
            for k in 1...coefficients {
                var sum: Float = 0
                for bin in 0..<bins {
                    sum += mel[frame * bins + bin] * cos(Float.pi * Float(k) * (Float(bin) + 0.5) / Float(bins))
                }
                row[k - 1] = sum
            }
            cepstra.append(row)
        }
        var features = [Float](repeating: 0, count: 2 * coefficients)
        for k in 0..<coefficients {
            let values = cepstra.map { $0[k] }
            let mean = values.reduce(0, +) / Float(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)
            features[k] = mean
            features[coefficients + k] = variance.squareRoot()
        }
        return features
    }
}
