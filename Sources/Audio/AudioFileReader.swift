import CSndFile
import Foundation

/// Reads an audio file block by block with libsndfile: wav, flac, ogg (Vorbis, Opus) and mp3, any sample rate and
/// channel count. Memory stays bounded by the block size, however long the file.
public final class AudioFileReader {
    /// The file's sample rate in hertz.
    public let sampleRate: Int
    /// The number of interleaved channels.
    public let channels: Int
    /// Frames (samples per channel) in the file, as its header states.
    public let frames: Int
    /// The container's name as Transcribe spells media formats: wav, flac, ogg, mp3, or the library's own name.
    public let formatName: String
    private let handle: OpaquePointer

    /// Opens a file; throws when libsndfile cannot read it (not audio, or a format it does not decode).
    public init(url: URL) throws(AudioError) {
        var info = SF_INFO()
        guard let handle = sf_open(url.path, Int32(SFM_READ), &info) else {
            let reason = String(cString: sf_strerror(nil))
            throw AudioError("the media could not be decoded: \(reason)")
        }
        guard info.channels > 0, info.samplerate > 0 else {
            sf_close(handle)
            throw AudioError("the media has no audio channels")
        }
        self.handle = handle
        sampleRate = Int(info.samplerate)
        channels = Int(info.channels)
        frames = Int(info.frames)
        formatName = Self.name(ofMajorFormat: info.format & Int32(SF_FORMAT_TYPEMASK))
    }

    deinit { sf_close(handle) }

    /// The duration in seconds.
    public var duration: Double { Double(frames) / Double(sampleRate) }

    /// Reads up to `maxFrames` frames as interleaved floats (about −1…1; non-finite samples as 0); an empty array
    /// at the end of the file.
    public func read(maxFrames: Int) -> [Float] {
        var buffer = [Float](repeating: 0, count: maxFrames * channels)
        let got = buffer.withUnsafeMutableBufferPointer { sf_readf_float(handle, $0.baseAddress, sf_count_t(maxFrames)) }
        buffer.removeSubrange(Int(max(0, got)) * channels..<buffer.count)
        // Float files may hold NaN or infinities; they would poison every later sum, so they read as silence.
        for index in buffer.indices where !buffer[index].isFinite { buffer[index] = 0 }
        return buffer
    }

    private static func name(ofMajorFormat major: Int32) -> String {
        switch major {
        case Int32(SF_FORMAT_WAV), Int32(SF_FORMAT_WAVEX), Int32(SF_FORMAT_RF64): "wav"
        case Int32(SF_FORMAT_FLAC): "flac"
        case Int32(SF_FORMAT_OGG): "ogg"
        case Int32(SF_FORMAT_MPEG): "mp3"
        case Int32(SF_FORMAT_AIFF): "aiff"
        case Int32(SF_FORMAT_AU): "au"
        default: "raw"
        }
    }
}
