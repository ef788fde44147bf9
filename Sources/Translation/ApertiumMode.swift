import Foundation

/// A translation direction Apertium has installed: a `.mode` file's pipeline of stages.
public struct ApertiumMode: Sendable, Equatable {
    /// The mode's name as Apertium writes it, e.g. `eng-spa` or `eng-hbs_HR`.
    public var name: String
    /// The source and target as Apertium codes (`eng`, `spa`, `en`, `hbs`); the target without its variant.
    public var source: String
    public var target: String
    /// The variant after `_` (`HR`, `valencia`), if any.
    public var variant: String?
    /// The pipeline as a shell command, each program in null-flush mode (`-z`); `$1` stands for the
    /// generator's marking option.
    var template: String

    /// Parses a mode file's text; nil when it is not a translation direction (`Cyrl-Latn`, `en-eo-bytecode`).
    public init?(name: String, text: String) {
        let parts = name.split(separator: "_", maxSplits: 1).map(String.init)
        guard let direction = parts.first else { return nil }
        let languages = direction.split(separator: "-").map(String.init)
        guard languages.count == 2, languages.allSatisfy({ (2...3).contains($0.count) && $0.allSatisfy(\.isLowercase) })
        else { return nil }
        self.name = name
        source = languages[0]
        target = languages[1]
        variant = parts.count == 2 ? parts[1] : nil
        let stages = text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: " | ")
        guard !stages.isEmpty, stages.allSatisfy({ !$0.isEmpty }) else { return nil }
        template = stages.map { stage in
            let stage = stage.trimmingCharacters(in: .whitespaces)
            let program = stage.prefix { !$0.isWhitespace }
            let arguments = stage.dropFirst(program.count).replacingOccurrences(of: "$2", with: "")
            return arguments.hasPrefix(" -z") ? program + arguments : "\(program) -z\(arguments)"
        }.joined(separator: " | ")
    }

    /// The stages as separate shell commands.
    var stages: [String] { template.components(separatedBy: " | ") }

    /// Where the mode's HMM tagger (`apertium-tagger`) stands, if it has one. The tagger keeps state from one
    /// null-flushed request to the next (apertium issue 101), so the engine runs it once per request between
    /// the long-lived stages before and after it, which gives exactly the command line's translations.
    var taggerIndex: Int? {
        stages.firstIndex { $0.hasPrefix("apertium-tagger ") }
    }

    /// The stages before the tagger, as one long-lived command.
    var headCommand: String? {
        taggerIndex.flatMap { $0 > 0 ? stages[..<$0].joined(separator: " | ") : nil }
    }

    /// The stages after the tagger, as one long-lived command.
    func tailCommand(marks: Bool) -> String? {
        guard let index = taggerIndex, index + 1 < stages.count else { return nil }
        return stages[(index + 1)...].joined(separator: " | ").replacingOccurrences(of: "$1", with: marks ? "-g" : "-n")
    }

    /// The tagger's program and arguments for a single run (no null flush: it reads one request to its end).
    var taggerArguments: [String]? {
        taggerIndex.map { Self.shellWords(stages[$0]).filter { $0 != "-z" } }
    }

    /// Splits a stage into words, honouring single quotes (how mode files quote paths).
    static func shellWords(_ stage: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in stage {
            if character == "'" {
                quoted.toggle()
                started = true
            } else if character.isWhitespace, !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    /// The pipeline as a shell command: with `marks`, unknown (`*`), ungenerated (`#`) and untranslated (`@`)
    /// words keep Apertium's marks (`lt-proc -g`); without, they come out plain (`-n`), as `apertium -u` does.
    public func command(marks: Bool) -> String {
        template.replacingOccurrences(of: "$1", with: marks ? "-g" : "-n")
    }

    /// The translation modes installed under a modes directory (Debian: `/usr/share/apertium/modes`), each in
    /// the word-bound-blank form the `apertium` command runs (`apertium-wblank-mode`, which keeps inline markup
    /// with the words it belongs to), or as written where that tool is missing.
    public static func installed(in directory: URL = URL(fileURLWithPath: "/usr/share/apertium/modes")) -> [ApertiumMode] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".mode") }.sorted().compactMap { file in
            let path = directory.appendingPathComponent(file)
            let name = String(file.dropLast(5))
            guard ApertiumMode(name: name, text: "x") != nil,
                let text = wordBoundPipeline(path) ?? (try? String(contentsOf: path, encoding: .utf8))
            else { return nil }
            return ApertiumMode(name: name, text: text)
        }
    }

    /// `apertium-wblank-mode -z FILE`: the mode's pipeline with word-bound blanks attached and detached.
    static func wordBoundPipeline(_ modeFile: URL) -> String? {
        let tool = "/usr/bin/apertium-wblank-mode"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-z", modeFile.path]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
