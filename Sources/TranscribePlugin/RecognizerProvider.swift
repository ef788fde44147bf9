import Foundation
import Recognition
import Synchronization

/// Loads the speech recogniser on first use (the model is 290 MB in memory; a gateway that never transcribes
/// never loads it) and keeps it for the life of the process.
final class RecognizerProvider: Sendable {
    let directory: URL
    private let loaded = Mutex<Result<WhisperRecognizer, RecognitionError>?>(nil)

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

    /// The languages the recogniser transcribes, read without loading the network.
    var languages: [String] {
        (try? WhisperRecognizer.languages(directory: directory)) ?? []
    }
}
