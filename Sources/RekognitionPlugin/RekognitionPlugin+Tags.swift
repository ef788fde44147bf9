import Foundation
import SibylCore

extension RekognitionPlugin {
    /// Tags live on collections (the only taggable resource here); `CreateCollection` sets the first ones.
    func tagResource(_ input: TagResourceRequest, context: OperationContext) throws -> NoOutput {
        var collection = try taggedCollection(input.ResourceArn, context: context)
        var tags = collection.tags ?? [:]
        tags.merge(input.Tags) { $1 }
        guard tags.count <= RekognitionLimits.maxTags else {
            throw ServiceError(
                code: "ServiceQuotaExceededException",
                message: "A resource can have at most \(RekognitionLimits.maxTags) tags; this request would give it \(tags.count).")
        }
        collection.tags = tags
        try saveCollection(collection, context: context)
        return NoOutput()
    }

    func untagResource(_ input: UntagResourceRequest, context: OperationContext) throws -> NoOutput {
        var collection = try taggedCollection(input.ResourceArn, context: context)
        for key in input.TagKeys { collection.tags?[key] = nil }
        try saveCollection(collection, context: context)
        return NoOutput()
    }

    func listTags(_ input: ResourceArnRequest, context: OperationContext) throws -> ListTagsForResourceResponse {
        ListTagsForResourceResponse(Tags: try taggedCollection(input.ResourceArn, context: context).tags ?? [:])
    }

    /// The collection an ARN names (`…:collection/ID`, with or without the leading `arn:`).
    private func taggedCollection(_ arn: String, context: OperationContext) throws -> StoredCollection {
        guard let range = arn.range(of: ":collection/"), arn.contains("rekognition") else {
            throw Self.invalidParameter("\(arn) is not a Rekognition collection ARN; collections are the taggable resources here.")
        }
        return try existingCollection(String(arn[range.upperBound...]), context: context)
    }

    private func saveCollection(_ collection: StoredCollection, context: OperationContext) throws {
        try context.resources.put(
            collection, service: FaceCollectionStore.service, kind: FaceCollectionStore.collectionKind, id: collection.id)
    }
}
