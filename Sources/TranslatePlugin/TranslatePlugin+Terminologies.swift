import Foundation
import SibylCore
import Translation

/// A terminology as stored: its properties and its parsed terms.
struct StoredTerminology: Codable, Sendable {
    var properties: TerminologyProperties
    var terminology: Terminology
}

extension TranslatePlugin {
    static let terminologyKind = "terminology"
    /// Where terminology files are kept, in the S3 stand-in, for GetTerminology's download link.
    static let terminologyBucket = "sibyl-translate"
    /// Terminology files hold at most 10 MiB.
    static let terminologyBytes = 10 * 1024 * 1024

    func importTerminology(_ input: ImportTerminologyRequest, context: OperationContext) throws -> ImportTerminologyResponse {
        if input.EncryptionKey != nil {
            throw ServiceError(
                code: "InvalidParameterValueException", message: "EncryptionKey is not supported: there is no KMS here.")
        }
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
        let now = Date()
        let properties = TerminologyProperties(
            Name: input.Name, Description: input.Description,
            Arn: "arn:aws:translate:\(context.gateway.configuration.region):000000000000:terminology/\(input.Name)/LATEST",
            SourceLanguageCode: terminology.languages[0], TargetLanguageCodes: Array(terminology.languages.dropFirst()),
            SizeBytes: data.File.count, TermCount: terminology.entries.count,
            CreatedAt: previous?.properties.CreatedAt ?? now, LastUpdatedAt: now, Directionality: directionality,
            SkippedTermCount: terminology.skipped, Format: format.rawValue)
        try context.resources.put(
            StoredTerminology(properties: properties, terminology: terminology), service: "translate",
            kind: Self.terminologyKind, id: input.Name)
        return ImportTerminologyResponse(TerminologyProperties: properties)
    }

    func getTerminology(_ input: TerminologyNameRequest, context: OperationContext) throws -> GetTerminologyResponse {
        let stored = try storedTerminology(input.Name, resources: context.resources)
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
            stored.terminology.data(as: format), to: S3URI(bucket: Self.terminologyBucket, key: key), contentType: contentType)
        return GetTerminologyResponse(
            TerminologyProperties: stored.properties,
            TerminologyDataLocation: TerminologyDataLocation(
                RepositoryType: "S3", Location: "\(context.gateway.endpointURL)/\(Self.terminologyBucket)/\(key)"))
    }

    func listTerminologies(_ input: ListTerminologiesRequest, context: OperationContext) throws -> ListTerminologiesResponse {
        let all = try context.resources.list(StoredTerminology.self, service: "translate", kind: Self.terminologyKind)
            .map(\.properties).sorted { $0.Name < $1.Name }
        let start: Int
        if let token = input.NextToken {
            guard let offset = Int(token), (0...all.count).contains(offset) else {
                throw ServiceError(code: "InvalidParameterValueException", message: "The NextToken \(token) is not valid.")
            }
            start = offset
        } else {
            start = 0
        }
        let end = min(all.count, start + (input.MaxResults ?? 100))
        return ListTerminologiesResponse(
            TerminologyPropertiesList: Array(all[start..<end]), NextToken: end < all.count ? String(end) : nil)
    }

    func deleteTerminology(_ input: TerminologyNameRequest, context: OperationContext) throws -> EmptyResponse {
        guard try context.resources.delete(service: "translate", kind: Self.terminologyKind, id: input.Name) else {
            throw ServiceError(code: "ResourceNotFoundException", message: "The terminology \(input.Name) does not exist.")
        }
        return EmptyResponse()
    }

    func storedTerminology(_ name: String, resources: ResourceStore) throws -> StoredTerminology {
        guard let stored = try resources.get(StoredTerminology.self, service: "translate", kind: Self.terminologyKind, id: name)
        else {
            throw ServiceError(code: "ResourceNotFoundException", message: "The terminology \(name) does not exist.")
        }
        return stored
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
            return (
                name,
                TermProtection(
                    terminology: stored.terminology, from: source, to: target,
                    multidirectional: stored.properties.Directionality == "MULTI")
            )
        }
    }
}
