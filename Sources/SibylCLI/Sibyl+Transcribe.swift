import ArgumentParser
import Foundation
import Recognition

extension Sibyl.Models {
    /// `sibyl models transcribe FILE…`: runs the speech recogniser on audio files and prints one JSON object per
    /// file (language, transcript, timed words, audio seconds): what the WER benchmark measures.
    struct Transcribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Transcribe audio files with the speech recogniser.")

        @Option(help: "Language code (ISO 639-1, e.g. en); identified from the audio when omitted.")
        var language: String?

        @Option(help: "The folder holding the Whisper model (default: Models/whisper-base of the source tree).")
        var modelDirectory: String?

        @Option(help: "Comma-separated words and phrases to bias recognition towards (a custom vocabulary).")
        var vocabulary: String?

        @Argument(help: "Audio files (wav, flac, ogg, mp3).")
        var files: [String]

        func run() async throws {
            let directory = modelDirectory.map { URL(fileURLWithPath: $0) } ?? PluginList.whisperDirectory(modelsDirectory: "")
            let recognizer = try WhisperRecognizer(directory: directory)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for file in files {
                let result = try recognizer.recognize(
                    file: URL(fileURLWithPath: file), channel: nil,
                    options: RecognitionOptions(
                        language: language,
                        vocabulary: vocabulary.map { $0.split(separator: ",").map(String.init) } ?? []))
                let line = TranscribedFile(
                    file: file, language: result.language, transcript: result.words.map(\.text).joined(separator: " "),
                    words: result.words.map {
                        TimedWord(word: $0.text, start: $0.start, end: $0.end, confidence: $0.confidence)
                    }, seconds: result.duration)
                print(String(decoding: try encoder.encode(line), as: UTF8.self))
            }
        }
    }

    private struct TranscribedFile: Encodable {
        var file: String
        var language: String
        var transcript: String
        var words: [TimedWord]
        var seconds: Double
    }

    private struct TimedWord: Encodable {
        var word: String
        var start: Double
        var end: Double
        var confidence: Double
    }
}
