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

    /// Runs a filter program over `input`, writing on one thread while reading on another (so that neither
    /// pipe can fill up and stall the other).
    static func run(_ program: String, input: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                let stdin = Pipe()
                let stdout = Pipe()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/" + program)
                process.standardInput = stdin
                process.standardOutput = stdout
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: Failure(description: "cannot run \(program): \(error)"))
                    return
                }
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
