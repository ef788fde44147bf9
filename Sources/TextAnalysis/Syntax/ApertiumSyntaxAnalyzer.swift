import Apertium
import Foundation

/// Tokens, sentences and parts of speech from Apertium's morphological analyser and HMM tagger (e.g. Spanish
/// from `apertium-eng-spa`), its tags mapped to Universal Dependencies. The analyser runs as a long-lived
/// null-flush pipeline; the tagger once per request, since kept alive it carries state from one request to the
/// next (apertium issue 101) and a text's tags would depend on the texts before it.
///
/// Scores are not probabilities (the tagger gives none): 0.99 for a word with one analysis, 0.85 for one the
/// tagger chose among several, 0.5 for a word the analyser does not know (tagged PROPN when capitalised,
/// else NOUN).
public struct ApertiumSyntaxAnalyzer: Sendable {
    let pool: ApertiumPool
    let tagger: [String]

    /// Creates an analyzer from an analyser (`.automorf.bin`) and a tagger (`.prob`) file.
    public init(analyser: String, tagger: String, timeout: Duration = .seconds(30)) {
        let quote = { (path: String) in "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        pool = ApertiumPool(
            name: "syntax \(URL(fileURLWithPath: analyser).lastPathComponent)", command: "lt-proc -z \(quote(analyser))",
            size: 2, timeout: timeout)
        self.tagger = ["apertium-tagger", "-g", "-p", "-m", tagger]
    }

    /// Spanish from Debian's `apertium-eng-spa`, if installed.
    public static func spanish(directory: String = "/usr/share/apertium/apertium-eng-spa") -> ApertiumSyntaxAnalyzer? {
        let analyser = directory + "/spa-eng.automorf.bin"
        let tagger = directory + "/spa-eng.prob"
        guard FileManager.default.fileExists(atPath: analyser), FileManager.default.fileExists(atPath: tagger) else {
            return nil
        }
        return ApertiumSyntaxAnalyzer(analyser: analyser, tagger: tagger)
    }

    /// The tagged tokens of each sentence of `text`.
    public func analyze(_ text: String) async throws -> [[TaggedToken]] {
        let analysed = try await pool.process(ApertiumStream.deformat(text))
        let stream: String
        do {
            stream = try await ApertiumFormatter.filter(tagger, input: analysed)
        } catch let failure as ApertiumFormatter.Failure {
            throw ApertiumPipelineError.stopped(pipeline: "tagger", reason: failure.description)
        }
        let scalars = Array(text.unicodeScalars)
        var sentences: [[TaggedToken]] = []
        var sentence: [TaggedToken] = []
        var cursor = 0
        for unit in Self.units(of: stream) {
            // Each unit's surface form comes from the text in order; the full stop `deformat` added does not.
            guard let begin = Self.find(unit.surface, in: scalars, from: cursor) else { continue }
            let end = begin + unit.surface.unicodeScalars.count
            cursor = end
            let token = Token(
                text: unit.surface, begin: begin, end: end,
                kind: unit.tag == "PUNCT" ? .punctuation : unit.tag == "NUM" ? .number : .word)
            sentence.append(TaggedToken(token: token, tag: unit.tag, score: unit.score))
            if unit.endsSentence {
                sentences.append(sentence)
                sentence = []
            }
        }
        if !sentence.isEmpty { sentences.append(sentence) }
        return sentences
    }

    struct Unit: Equatable {
        var surface: String
        var tag: String
        var score: Double
        var endsSentence: Bool
    }

    /// The lexical units (`^surface/analysis$`) of a tagged stream, with UD tags.
    static func units(of stream: String) -> [Unit] {
        var units: [Unit] = []
        var current: String?
        var escaped = false
        for character in stream {
            if escaped {
                current?.append("\\")
                current?.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "^" {
                current = ""
            } else if character == "$", let body = current {
                units.append(unit(body))
                current = nil
            } else {
                current?.append(character)
            }
        }
        return units
    }

    /// One unit's body (`surface/lemma<tag>…`; `=` before the surface of one the tagger chose among several
    /// analyses, `*` before the analysis of an unknown one).
    static func unit(_ body: String) -> Unit {
        var parts = splitUnescaped(body, on: "/")
        let ambiguous = parts.first?.hasPrefix("=") == true
        if ambiguous { parts[0].removeFirst() }
        let surface = unescape(parts.first ?? body)
        let analysis = parts.count > 1 ? parts[1] : ""
        if analysis.hasPrefix("*") || analysis.isEmpty {
            let capitalised = surface.first?.isUppercase == true
            return Unit(surface: surface, tag: capitalised ? "PROPN" : "NOUN", score: 0.5, endsSentence: false)
        }
        let firstTag = analysis.split(separator: "<", maxSplits: 1).dropFirst().first?.prefix { $0 != ">" } ?? ""
        let tag = universalTag(String(firstTag), lemma: String(analysis.prefix { $0 != "<" }))
        return Unit(surface: surface, tag: tag, score: ambiguous ? 0.85 : 0.99, endsSentence: firstTag == "sent")
    }

    /// Apertium's first tag as a Universal Dependencies tag.
    static func universalTag(_ tag: String, lemma: String) -> String {
        switch tag {
        case "n": "NOUN"
        case "np": "PROPN"
        case "adj": "ADJ"
        case "vblex": "VERB"
        case "vbser", "vbhaver", "vaux", "vbmod": "AUX"
        case "adv", "preadv", "cnjadv": "ADV"
        case "pr": "ADP"
        case "det", "predet": "DET"
        case "prn", "rel": "PRON"
        case "cnjcoo": "CCONJ"
        case "cnjsub": "SCONJ"
        case "num": "NUM"
        case "ij": "INTJ"
        case "sent", "cm", "lpar", "rpar", "lquest", "lquot", "rquot", "guio", "apos", "punt", "percent": "PUNCT"
        default: lemma.unicodeScalars.allSatisfy { $0.properties.generalCategory.isPunctuation } ? "PUNCT" : "X"
        }
    }

    private static func splitUnescaped(_ text: String, on separator: Character) -> [String] {
        var parts = [""]
        var escaped = false
        for character in text {
            if escaped {
                parts[parts.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                parts[parts.count - 1].append(character)
                escaped = true
            } else if character == separator {
                parts.append("")
            } else {
                parts[parts.count - 1].append(character)
            }
        }
        return parts
    }

    private static func unescape(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if !escaped, character == "\\" {
                escaped = true
                continue
            }
            result.append(character)
            escaped = false
        }
        return result
    }

    private static func find(_ surface: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let needle = Array(surface.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        var index = start
        while index + needle.count <= scalars.count {
            if scalars[index] == needle[0], Array(scalars[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}
