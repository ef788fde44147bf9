import Foundation

/// Words with their sentiment valence (−4…+4), e.g. VADER's lexicon: `word<TAB>valence` lines, `#` comments.
public struct SentimentLexicon: Sendable {
    private let valences: [String: Double]

    /// Creates a lexicon from word valences.
    public init(_ valences: [String: Double]) {
        self.valences = valences
    }

    /// Reads a lexicon file.
    public init(contentsOf url: URL) throws {
        var valences: [String: Double] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, let valence = Double(fields[1]) else {
                throw ModelLoadError(description: "\(url.path): malformed lexicon line '\(line)'")
            }
            valences[String(fields[0])] = valence
        }
        self.init(valences)
    }

    /// The valence of a lower-cased word, if the lexicon has it.
    public func valence(of word: String) -> Double? { valences[word] }

    /// The number of words.
    public var count: Int { valences.count }

    /// Valences in five classes, the feature the classifier sees.
    static func valenceClass(_ valence: Double) -> String {
        switch valence {
        case 2...: "++"
        case 0.5..<2: "+"
        case -0.5..<0.5: "0"
        case -2 ..< -0.5: "-"
        default: "--"
        }
    }
}
