import Foundation
import Synchronization
import SibylCore
import Translation

/// A terminology's properties as stored (its terms are stored apart, under `termsKind`, so that requests
/// that only need the properties never decode a large term list).
struct StoredTerminology: Codable, Sendable {
    var properties: TerminologyProperties
}

/// The compiled term protections of recently used terminologies, by name, version and direction.
final class TermProtectionCache: Sendable {
    private let entries = Mutex<[String: TermProtection]>([:])

    func protection(_ key: String, make: () throws -> TermProtection) rethrows -> TermProtection {
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let made = try make()
        entries.withLock { entries in
            if entries.count >= 32 { entries.removeAll() }
            entries[key] = made
        }
        return made
    }
}

extension TranslatePlugin {
    static let terminologyKind = "terminology"
    static let termsKind = "terminology-terms"
    /// Where terminology files are kept, in the S3 stand-in, for GetTerminology's download link.
    static let terminologyBucket = "sibyl-translate"
    /// Terminology files hold at most 10 MiB.
    static let terminologyBytes = 10 * 1024 * 1024

    func importTerminology(_ input: ImportTerminologyRequest, context: OperationContext) throws -> ImportTerminologyResponse {
        let data = input.TerminologyData
        guard data.File.count <= Self.terminologyBytes else {
            throw ServiceError(code: "LimitExceededException", message: "The terminology file exceeds 10 MiB.")
        }
        guard let format = Terminology.Format(rawValue: data.Format) else {
            throw ServiceError(code: "InvalidParameterValueException", message: "Format must be CSV, TSV or TMX.")
        }
        let directionality = data.Directionality ?? "UNI"
        guard ["UNI", "MULTI"].contains(directionality) else {
            throw ServiceError(code: "InvalidParameterValueException", message: "Directionality must be UNI or MULTI.")
        }
        let terminology: Terminology
        do {
            terminology = try Terminology(data: data.File, format: format)
        } catch let error as Terminology.FormatError {
            throw ServiceError(code: "InvalidParameterValueException", message: "The terminology file is not valid: \(error)")
        }
        let previous = try context.resources.get(
            StoredTerminology.self, service: "translate", kind: Self.terminologyKind, id: input.Name)
        try context.resources.put(terminology, service: "translate", kind: Self.termsKind, id: input.Name)
        let now = Date()
        let properties = TerminologyProperties(
            Name: input.Name, Description: input.Description,
            Arn: "arn:aws:translate:\(context.gateway.configuration.region):000000000000:terminology/\(input.Name)/LATEST",
            SourceLanguageCode: terminology.languages[0], TargetLanguageCodes: Array(terminology.languages.dropFirst()),
            SizeBytes: data.File.count, TermCount: terminology.entries.count,
            CreatedAt: previous?.properties.CreatedAt ?? now, LastUpdatedAt: now, Directionality: directionality,
            SkippedTermCount: terminology.skipped, Format: format.rawValue)
        try context.resources.put(
            StoredTerminology(properties: properties), service: "translate", kind: Self.terminologyKind, id: input.Name)
        return ImportTerminologyResponse(TerminologyProperties: properties)
    }

    func getTerminology(_ input: TerminologyNameRequest, context: OperationContext) throws -> GetTerminologyResponse {
        let stored = try storedTerminology(input.Name, resources: context.resources)
        let terms = try terminologyTerms(input.Name, resources: context.resources)
        let format: Terminology.Format
        if let requested = input.TerminologyDataFormat {
            guard let parsed = Terminology.Format(rawValue: requested) else {
                throw ServiceError(code: "InvalidParameterValueException", message: "TerminologyDataFormat must be CSV, TSV or TMX.")
            }
            format = parsed
        } else {
            format = Terminology.Format(rawValue: stored.properties.Format) ?? .csv
        }
        if try !context.blobs.bucketExists(Self.terminologyBucket) { try context.blobs.createBucket(Self.terminologyBucket) }
        let key = "terminologies/\(input.Name).\(format.rawValue.lowercased())"
        let contentType = format == .tmx ? "application/xml" : format == .csv ? "text/csv" : "text/tab-separated-values"
        _ = try context.blobs.write(
            terms.data(as: format), to: S3URI(bucket: Self.terminologyBucket, key: key), contentType: contentType)
        return GetTerminologyResponse(
            TerminologyProperties: stored.properties,
            TerminologyDataLocation: TerminologyDataLocation(
                RepositoryType: "S3", Location: "\(context.gateway.endpointURL)/\(Self.terminologyBucket)/\(key)"))
    }

    func listTerminologies(_ input: ListTerminologiesRequest, context: OperationContext) throws -> ListTerminologiesResponse {
        let all = try context.resources.list(StoredTerminology.self, service: "translate", kind: Self.terminologyKind)
            .map(\.properties).sorted { $0.Name < $1.Name }
        let page = try ListPage(
            all, token: input.NextToken, limit: input.MaxResults ?? 100, errorCode: "InvalidParameterValueException",
            id: \.Name)
        return ListTerminologiesResponse(
            TerminologyPropertiesList: page.items, NextToken: page.nextToken)
    }

    func deleteTerminology(_ input: TerminologyNameRequest, context: OperationContext) throws -> EmptyResponse {
        guard try context.resources.delete(service: "translate", kind: Self.terminologyKind, id: input.Name) else {
            throw ServiceError(code: "ResourceNotFoundException", message: "The terminology \(input.Name) does not exist.")
        }
        _ = try context.resources.delete(service: "translate", kind: Self.termsKind, id: input.Name)
        return EmptyResponse()
    }

    func storedTerminology(_ name: String, resources: ResourceStore) throws -> StoredTerminology {
        guard let stored = try resources.get(StoredTerminology.self, service: "translate", kind: Self.terminologyKind, id: name)
        else {
            throw ServiceError(code: "ResourceNotFoundException", message: "The terminology \(name) does not exist.")
        }
        return stored
    }

    func terminologyTerms(_ name: String, resources: ResourceStore) throws -> Terminology {
        guard let terms = try resources.get(Terminology.self, service: "translate", kind: Self.termsKind, id: name) else {
            throw ServiceError(code: "ResourceNotFoundException", message: "The terminology \(name) does not exist.")
        }
        return terms
    }

    /// The protection for the named terminologies in one direction, and which terms came from which.
    func termProtection(_ names: [String]?, from source: String, to target: String, resources: ResourceStore) throws
        -> [(name: String, protection: TermProtection)]
    {
        guard let names, !names.isEmpty else { return [] }
        guard names.count == 1 else {
            throw ServiceError(code: "InvalidRequestException", message: "Only one terminology can be applied to a request.")
        }
        return try names.map { name in
            let stored = try storedTerminology(name, resources: resources)
            let key = "\(name)|\(stored.properties.LastUpdatedAt.timeIntervalSince1970)|\(source)|\(target)"
            let protection = try termCache.protection(key) {
                TermProtection(
                    terminology: try terminologyTerms(name, resources: resources), from: source, to: target,
                    multidirectional: stored.properties.Directionality == "MULTI")
            }
            return (name, protection)
        }
    }
}
