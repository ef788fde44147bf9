import Apertium
import Foundation

/// A text translated, with the route it took.
public struct Translation: Sendable, Equatable {
    public var text: String
    /// The Apertium modes used, in order (one for a direct pair, more when pivoting).
    public var route: [String]
    /// The terminology terms that were put into the translation.
    public var appliedTerms: [AppliedTerm] = []
}

/// Why the engine cannot translate.
public enum TranslationError: Error, Equatable, Sendable {
    /// No chain of installed pairs leads from the source to the target.
    case unsupportedPair(source: String, target: String)
}

/// Machine translation on Apertium: the installed modes are discovered at start-up, mapped to the language codes
/// Amazon Translate uses, and chained through shared languages when no direct pair exists (the shortest chain
/// wins: fr→es→en). Each mode runs as a small pool of long-lived null-flush pipelines.
public final class TranslationEngine: Sendable {
    /// One direction between two Translate language codes, through one Apertium mode.
    public struct Edge: Sendable, Equatable {
        public var source: String
        public var target: String
        public var mode: ApertiumMode
    }

    public let edges: [Edge]
    /// Pools by mode name, without and with unknown-word marks.
    private let pools: [String: ModePools]

    /// The long-lived pipelines of one mode: the whole pipeline, or, where the mode has an HMM tagger, the
    /// stages before it and after it (the tagger itself runs once per request).
    struct ModePools: Sendable {
        var plain: ApertiumPool
        var marked: ApertiumPool
        var split: (head: ApertiumPool, tagger: [String], plainTail: ApertiumPool, markedTail: ApertiumPool)?

        /// Runs a stream through the mode.
        func process(_ stream: String, marks: Bool) async throws -> String {
            guard let split else { return try await (marks ? marked : plain).process(stream) }
            let analysed = try await split.head.process(stream)
            let tagged: String
            do {
                tagged = try await ApertiumFormatter.filter(split.tagger, input: analysed)
            } catch let failure as ApertiumFormatter.Failure {
                throw ApertiumPipelineError.stopped(pipeline: "tagger", reason: failure.description)
            }
            return try await (marks ? split.markedTail : split.plainTail).process(tagged)
        }

        func shutDown() async {
            await plain.shutDown()
            await marked.shutDown()
            if let split {
                await split.head.shutDown()
                await split.plainTail.shutDown()
                await split.markedTail.shutDown()
            }
        }
    }

    /// Discovers the installed modes; `poolSize` pipelines at most per mode, each request bounded by `timeout`.
    /// With `taggerPerRequest`, a mode's HMM tagger runs once per request between its long-lived stages, so that
    /// no request's translation depends on the ones before it (the tagger keeps state across null flushes:
    /// apertium issue 101); without, every stage stays alive (faster, but 2–3 % of sentences come out as
    /// they would after the previous requests, not as the command line gives them).
    public init(
        modes: [ApertiumMode] = ApertiumMode.installed(), poolSize: Int = 2, timeout: Duration = .seconds(30),
        taggerPerRequest: Bool = true
    ) {
        var edges: [Edge] = []
        for mode in modes {
            for source in Self.codes(apertium: mode.source, variant: nil, isTarget: false) {
                for target in Self.codes(apertium: mode.target, variant: mode.variant, isTarget: true) where source != target {
                    edges.append(Edge(source: source, target: target, mode: mode))
                }
            }
        }
        // Where a base mode and a variant give the same direction, the base mode wins.
        var seen: Set<String> = []
        self.edges = edges.sorted { ($0.mode.variant == nil ? 0 : 1) < ($1.mode.variant == nil ? 0 : 1) }
            .filter { seen.insert("\($0.source)>\($0.target)").inserted }
        var pools: [String: ModePools] = [:]
        for edge in self.edges where pools[edge.mode.name] == nil {
            let mode = edge.mode
            var modePools = ModePools(
                plain: ApertiumPool(name: mode.name, command: mode.command(marks: false), size: poolSize, timeout: timeout),
                marked: ApertiumPool(name: mode.name, command: mode.command(marks: true), size: 1, timeout: timeout))
            if taggerPerRequest, let head = mode.headCommand, let tagger = mode.taggerArguments,
                let plainTail = mode.tailCommand(marks: false),
                let markedTail = mode.tailCommand(marks: true)
            {
                modePools.split = (
                    ApertiumPool(name: mode.name + " analysis", command: head, size: poolSize, timeout: timeout), tagger,
                    ApertiumPool(name: mode.name + " transfer", command: plainTail, size: poolSize, timeout: timeout),
                    ApertiumPool(name: mode.name + " transfer", command: markedTail, size: 1, timeout: timeout)
                )
            }
            pools[mode.name] = modePools
        }
        self.pools = pools
    }

    /// The Translate language codes some chain of pairs can translate from or to.
    public var languages: [String] {
        Set(edges.flatMap { [$0.source, $0.target] }).sorted()
    }

