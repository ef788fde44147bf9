import Foundation
import Recognition
import Synchronization

/// Loads the speech recogniser on first use (the model is 290 MB in memory; a gateway that never transcribes
/// never loads it) and keeps it for the life of the process.
final class RecognizerProvider: Sendable {
    let directory: URL
    private let loaded = Mutex<Result<WhisperRecognizer, RecognitionError>?>(nil)
    private let knownLanguages = Mutex<[String]?>(nil)

    init(directory: URL) { self.directory = directory }

    /// Whether the model files are installed.
    var isInstalled: Bool {
        ["model.bin", "vocabulary.json", "config.json"].allSatisfy {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
    }

    /// The recogniser, loading it if need be.
    func recognizer() throws(RecognitionError) -> WhisperRecognizer {
        let result = loaded.withLock { state -> Result<WhisperRecognizer, RecognitionError> in
            if let state { return state }
            let made: Result<WhisperRecognizer, RecognitionError>
            do {
                made = .success(try WhisperRecognizer(directory: directory))
            } catch {
                made = .failure(RecognitionError("the Whisper model in \(directory.path) could not be loaded: \(error)"))
            }
            state = made
            return made
        }
        return try result.get()
    }

    /// The languages the recogniser transcribes, read once from the vocabulary without loading the network
    /// (requests check their language codes against it; nothing is cached while the model is missing).
    var languages: [String] {
        knownLanguages.withLock { known in
            if let known { return known }
            guard let read = try? WhisperRecognizer.languages(directory: directory), !read.isEmpty else { return [] }
            known = read
            return read
        }
    }
}
