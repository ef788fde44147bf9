import Foundation
import Recognition
import SibylCore

/// `RecognizeSpeech`: Sibyl's own synchronous transcription of a short recording, for other plugins (Lex's
/// `RecognizeUtterance`) through the gateway — Transcribe's AWS API has only jobs for stored media.
struct RecognizeSpeechRequest: Codable, Sendable, ValidatableInput {
    /// The recording: any format the Audio engine reads (WAV, FLAC, Ogg, MP3), base64 in JSON.
    var Audio: Data
    /// ISO 639-1 language; identified when absent.
    var LanguageCode: String?

    func validate() throws {
        guard !Audio.isEmpty else { throw ServiceError.validation("Audio must not be empty") }
        guard Audio.count <= 10_000_000 else {
            throw ServiceError.validation("Audio is limited to 10 MB for synchronous recognition")
        }
    }
}

/// What `RecognizeSpeech` answers.
struct RecognizeSpeechResponse: Codable, Sendable {
    var Transcript: String
    var LanguageCode: String?
}

extension TranscribePlugin {
    /// The operation; its name is Sibyl's (no AWS model has it), so it sits beside the AWS operations unlisted in
    /// the coverage table.
    static let recognizeSpeechOperation = "RecognizeSpeech"

    func recognizeSpeech(_ input: RecognizeSpeechRequest) async throws -> RecognizeSpeechResponse {
        let recognizer: WhisperRecognizer
        do {
            recognizer = try provider.recognizer()
        } catch {
            throw ServiceError.engineUnavailable("Speech recognition is not available: \(error.description)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sibyl-speech-\(UUID().uuidString)")
        try input.Audio.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await TranscriptionJobHandler.recognize(
            recognizer, file: file, channel: nil, options: RecognitionOptions(language: input.LanguageCode),
            progress: { _ in })
        let text = result.segments.map(\.text).joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return RecognizeSpeechResponse(Transcript: text, LanguageCode: result.language)
    }
}