    /// The shortest chain of modes from `source` to `target`, nil when there is none.
    public func route(from source: String, to target: String) -> [Edge]? {
        guard source != target else { return [] }
        var previous: [String: Edge] = [:]
        var frontier = [source]
        var visited: Set<String> = [source]
        while !frontier.isEmpty {
            var next: [String] = []
            for language in frontier {
                for edge in edges where edge.source == language && !visited.contains(edge.target) {
                    visited.insert(edge.target)
                    previous[edge.target] = edge
                    if edge.target == target {
                        var path: [Edge] = []
                        var current = target
                        while let step = previous[current], current != source {
                            path.insert(step, at: 0)
                            current = step.source
                        }
                        return path
                    }
                    next.append(edge.target)
                }
            }
            frontier = next
        }
        return nil
    }

    /// Translates plain text, keeping Apertium's unknown-word marks when `keepMarks` is set and putting the
    /// terms of `terms` into the translation in their target form.
    public func translate(
        _ text: String, from source: String, to target: String, keepMarks: Bool = false,
        terms: TermProtection = TermProtection(terms: [])
    ) async throws -> Translation {
        guard let route = route(from: source, to: target) else {
            throw TranslationError.unsupportedPair(source: source, target: target)
        }
        let leading = text.prefix { $0.isWhitespace }
        let trailing = String(text.reversed().prefix { $0.isWhitespace }.reversed())
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { return Translation(text: text, route: route.map(\.mode.name)) }
        let protected = terms.protect(body)
        var current = protected.text
        for (index, edge) in route.enumerated() {
            // Marks of an earlier step would reach the next one as text: only the last step may keep them.
            let answer = try await pools[edge.mode.name]!.process(
                ApertiumStream.deformat(current), marks: keepMarks && index == route.count - 1)
            current = ApertiumStream.reformat(answer).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let restored = terms.restore(current, from: protected)
        return Translation(text: leading + restored.text + trailing, route: route.map(\.mode.name), appliedTerms: restored.applied)
    }

    /// Translates an HTML document, its markup kept in place (Apertium's HTML deformatter and reformatter
    /// around the same pipelines).
    public func translateHTML(_ html: String, from source: String, to target: String) async throws -> Translation {
        guard let route = route(from: source, to: target) else {
            throw TranslationError.unsupportedPair(source: source, target: target)
        }
        var stream = try await ApertiumFormatter.deformatHTML(html)
        for edge in route { stream = try await pools[edge.mode.name]!.process(stream, marks: false) }
        return Translation(text: try await ApertiumFormatter.reformatHTML(stream), route: route.map(\.mode.name))
    }

    /// Translates a Word (docx) document, its formatting kept (Apertium's Word deformatter and reformatter
    /// around the same pipelines); the package is unpacked under `workDirectory` while it is translated.
    public func translateDocx(_ document: Data, from source: String, to target: String, workDirectory: URL) async throws
        -> Data
    {
        guard let route = route(from: source, to: target) else {
            throw TranslationError.unsupportedPair(source: source, target: target)
        }
        return try await ApertiumFormatter.translateDocx(document, workDirectory: workDirectory) { stream in
            var current = stream
            for edge in route { current = try await pools[edge.mode.name]!.process(current, marks: false) }
            return current
        }
    }

    /// Stops every pipeline.
    public func shutDown() async {
        for pool in pools.values { await pool.shutDown() }
    }

    // MARK: - Language codes

    static let twoLetter = [
        "eng": "en", "spa": "es", "cat": "ca", "por": "pt", "fra": "fr", "ita": "it", "isl": "is", "mkd": "mk",
        "glg": "gl", "eus": "eu", "epo": "eo", "oci": "oc", "ron": "ro", "nld": "nl", "afr": "af", "bul": "bg",
        "rus": "ru", "ukr": "uk", "dan": "da", "nob": "no", "swe": "sv", "pol": "pl", "slv": "sl", "ind": "id",
        "zlm": "ms", "hin": "hi", "bel": "be", "arg": "an", "srd": "sc",
    ]

    /// The Translate codes an Apertium language (and target variant) stands for.
    static func codes(apertium: String, variant: String?, isTarget: Bool) -> [String] {
        switch (apertium, variant) {
        case ("hbs", nil): return isTarget ? [] : ["hr", "sr", "bs"]  // the target needs a variant
        case ("hbs", "HR"): return ["hr"]
        case ("hbs", "SR"): return ["sr"]
        case ("hbs", "BS"): return ["bs"]
        case ("pt", "BR"), ("por", "BR"): return ["pt"]
        case ("pt", nil), ("por", nil): return isTarget ? ["pt-PT"] : ["pt", "pt-PT"]
        case (_, nil): return [twoLetter[apertium] ?? apertium]
        default: return []  // other variants (valencia, aran, US, …) are not separate Translate languages
        }
    }
}
