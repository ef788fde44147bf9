import Foundation
import SibylCore

/// Lex V2's bot import through the API: `CreateUploadUrl` answers where to PUT the export's zip (a key of the S3
/// stand-in, addressed through the same gateway), `StartImport` installs it on the job queue (``LexImportHandler``),
/// `DescribeImport` and `ListImports` follow it, `DeleteImport` forgets it.
extension LexModelsPlugin {
    /// The S3 stand-in bucket uploads land in.
    static let importBucket = "sibyl-lex-imports"
    /// How long a presigned upload URL stays valid.
    static let uploadUrlLifetimeSeconds = 900

    var importOperations: [ServiceOperation] {
        [
            ServiceOperation("CreateUploadUrl", http: HTTPBinding("POST", "/createuploadurl/")) {
                (_: EmptyLexRequest, context: OperationContext) in
                try createUploadUrl(context: context)
            },
            ServiceOperation("StartImport", http: HTTPBinding("PUT", "/imports/", successStatus: 202)) {
                (input: StartImportRequest, context: OperationContext) in
                try await startImport(input, context: context)
            },
            ServiceOperation("DescribeImport", http: HTTPBinding("GET", "/imports/{importId}/")) {
                (input: ImportIdRequest, context: OperationContext) in
                try describeImport(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("ListImports", http: HTTPBinding("POST", "/imports/")) {
                (input: ListImportsRequest, context: OperationContext) in
                try listImports(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("DeleteImport", http: HTTPBinding("DELETE", "/imports/{importId}/", successStatus: 202)) {
                (input: ImportIdRequest, context: OperationContext) in
                try deleteImport(input, context: context)
            },
        ]
    }

    /// A new import id and the URL to PUT its zip to: the S3 stand-in behind the address the client used.
    func createUploadUrl(context: OperationContext) throws -> JSONValue {
        let store = LexStore(resources: context.resources)
        let importId = LexStore.newId()
        if !(try context.blobs.bucketExists(Self.importBucket)) {
            do { try context.blobs.createBucket(Self.importBucket) } catch let error as ServiceError where error.code == "BucketAlreadyOwnedByYou" {}
        }
        try store.put(["importId": .string(importId), "uploadOnly": .bool(true)], .importJob, [importId], createOnly: true)
        let host = context.host ?? "127.0.0.1:4566"
        let path = "/\(Self.importBucket)/\(importId).zip"
        // A signed call gets a URL presigned with the caller's key (as AWS presigns its S3 upload URL), so the PUT
        // needs no credentials of its own; on a gateway without authentication the plain URL is enough.
        let query = context.presigner.map {
            "?" + $0.query(method: "PUT", host: host, path: path, expiresSeconds: Self.uploadUrlLifetimeSeconds)
        }
        return .object([
            "importId": .string(importId),
            "uploadUrl": .string("http://\(host)\(path)\(query ?? "")"),
        ])
    }

    func startImport(_ input: StartImportRequest, context: OperationContext) async throws -> JSONValue {
        let store = LexStore(resources: context.resources)
        guard var record = try store.get(.importJob, [input.importId]) else {
            throw LexErrors.notFound("No upload URL was created for import \(input.importId); call CreateUploadUrl first.")
        }
        guard record["importStatus"] == nil else {
            throw LexErrors.preconditionFailed("Import \(input.importId) has already been started.")
        }
        guard case .object(let specification)? = input.resourceSpecification.objectValue?["botImportSpecification"],
            let botName = specification.string("botName")
        else {
            throw ServiceError.validation(
                "resourceSpecification.botImportSpecification is required: only whole bots are imported here.")
        }
        guard input.filePassword == nil else {
            throw ServiceError.validation("Password-protected export files are not read here; export without a password.")
        }
        guard ["FailOnConflict", "Overwrite"].contains(input.mergeStrategy) else {
            throw ServiceError.validation("mergeStrategy \(input.mergeStrategy) is not supported here: FailOnConflict or Overwrite.")
        }
        guard (try? context.blobs.head(S3URI(bucket: Self.importBucket, key: "\(input.importId).zip"))) != nil else {
            throw ServiceError.validation("Nothing was uploaded for import \(input.importId): PUT the export's zip to its upload URL.")
        }
        let now = JSONValue.timestamp()
        record = [
            "importId": .string(input.importId), "resourceSpecification": input.resourceSpecification,
            "mergeStrategy": .string(input.mergeStrategy), "importStatus": .string("InProgress"),
            "creationDateTime": now, "lastUpdatedDateTime": now, "importedResourceName": .string(botName),
        ]
        try store.put(record, .importJob, [input.importId])
        _ = try await context.jobs.enqueue(
            id: "lex-import-" + input.importId, kind: LexImportHandler.kind,
            input: try JSONEncoder().encode(ImportIdRequest(importId: input.importId)))
        return .object(
            record.keeping(["importId", "resourceSpecification", "mergeStrategy", "importStatus", "creationDateTime"]))
    }

    func describeImport(_ input: ImportIdRequest, store: LexStore) throws -> JSONValue {
        guard let record = try store.get(.importJob, [input.importId]), record["importStatus"] != nil else {
            throw LexErrors.notFound("No import \(input.importId) has been started.")
        }
        return .object(record)
    }

    /// ListImports. Every import here is of a whole bot (`importedResourceType` `Bot`): a `localeId` asks for bot
    /// locale and custom vocabulary imports, of which there are none, and a filter on the resource type keeps or
    /// drops them all.
    func listImports(_ input: ListImportsRequest, store: LexStore) throws -> JSONValue {
        let botsAsked = input.localeId == nil && (input.filters?.first.map { filter in
            filter.values.contains { filter.operator == "EQ" ? $0 == "Bot" : "Bot".contains($0) }
        } ?? true)
        let started = try (botsAsked ? store.list(.importJob, where: [:]) : []).filter { $0["importStatus"] != nil }
            .filter { input.botId == nil || $0.string("importedResourceId") == input.botId }
            .map { record -> LexDocument in
                var summary = record.keeping([
                    "importId", "importedResourceId", "importedResourceName", "importStatus", "mergeStrategy",
                    "creationDateTime", "lastUpdatedDateTime",
                ])
                summary["importedResourceType"] = .string("Bot")
                return summary
            }
        let page = try LexListing.page(
            started, nameMember: "importedResourceName", filters: nil, sortBy: input.sortBy,
            maxResults: input.maxResults, nextToken: input.nextToken)
        return LexListing.output(["importSummaries": .array(page.items)], nextToken: page.nextToken)
    }

    func deleteImport(_ input: ImportIdRequest, context: OperationContext) throws -> JSONValue {
        let store = LexStore(resources: context.resources)
        guard try store.get(.importJob, [input.importId]) != nil else {
            throw LexErrors.notFound("No import \(input.importId).")
        }
        try? context.blobs.delete(S3URI(bucket: Self.importBucket, key: "\(input.importId).zip"))
        try store.delete(.importJob, [input.importId])
        return .object(["importId": .string(input.importId), "importStatus": .string("Deleting")])
    }
}

/// A request without members.
struct EmptyLexRequest: Codable, Sendable {}

struct ImportIdRequest: Codable, Sendable {
    var importId: String
}

struct StartImportRequest: Codable, Sendable {
    var importId: String
    var resourceSpecification: JSONValue
    var mergeStrategy: String
    var filePassword: String?
}

struct ListImportsRequest: Decodable, Sendable, ValidatableInput {
    var botId: String?
    var botVersion: String?
    var localeId: String?
    var filters: [ListBotsRequest.Filter]?
    var sortBy: ListBotsRequest.Sort?
    var maxResults: Int?
    var nextToken: String?

    func validate() throws {
        try LexValidation.maxResults(maxResults)
        if let botVersion { try LexValidation.draft(botVersion) }
        if let sortBy { try LexValidation.sort(sortBy, attributes: ["LastUpdatedDateTime"]) }
        if let filters {
            guard filters.count == 1, let filter = filters.first, filter.name == "ImportResourceType",
                ["CO", "EQ"].contains(filter.operator), filter.values.count == 1
            else {
                throw ServiceError.validation(
                    "filters takes one filter: name ImportResourceType, operator CO or EQ, one value.")
            }
        }
    }
}
