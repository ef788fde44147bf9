import ComprehendPlugin
import Dialogue
import DiagnosticsPlugin
import ForecastPlugin
import Foundation
import LexPlugin
import PollyPlugin
import RekognitionPlugin
import SibylCore
import Synchronization
import Synthesis
import TextAnalysis
import TranscribePlugin
import TranslatePlugin
import Translation

/// The one list of plugins the gateway serves. Adding a service is one target plus one line here.
public enum PluginList {
    /// The plugins, built for a configuration. Engines are created here, once per process, and handed to their
    /// plugins; an engine that cannot start leaves its plugin answering a clear error and `/health` not ready.
    public static func make(_ configuration: SibylConfiguration) -> [any ServicePlugin] {
        [
            DiagnosticsPlugin(testJobs: configuration.testJobs),
            makePolly(configuration),
            makeComprehend(configuration),
            TranslatePlugin(
                engine: TranslationEngine(taggerPerRequest: configuration.translationTaggerPerRequest), profanity: ProfanityMasker(directory: sourceTreeFolder("Resources/profanity")),
                marksUnknownWords: configuration.translationMarksUnknownWords),
            TranscribePlugin(modelDirectory: whisperDirectory(modelsDirectory: configuration.modelsDirectory)),
            RekognitionPlugin(faceModelDirectory: modelFolder("dlib-faces", modelsDirectory: configuration.modelsDirectory)),
            ForecastPlugin(holidayCalendars: modelFolder("holidays", modelsDirectory: configuration.modelsDirectory)),
            ForecastQueryPlugin(),
            LexModelsPlugin(),
            LexRuntimePlugin(places: { cityNames(modelsDirectory: configuration.modelsDirectory) }),
        ]
    }

    /// A folder of the source tree the executable was built in (the nearest ancestor of `.build/…/sibyl` that
    /// has it), else the same path in the working directory.
    static func sourceTreeFolder(_ relative: String) -> URL {
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: relative)
    }

    /// The Whisper model folder: `whisper-base` in the configured models directory, else in the source tree's `Models/`.
    static func whisperDirectory(modelsDirectory: String) -> URL {
        modelFolder("whisper-base", modelsDirectory: modelsDirectory)
    }

    /// This system's place names with the world's cities (`Models/places/cities.tsv`), read once per models folder.
    static func cityNames(modelsDirectory: String) -> PlaceNames {
        loadedPlaces.withLock { loaded in
            if let names = loaded[modelsDirectory] { return names }
            let names = PlaceNames.system(
                cities: modelFolder("places", modelsDirectory: modelsDirectory).appendingPathComponent("cities.tsv"))
            loaded[modelsDirectory] = names
            return names
        }
    }

    private static let loadedPlaces = Mutex<[String: PlaceNames]>([:])

    /// A model's folder: `name` in the configured models directory, else in the source tree's `Models/`.
    static func modelFolder(_ name: String, modelsDirectory: String) -> URL {
        modelsDirectory.isEmpty
            ? sourceTreeFolder("Models/\(name)")
            : URL(fileURLWithPath: modelsDirectory).appendingPathComponent(name)
    }

    private static func makeComprehend(_ configuration: SibylConfiguration) -> ComprehendPlugin {
        let directory =
            configuration.modelsDirectory.isEmpty
            ? EnglishTextModels.defaultDirectory(
                executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
            : URL(fileURLWithPath: configuration.modelsDirectory)
        let languages = languageIdentifier(modelsDirectory: configuration.modelsDirectory)
        do {
            return ComprehendPlugin(languages: languages, english: try EnglishTextModels(directory: directory))
        } catch {
            return ComprehendPlugin(languages: languages, english: nil, modelFailure: "\(error)")
        }
    }

    /// lid.176 (`Models/lid-176/`) blended with CLD2, read on first use; CLD2 alone, with a warning, when the model
    /// cannot be read (`Scripts/setup` installs it).
    static func languageIdentifier(modelsDirectory: String) -> any LanguageIdentifier {
        let file = modelFolder("lid-176", modelsDirectory: modelsDirectory).appendingPathComponent("lid.176.ftz")
        return LanguageIdentifierOnFirstUse {
            do {
                return BlendedLanguageIdentifier(model: try FastTextClassifier(contentsOf: file))
            } catch {
                FileHandle.standardError.write(Data("sibyl: \(error); DetectDominantLanguage uses CLD2 alone\n".utf8))
                return CLD2LanguageIdentifier()
            }
        }
    }

    private static func makePolly(_ configuration: SibylConfiguration) -> PollyPlugin {
        do {
            let local = try ESpeakSynthesizer(
                maxWaiting: configuration.synthesisQueueDepth,
                timeout: .seconds(configuration.synthesisTimeoutSeconds))
            guard configuration.synthesisWorkers > 1 else { return PollyPlugin(synthesizer: local) }
            let pool = try ProcessSynthesizerPool(
                command: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
                arguments: ["synthesis-worker", "--timeout-seconds", String(configuration.synthesisTimeoutSeconds)],
                workers: configuration.synthesisWorkers, maxWaiting: configuration.synthesisQueueDepth,
                voices: local.installedVoices())
            return PollyPlugin(synthesizer: pool)
        } catch {
            return PollyPlugin(synthesizer: nil, startupFailure: "\(error)")
        }
    }
}
