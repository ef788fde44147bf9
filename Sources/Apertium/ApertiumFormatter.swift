import Foundation

/// Apertium's deformatters and reformatters for marked-up documents (`apertium-deshtml` turns HTML into a
/// stream whose markup sits in superblanks; `apertium-rehtml` turns the translated stream back into HTML).
/// They have no null-flush mode, so each document runs them once: small programs, a few milliseconds.
public enum ApertiumFormatter {
    /// A formatter that failed.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// HTML as a stream.
    public static func deformatHTML(_ html: String) async throws -> String {
        try await run("apertium-deshtml", input: html)
    }

    /// A translated stream as HTML.
    public static func reformatHTML(_ stream: String) async throws -> String {
        try await run("apertium-rehtml", input: stream)
    }

    /// Translates a Word document as `apertium -f docx` does: the package is unpacked into a folder under
    /// `workDirectory`, the text-bearing XML parts go through `apertium-adapt-docx` and `apertium-deswxml` into one
    /// stream, `translate` translates it, `apertium-rewxml` gives the parts back, and the folder is packed again.
    /// Only the parts that were unpacked are ever written, whatever the translated stream says.
    public static func translateDocx(
        _ document: Data, workDirectory: URL, translate: (String) async throws -> String
    ) async throws -> Data {
        let folder = workDirectory.appendingPathComponent("docx-\(UUID().uuidString)")
        let package = folder.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.docx")
        try document.write(to: input)
        let listing = try await run("/usr/bin/unzip", arguments: ["-Z", "-t", input.path], input: "")
        guard let unpacked = Self.uncompressedBytes(zipinfoTotals: listing), unpacked <= maximumUnpackedBytes else {
            throw Failure(description: "the document is not a Word package, or unpacks to more than \(maximumUnpackedBytes / 1_048_576) MiB")
        }
        // -P: an encrypted part fails instead of asking for a password on the terminal.
        _ = try await run("/usr/bin/unzip", arguments: ["-q", "-o", "-P", "none", "-d", package.path, input.path], input: "")
        let skipped = try NSRegularExpression(pattern: "(settings|theme|styles|font|rels|docProps|Content_Types)", options: .caseInsensitive)
        var parts: [String] = []
        let root = package.path + "/"
        if let files = FileManager.default.enumerator(atPath: package.path) {
            for case let relative as String in files {
                let path = root + relative
                var status = stat()
                // Links (which zip would follow when packing) and anything but files and folders are refused.
                guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG || (status.st_mode & S_IFMT) == S_IFDIR
                else { throw Failure(description: "the document contains a link or special file (\(relative))") }
                guard relative.hasSuffix(".xml"), (status.st_mode & S_IFMT) == S_IFREG,
                    skipped.firstMatch(in: relative, range: NSRange(relative.startIndex..., in: relative)) == nil
                else { continue }
                parts.append(path)
            }
        }
        guard !parts.isEmpty else { throw Failure(description: "the document has no text parts (word/document.xml)") }
        let stream = try await run(
            "/bin/sh", arguments: ["-c", "apertium-adapt-docx -n | apertium-deswxml"], input: parts.joined(separator: "\n") + "\n")
        let translated = try await run("/usr/bin/apertium-rewxml", arguments: [], input: try await translate(stream))
        for line in translated.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let headerEnd = line.range(of: "/>"), let open = line.firstIndex(of: "\""),
                let close = line[line.index(after: open)...].firstIndex(of: "\"")
            else { continue }
            let name = String(line[line.index(after: open)..<close])
            guard parts.contains(name) else { throw Failure(description: "the translated document names an unknown part") }
            var body = String(line[headerEnd.upperBound...].drop { $0 == " " })
            body = body.replacingOccurrences(of: "?> ", with: "?>\n")
            try Data((body + "\n").utf8).write(to: URL(fileURLWithPath: name))
        }
        let packed = folder.appendingPathComponent("output.docx")
        _ = try await run("/usr/bin/zip", arguments: ["-q", "-r", "-y", packed.path, "."], input: "", directory: package)
        return try Data(contentsOf: packed)
    }

    /// A Word package may unpack to at most this much.
    public static let maximumUnpackedBytes = 64 * 1_048_576

    /// The uncompressed size from `unzip -Z -t` ("3 files, 1969 bytes uncompressed, …").
    static func uncompressedBytes(zipinfoTotals text: String) -> Int? {
        guard let match = text.firstMatch(of: /(\d+) bytes uncompressed/) else { return nil }
        return Int(match.1)
    }

    /// How long one formatter run may take before it is stopped.
    static let formatterTimeout: Double = 120

    /// Runs one program (found on the PATH's usual places) over `input` and answers its output.
    public static func filter(_ arguments: [String], input: String) async throws -> String {
        guard let program = arguments.first else { throw Failure(description: "no program to run") }
        let path = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + program }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? program
        return try await run(path, arguments: Array(arguments.dropFirst()), input: input)
    }

    /// Runs a filter program over `input`, writing on one thread while reading on another (so that neither
    /// pipe can fill up and stall the other).
    static func run(_ program: String, input: String) async throws -> String {
        try await run("/usr/bin/" + program, arguments: [], input: input)
    }

    static func run(_ executable: String, arguments: [String], input: String, directory: URL? = nil) async throws -> String {
        let program = URL(fileURLWithPath: executable).lastPathComponent
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                let stdin = Pipe()
                let stdout = Pipe()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                if let directory { process.currentDirectoryURL = directory }
                process.standardInput = stdin
                process.standardOutput = stdout
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: Failure(description: "cannot run \(program): \(error)"))
                    return
                }
                let deadline = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
                DispatchQueue.global().asyncAfter(deadline: .now() + formatterTimeout, execute: deadline)
                defer { deadline.cancel() }
                let bytes = Data(input.utf8)
                DispatchQueue.global().async {
                    try? stdin.fileHandleForWriting.write(contentsOf: bytes)
                    try? stdin.fileHandleForWriting.close()
                }
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    continuation.resume(throwing: Failure(description: "\(program) exited with \(process.terminationStatus)"))
                    return
                }
                continuation.resume(returning: String(decoding: output, as: UTF8.self))
            }
        }
    }
}
