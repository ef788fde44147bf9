import ArgumentParser
import Foundation

extension Sibyl {
    /// `sibyl batch`: one operation over many files, each file's content in one input member, each answer written to
    /// an output folder.
    struct Batch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one operation over many files and write each file's answer to an output folder.",
            discussion: """
                Each file's content becomes the input member named by --member (a dotted path such as Text or \
                Image.Bytes), beside the members --input gives. A file that is UTF-8 text goes in as text, any other \
                base64-encoded (as a blob member takes it); --base64 encodes every file. Each answer is written to \
                the output folder as the file's name plus .json (or, for audio, the audio's own extension), files \
                found in a folder keeping their place below it. A file whose request fails is named on standard error \
                with the error, the others go on, and the command exits 1 at the end. In-process by default (on the \
                data directory); with --endpoint, on a running server.
                Example: sibyl batch comprehend DetectSentiment reviews/ --member Text --input '{"LanguageCode": "en"}' --out results/
                """)

        @OptionGroup var options: ConfigurationOptions

        @Argument(help: "The service name, as `sibyl services` lists it.")
        var service: String

        @Argument(help: "The operation name, e.g. DetectSentiment.")
        var operation: String

        @Argument(help: "Files, or folders whose files (below them, hidden ones skipped) are each one request.")
        var paths: [String]

        @Option(help: "The input member each file's content goes in, as a dotted path (Text, Image.Bytes).")
        var member: String

        @Option(help: "The other input members, as JSON text, or @FILE to read them from a file.")
        var input = "{}"

        @Flag(help: "Send every file base64-encoded, text files too (for a blob member such as Document.Content).")
        var base64 = false

        @Option(help: "The folder the answers are written to (made if missing).")
        var out: String

        @Option(help: "How many requests run at once.")
        var jobs = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "The base URL of a running server, e.g. http://127.0.0.1:4566.")
        var endpoint: String?

        func validate() throws {
            guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
            guard !member.isEmpty, !member.split(separator: ".", omittingEmptySubsequences: false).contains("") else {
                throw ValidationError("--member must be a member name or a dotted path of them, e.g. Image.Bytes")
            }
        }

        func run() async throws {
            let base = try BatchRequest.baseInput(input)
            let files = try BatchFiles(paths)
            let output = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let caller = try OperationCaller.make(endpoint: endpoint) {
                let configuration = try options.resolve()
                return (configuration, options.logger(for: configuration))
            }
            let request = BatchRequest(
                service: service, operation: operation, base: base, member: member.split(separator: ".").map(String.init),
                base64: base64)
            var failures = 0
            try await withThrowingTaskGroup(of: (BatchFiles.File, String?).self) { group in
                var pending = files.all.makeIterator()
                func next() -> Bool {
                    guard let file = pending.next() else { return false }
                    group.addTask { (file, try await request.run(file, caller: caller, into: output)) }
                    return true
                }
                for _ in 0..<jobs where !next() { break }
                while let (file, failure) = try await group.next() {
                    if let failure {
                        failures += 1
                        FileHandle.standardError.write(Data("\(file.source.path): \(failure)\n".utf8))
                    }
                    _ = next()
                }
            }
            let count = files.all.count
            let summary = "\(count) file\(count == 1 ? "" : "s"): \(count - failures) answered, \(failures) failed"
            FileHandle.standardError.write(Data("\(summary)\n".utf8))
            if failures > 0 { throw ExitCode(1) }
        }
    }
}
