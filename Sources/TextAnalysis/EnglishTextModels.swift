import Foundation

/// The trained English models (`Models/english-*.model`), loaded once at start-up.
public struct EnglishTextModels: Sendable {
    public let syntax: SyntaxAnalyzer
    public let entities: EntityRecognizer
    public let sentiment: SentimentClassifier

    /// The file names inside the models directory.
    public static let syntaxFile = "english-syntax.model"
    public static let entitiesFile = "english-entities.model"
    public static let sentimentFile = "english-sentiment.model"
    public static let sentimentLexiconFile = "english-sentiment-lexicon.tsv"

    /// Loads the models from a directory; throws naming the file that is missing or unreadable.
    public init(directory: URL) throws {
        func load(_ name: String) throws -> AveragedPerceptron {
            let url = directory.appendingPathComponent(name)
            do {
                return try PerceptronModelFile.model(from: Data(contentsOf: url))
            } catch {
                throw ModelLoadError(description: "cannot load \(url.path): \(error)")
            }
        }
        syntax = SyntaxAnalyzer(language: "en", tagger: PartOfSpeechTagger(model: try load(Self.syntaxFile)))
        entities = EntityRecognizer(model: try load(Self.entitiesFile), places: .system())
        let lexicon = directory.appendingPathComponent(Self.sentimentLexiconFile)
        do {
            sentiment = SentimentClassifier(model: try load(Self.sentimentFile), lexicon: try SentimentLexicon(contentsOf: lexicon))
        } catch let error as ModelLoadError {
            throw error
        } catch {
            throw ModelLoadError(description: "cannot load \(lexicon.path): \(error)")
        }
    }

    /// The default models directory: `Models` in the source tree the executable was built in (the nearest
    /// ancestor of `.build/…/sibyl` that has one), else `Models` in the working directory.
    public static func defaultDirectory(executable: URL) -> URL {
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("Models")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(syntaxFile).path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "Models")
    }
}

/// A model that could not be loaded.
public struct ModelLoadError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
