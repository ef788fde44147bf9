import ArgumentParser
import Foundation

/// One operation with fixed members, sent once per file.
struct BatchRequest: Sendable {
    let service: String
    let operation: String
    /// `--input`'s JSON object, as text.
    let base: Data
    let member: [String]
    let base64: Bool

    /// `--input` (or the @FILE it names), checked to be a JSON object.
    static func baseInput(_ text: String) throws -> Data {
        let data = try InputArgument.read(text)
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw ValidationError("--input must be a JSON object")
        }
        return data
    }

    /// Sends `file` and writes its answer below `folder`: nil, or why the request failed.
    func run(_ file: BatchFiles.File, caller: OperationCaller, into folder: URL) async throws -> String? {
        guard let content = FileManager.default.contents(atPath: file.source.path) else { return "cannot be read" }
        let encoded = content.base64EncodedString()
        let value = base64 ? encoded : String(data: content, encoding: .utf8) ?? encoded
        var input = try JSONSerialization.jsonObject(with: base) as? [String: Any] ?? [:]
        Self.set(&input, at: member[...], to: value)
        let body = try JSONSerialization.data(withJSONObject: input)
        let answer: OperationCaller.Answer
        do {
            answer = try await caller.answer(service, operation, body: body)
        } catch {
            // The server could not be reached: this file fails, the others are tried.
            return "cannot reach the server: \(error.localizedDescription)"
        }
        guard answer.status < 400 else { return OperationCaller.failure(answer).description }
        let destination = folder.appendingPathComponent(file.name + "." + Self.fileExtension(answer.contentType))
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try answer.body.write(to: destination)
        return nil
    }

    private static func set(_ object: inout [String: Any], at path: ArraySlice<String>, to value: String) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        var inner = object[first] as? [String: Any] ?? [:]
        set(&inner, at: path.dropFirst(), to: value)
        object[first] = inner
    }

    /// The extension an answer of `contentType` is written with.
    static func fileExtension(_ contentType: String) -> String {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        switch type {
        case "audio/mpeg": return "mp3"
        case "audio/ogg": return "ogg"
        case "audio/pcm": return "pcm"
        case "text/plain": return "txt"
        case let json where json.contains("json"): return "json"
        default: return "bin"
        }
    }
}
