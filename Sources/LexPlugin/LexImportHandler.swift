import Foundation
import SibylCore

/// Installs an uploaded bot export on the job queue: the zip is read as a Lex V2 export (``LexBotExport/init(zip:)``,
/// at most 50 MB unpacked) and created through the models API under the name the import asked for; the import ends `Completed` with the new bot's id, or `Failed` with the reason.
struct LexImportHandler: JobHandler {
    static let kind = "lex.import"
    var kind: String { Self.kind }

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
        let zip = FileManager.default.temporaryDirectory.appendingPathComponent("sibyl-import-\(importId).zip")
        defer { try? FileManager.default.removeItem(at: zip) }
        let (_, data) = try gateway.blobs.read(S3URI(bucket: LexModelsPlugin.importBucket, key: "\(importId).zip"))
        try data.write(to: zip)
        let export: LexBotExport
        do {
            export = try LexBotExport(zip: zip)
        } catch let error as ExportError {
            throw ImportFailure("The upload is not a Lex V2 bot export: \(error.description)")
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

    private static func reason(_ error: any Error) -> String {
        if let failure = error as? ImportFailure { return failure.message }
        if let export = error as? ExportError { return export.description }
        if let service = error as? ServiceError { return service.message }
        return "\(error)"
    }
}

/// Why an import failed, as its `failureReasons` say.
struct ImportFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
