import CLame
import Foundation

/// MPEG audio layer III encoding of mono 16-bit samples with LAME.
public enum MP3Encoder {
    /// The sample rates LAME encodes without resampling that Polly offers for mp3.
    public static let sampleRates: Set<Int> = [8000, 16000, 22050, 24000]

    /// Encodes mono samples at `sampleRate` (one of ``sampleRates``) at a constant bit rate in kbit/s.
    public static func encode(_ samples: [Int16], sampleRate: Int, kilobitsPerSecond: Int = 48) throws -> Data {
        guard sampleRates.contains(sampleRate) else { throw AudioError("mp3 cannot be encoded at \(sampleRate) Hz") }
        guard let lame = lame_init() else { throw AudioError("LAME could not start") }
        defer { lame_close(lame) }
        lame_set_num_channels(lame, 1)
        lame_set_mode(lame, MONO)
        lame_set_in_samplerate(lame, Int32(sampleRate))
        lame_set_out_samplerate(lame, Int32(sampleRate))
        lame_set_brate(lame, Int32(kilobitsPerSecond))
        lame_set_quality(lame, 7)  // fast; speech at 48 kbit/s shows no audible difference from 5
        lame_set_bWriteVbrTag(lame, 0)
        guard lame_init_params(lame) >= 0 else { throw AudioError("LAME refused the parameters") }

        var output = Data()
        let chunk = 8192
        var buffer = [UInt8](repeating: 0, count: chunk * 5 / 4 + 7200)
        var start = 0
        var pcm = samples
        while start < pcm.count {
            let count = min(chunk, pcm.count - start)
            let written = pcm.withUnsafeMutableBufferPointer { input in
                buffer.withUnsafeMutableBufferPointer { out in
                    lame_encode_buffer(
                        lame, input.baseAddress! + start, nil, Int32(count), out.baseAddress, Int32(out.count))
                }
            }
            guard written >= 0 else { throw AudioError("LAME failed with code \(written)") }
            output.append(contentsOf: buffer.prefix(Int(written)))
            start += count
        }
        let flushed = buffer.withUnsafeMutableBufferPointer { out in
            lame_encode_flush(lame, out.baseAddress, Int32(out.count))
        }
        guard flushed >= 0 else { throw AudioError("LAME failed to flush with code \(flushed)") }
        output.append(contentsOf: buffer.prefix(Int(flushed)))
        return output
    }
}
