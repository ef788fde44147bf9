import Foundation

extension LexBotExport {
    /// The most an export zip may hold unpacked.
    public static let unpackedLimit = 50 * 1024 * 1024

    /// Reads an export zip (as Lex's export gives it): its size unpacked is checked first (at most
    /// ``unpackedLimit``), then `unzip` unpacks it into a temporary folder (keeping every file inside it), which is
    /// removed once the documents are read.
    public init(zip: URL) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sibyl-bot-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        // "3 files, 12345 bytes uncompressed, …"
        let words = try Self.unzip(["-Z", "-t", zip.path]).split(separator: " ")
        if let index = words.firstIndex(of: "bytes"), index > 0, let bytes = Int(words[index - 1]), bytes > Self.unpackedLimit {
            throw ExportError("The export unpacks to \(bytes) bytes; at most \(Self.unpackedLimit) are taken.")
        }
        _ = try Self.unzip(["-q", "-o", zip.path, "-d", folder.path])
        try self.init(folder: folder)
    }

    private static func unzip(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExportError("The file is not a zip file unzip can read.") }
        return String(decoding: data, as: UTF8.self)
    }
}
