import Foundation
import SibylCore

/// Installs an uploaded bot export on the job queue: the zip is unpacked (at most 50 MB unpacked, by `unzip`, which
/// keeps every file inside the target folder), read as a Lex V2 export and created through the models API under
/// the name the import asked for; the import ends `Completed` with the new bot's id, or `Failed` with the reason.
struct LexImportHandler: JobHandler {
    static let kind = "lex.import"
    var kind: String { Self.kind }

    /// The most an export may hold unpacked.
    static let unpackedLimit = 50 * 1024 * 1024

    func run(_ job: Job, context: JobContext) async throws -> Data? {
        let work = try JSONDecoder().decode(ImportIdRequest.self, from: job.input)
        let gateway = context.gateway
        let store = LexStore(resources: gateway.resources)
        guard var record = try store.get(.importJob, [work.importId]) else { return nil }
        do {
            record["importedResourceId"] = .string(try await install(record, importId: work.importId, gateway: gateway))
            record["importStatus"] = .string("Completed")
        } catch {
            record["importStatus"] = .string("Failed")
            record["failureReasons"] = .array([.string(Self.reason(error))])
        }
        record["lastUpdatedDateTime"] = .timestamp()
        try store.put(record, .importJob, [work.importId])
        return nil
    }

    private func install(_ record: LexDocument, importId: String, gateway: Gateway) async throws -> String {
        guard case .object(let specification)? = record["resourceSpecification"]?.objectValue?["botImportSpecification"],
            let botName = specification.string("botName")
        else { throw ImportFailure("The import has no botImportSpecification.") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sibyl-import-" + importId)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let zip = folder.appendingPathComponent("export.zip")
        let (_, data) = try gateway.blobs.read(S3URI(bucket: LexModelsPlugin.importBucket, key: "\(importId).zip"))
        try data.write(to: zip)
        try Self.unzip(zip, into: folder.appendingPathComponent("export"))
        let export: LexBotExport
        do {
            export = try LexBotExport(folder: folder.appendingPathComponent("export"))
        } catch {
            throw ImportFailure("The upload is not a Lex V2 bot export: \(Self.reason(error))")
        }
        func call(_ operation: String, _ input: JSONValue) async throws -> JSONValue {
            let reply = try await gateway.invoke(
                Invocation(service: "lexv2-models", operation: operation, input: try input.jsonData()))
            return try JSONDecoder().decode(JSONValue.self, from: reply.jsonData ?? Data("{}".utf8))
        }
        let existing = try LexStore(resources: gateway.resources).list(.bot, where: ["botName": botName])
        if let bot = existing.first?.string("botId") {
            guard record.string("mergeStrategy") == "Overwrite" else {
                throw ImportFailure("A bot named \(botName) already exists and the merge strategy is FailOnConflict.")
            }
            _ = try await call("DeleteBot", .object(["botId": .string(bot)]))
        }
        let settings = specification.keeping(["roleArn", "dataPrivacy", "idleSessionTTLInSeconds", "botTags"])
        return try await export.install(name: botName, settings: settings, call: call)
    }

    /// Unpacks `zip` after checking what it would take.
    private static func unzip(_ zip: URL, into folder: URL) throws {
        let listing = try run(["-Z", "-t", zip.path])
        // "3 files, 12345 bytes uncompressed, …"
        let words = listing.split(separator: " ")
        if let index = words.firstIndex(of: "bytes"), index > 0, let bytes = Int(words[index - 1]), bytes > unpackedLimit {
            throw ImportFailure("The export unpacks to \(bytes) bytes; at most \(unpackedLimit) are taken.")
        }
        _ = try run(["-q", "-o", zip.path, "-d", folder.path])
    }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ImportFailure("The upload is not a zip file unzip can read.") }
        return String(decoding: data, as: UTF8.self)
    }

    private static func reason(_ error: any Error) -> String {
        if let failure = error as? ImportFailure { return failure.message }
        if let service = error as? ServiceError { return service.message }
        return "\(error)"
    }
}

/// Why an import failed, as its `failureReasons` say.
struct ImportFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
