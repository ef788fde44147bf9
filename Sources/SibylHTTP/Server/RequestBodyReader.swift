import Hummingbird

/// Reads a request body once, so that whatever part a handler left unread can be drained afterwards.
///
/// A request refused before its body was read (too large, no such bucket) must still have the body read:
/// Hummingbird otherwise half-closes the connection, and a client that sends its whole body before reading
/// the response (Python's http.client, so botocore) waits forever instead of seeing the error.
final class RequestBodyReader {
    private var iterator: RequestBody.AsyncIterator
    private var finished = false

    init(_ body: RequestBody) {
        iterator = body.makeAsyncIterator()
    }

    /// The next chunk, or `nil` at the end of the body.
    func next() async throws -> ByteBuffer? {
        guard !finished else { return nil }
        guard let chunk = try await iterator.next() else {
            finished = true
            return nil
        }
        return chunk
    }

    /// Reads and discards the rest of the body, up to `limit` bytes.
    func drain(upTo limit: Int) async {
        var drained = 0
        while drained <= limit, let chunk = try? await next() {
            drained += chunk.readableBytes
        }
    }
}
