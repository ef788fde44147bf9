import Foundation
import HTTPTypes
import Hummingbird

extension WireResponse {
    /// The Hummingbird response; file bodies are streamed in 64 KiB chunks.
    func hummingbirdResponse() -> Response {
        var fields = HTTPFields()
        for header in headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        switch body {
        case .data(let data):
            return Response(status: .init(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case .none(let contentLength):
            if let contentLength { fields[.contentLength] = String(contentLength) }
            return Response(status: .init(code: status), headers: fields, body: ResponseBody())
        case .file(let url, let range):
            let body = ResponseBody(contentLength: range.count) { writer in
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                try handle.seek(toOffset: UInt64(range.lowerBound))
                var remaining = range.count
                while remaining > 0 {
                    let chunk = try handle.read(upToCount: min(remaining, 64 * 1024)) ?? Data()
                    if chunk.isEmpty { break }
                    remaining -= chunk.count
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            }
            return Response(status: .init(code: status), headers: fields, body: body)
        }
    }
}
