import ArgumentParser
import Foundation
import TextAnalysis

extension Sibyl {
    /// `sibyl models`: the steps that make the text-analysis models in `Models/` (see `Scripts/train-text-models`).
    struct Models: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train and try the models in Models/ (text analysis, speech recognition).",
            subcommands: [Tokenize.self, Train.self, Tag.self, LoadTime.self, Transcribe.self])
    }
}

extension Sibyl.Models {
    /// Prints each sentence of standard input as a JSON line `{"words": [...], "spaces": [...]}`, tokenized
    /// exactly as the engine tokenizes, so a teacher model can label the very tokens the student will see.
    struct Tokenize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tokenize standard input into JSON lines.")

        @Option(help: "Language code for the break rules.")
        var language = "en"

        func run() async throws {
            let tokenizer = Tokenizer(language: language)
            let encoder = JSONEncoder()
            while let line = readLine() {
                let scalars = Array(line.unicodeScalars)
                for sentence in tokenizer.sentences(line) {
                    let tokens = sentence.tokens
                    let spaces = tokens.indices.map { index in
                        index + 1 < tokens.count ? tokens[index + 1].begin > tokens[index].end
                            : tokens[index].end < scalars.count
                    }
                    let json = try encoder.encode(TokenizedSentence(words: tokens.map(\.text), spaces: spaces))
                    print(String(decoding: json, as: UTF8.self))
                }
            }
        }
    }

    /// Tags pre-tokenized sentences (JSON lines `{"words": [...]}`) with a part-of-speech model and prints
    /// `{"tags": [...]}` per line: how benchmarks measure tagging on gold tokens.
    struct Tag: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tag pre-tokenized JSON lines with a syntax model.")

        @Option(help: "The part-of-speech model file.")
        var model: String

        func run() async throws {
            let tagger = PartOfSpeechTagger(
                model: try PerceptronModelFile.model(from: Data(contentsOf: URL(fileURLWithPath: model))))
            let encoder = JSONEncoder()
            while let line = readLine() {
                let sentence = try JSONDecoder().decode(TokenizedSentence.self, from: Data(line.utf8))
                let tokens = sentence.words.map { Token(text: $0, begin: 0, end: 0, kind: .word) }
                let tags = tagger.tag(tokens).map(\.label)
                print(String(decoding: try encoder.encode(["tags": tags]), as: UTF8.self))
            }
        }
    }

    /// Loads the English models as the gateway does at start-up and prints how long that took.
    struct LoadTime: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load-time", abstract: "Load the English text models and print the time it took.")

        @Option(help: "The models directory (default: as the gateway finds it).")
        var modelsDirectory: String?

        func run() async throws {
            let directory =
                modelsDirectory.map { URL(fileURLWithPath: $0) }
                ?? EnglishTextModels.defaultDirectory(
                    executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
            let clock = ContinuousClock()
            let start = clock.now
            _ = try EnglishTextModels(directory: directory)
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            print("\(Int(milliseconds.rounded())) ms")
        }
    }

    struct TokenizedSentence: Codable {
        var words: [String]
        var spaces: [Bool]?
    }

    /// Trains a part-of-speech or entity model from a labelled file: one token per line as
    /// `word<TAB>UPOS<TAB>entity-BIO`, sentences separated by blank lines.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Train a text-analysis model.")

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case syntax, entities, sentiment
        }

        @Option(help: "What to train: syntax (UPOS tags), entities (BIO labels) or sentiment (LABEL<TAB>sentence lines).")
        var kind: Kind

        @Option(help: "The labelled training file.")
        var data: String

        @Option(help: "Where to write the model.")
        var output: String

        @Option(help: "Passes over the training data.")
        var passes = 6

        @Option(help: "The sentiment lexicon (word<TAB>valence) the sentiment model uses.")
        var lexicon = "Models/english-sentiment-lexicon.tsv"

        @Option(help: "Drop features whose averaged weights all stay below this magnitude.")
        var prune: Float = 0.02

        func run() async throws {
            let report: (Int, Double) -> Void = { pass, accuracy in
                FileHandle.standardError.write(Data("pass \(pass): training accuracy \(accuracy)\n".utf8))
            }
            let model: AveragedPerceptron
            switch kind {
            case .syntax:
                let sentences = try LabelledCorpus.read(URL(fileURLWithPath: data))
                model = GreedySequenceTagger.train(
                    sentences.map { ($0.words, $0.tags) }, featureSet: PartOfSpeechFeatures(), passes: passes,
                    pruningBelow: prune, progress: report)
            case .entities:
                let sentences = try LabelledCorpus.read(URL(fileURLWithPath: data))
                model = GreedySequenceTagger.train(
                    sentences.map { (Array(zip($0.words, $0.tags)).map(EntityItem.init), $0.entities) },
                    featureSet: EntityFeatures(), passes: passes, pruningBelow: prune, progress: report)
            case .sentiment:
                let examples = try String(contentsOf: URL(fileURLWithPath: data), encoding: .utf8)
                    .split(separator: "\n").map { line in
                        let fields = line.split(separator: "\t", maxSplits: 1)
                        guard fields.count == 2 else { throw ValidationError("malformed training line: \(line)") }
                        return (label: String(fields[0]), text: String(fields[1]))
                    }
                model = SentimentClassifier.train(
                    examples, lexicon: try SentimentLexicon(contentsOf: URL(fileURLWithPath: lexicon)), passes: passes,
                    pruningBelow: prune, progress: report)
            }
            try PerceptronModelFile.data(of: model).write(to: URL(fileURLWithPath: output))
            FileHandle.standardError.write(
                Data(
                    "wrote \(output): \(model.classes.count) classes, \(model.featureCount) features, temperature \(model.temperature)\n"
                        .utf8))
        }
    }
}

/// Sentences of a labelled training file.
enum LabelledCorpus {
    struct Sentence {
        var words: [String] = []
        var tags: [String] = []
        var entities: [String] = []
    }

    static func read(_ url: URL) throws -> [Sentence] {
        var sentences: [Sentence] = []
        var current = Sentence()
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if !current.words.isEmpty { sentences.append(current) }
                current = Sentence()
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { throw ValidationError("malformed training line: \(line)") }
            current.words.append(String(fields[0]))
            current.tags.append(String(fields[1]))
            current.entities.append(String(fields[2]))
        }
        if !current.words.isEmpty { sentences.append(current) }
        return sentences
    }
}
