import CVorbis
import Foundation

/// Ogg Vorbis encoding of mono 16-bit samples with libvorbis (variable bit rate).
public enum OggVorbisEncoder {
    /// Encodes mono samples at `sampleRate` with a VBR quality from -0.1 to 1.0.
    public static func encode(_ samples: [Int16], sampleRate: Int, quality: Float = 0.4) throws -> Data {
        var info = vorbis_info()
        vorbis_info_init(&info)
        defer { vorbis_info_clear(&info) }
        guard vorbis_encode_init_vbr(&info, 1, sampleRate, quality) == 0 else {
            throw AudioError("libvorbis cannot encode mono at \(sampleRate) Hz")
        }
        var comment = vorbis_comment()
        vorbis_comment_init(&comment)
        defer { vorbis_comment_clear(&comment) }
        vorbis_comment_add_tag(&comment, "ENCODER", "Sibyl")
        var dsp = vorbis_dsp_state()
        guard vorbis_analysis_init(&dsp, &info) == 0 else { throw AudioError("libvorbis analysis failed to start") }
        defer { vorbis_dsp_clear(&dsp) }
        var block = vorbis_block()
        vorbis_block_init(&dsp, &block)
        defer { vorbis_block_clear(&block) }
        var stream = ogg_stream_state()
        ogg_stream_init(&stream, Int32.random(in: 1...Int32.max))
        defer { ogg_stream_clear(&stream) }

        var output = Data()
        func append(_ page: ogg_page) {
            output.append(page.header, count: page.header_len)
            output.append(page.body, count: page.body_len)
        }
        var header = ogg_packet()
        var commentHeader = ogg_packet()
        var codeHeader = ogg_packet()
        vorbis_analysis_headerout(&dsp, &comment, &header, &commentHeader, &codeHeader)
        ogg_stream_packetin(&stream, &header)
        ogg_stream_packetin(&stream, &commentHeader)
        ogg_stream_packetin(&stream, &codeHeader)
        var page = ogg_page()
        while ogg_stream_flush(&stream, &page) != 0 { append(page) }

        func drain() {
            var packet = ogg_packet()
            while vorbis_analysis_blockout(&dsp, &block) == 1 {
                vorbis_analysis(&block, nil)
                vorbis_bitrate_addblock(&block)
                while vorbis_bitrate_flushpacket(&dsp, &packet) == 1 {
                    ogg_stream_packetin(&stream, &packet)
                    while ogg_stream_pageout(&stream, &page) != 0 { append(page) }
                }
            }
        }
        let chunk = 4096
        var start = 0
        while start < samples.count {
            let count = min(chunk, samples.count - start)
            guard let buffer = vorbis_analysis_buffer(&dsp, Int32(count)), let channel = buffer[0] else {
                throw AudioError("libvorbis gave no analysis buffer")
            }
            for index in 0..<count { channel[index] = Float(samples[start + index]) / 32768 }
            vorbis_analysis_wrote(&dsp, Int32(count))
            drain()
            start += count
        }
        vorbis_analysis_wrote(&dsp, 0)
        drain()
        while ogg_stream_flush(&stream, &page) != 0 { append(page) }
        return output
    }
}
