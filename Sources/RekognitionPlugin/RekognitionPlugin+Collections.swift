import Foundation
import SibylCore
import Vision

extension RekognitionPlugin {
    /// The face model's version as collections report it (dlib's ResNet embedding, v1).
    static let faceModelVersion = "1.0"

    func createCollection(_ input: CollectionRequest, context: OperationContext) throws -> CreateCollectionResponse {
        let collection = StoredCollection(id: input.CollectionId, createdAt: Date(), tags: input.Tags)
        let created = try context.resources.put(
            collection, service: FaceCollectionStore.service, kind: FaceCollectionStore.collectionKind,
            id: input.CollectionId, createOnly: true)
        guard created else {
            throw ServiceError(
                code: "ResourceAlreadyExistsException", message: "The collection id: \(input.CollectionId) already exists")
        }
        return CreateCollectionResponse(
            StatusCode: 200, CollectionArn: collectionArn(input.CollectionId, context: context),
            FaceModelVersion: Self.faceModelVersion)
    }

    func describeCollection(_ input: CollectionRequest, context: OperationContext) throws -> DescribeCollectionResponse {
        let collection = try existingCollection(input.CollectionId, context: context)
        return DescribeCollectionResponse(
            FaceCount: try FaceCollectionStore.count(collection: collection.id, store: context.resources),
            FaceModelVersion: Self.faceModelVersion, CollectionARN: collectionArn(collection.id, context: context),
            CreationTimestamp: collection.createdAt, UserCount: 0)
    }

    func listCollections(_ input: ListCollectionsRequest, context: OperationContext) throws -> ListCollectionsResponse {
        let all = try context.resources.list(
            StoredCollection.self, service: FaceCollectionStore.service, kind: FaceCollectionStore.collectionKind)
        let page = try ListPage(
            all, token: input.NextToken, limit: input.MaxResults ?? 1000, errorCode: "InvalidPaginationTokenException",
            id: \.id)
        return ListCollectionsResponse(
            CollectionIds: page.items.map(\.id), NextToken: page.nextToken,
            FaceModelVersions: page.items.map { _ in Self.faceModelVersion })
    }

    func deleteCollection(_ input: CollectionRequest, context: OperationContext) throws -> DeleteCollectionResponse {
        _ = try existingCollection(input.CollectionId, context: context)
        try FaceCollectionStore.deleteAll(collection: input.CollectionId, store: context.resources)
        try context.resources.delete(
            service: FaceCollectionStore.service, kind: FaceCollectionStore.collectionKind, id: input.CollectionId)
        return DeleteCollectionResponse(StatusCode: 200)
    }

    /// IndexFaces: the faces that pass the quality filter (largest first, at most MaxFaces) are stored with their
    /// embeddings; the others are reported with AWS's reasons.
    func indexFaces(_ input: IndexFacesRequest, context: OperationContext) async throws -> IndexFacesResponse {
        let collection = try existingCollection(input.CollectionId, context: context)
        let image = try picture(input.Image, context: context)
        let found = try await findFaces(in: image, embeddings: true).prefix(RekognitionLimits.maxFaces)
        let filter = FaceQualityFilter(input.QualityFilter ?? "AUTO")
        let geometry = RatioGeometry(image)
        let imageId = UUID().uuidString.lowercased()
        let maxFaces = input.MaxFaces ?? RekognitionLimits.maxFaces
        var indexed: [(StoredFace, FaceDetail)] = []
        var unindexed: [UnindexedFace] = []
        for face in found {
            let detail = Self.detail(face, geometry)
            var reasons = filter.reasons(face)
            if reasons.isEmpty, indexed.count >= maxFaces { reasons = ["EXCEEDS_MAX_FACES"] }
            guard reasons.isEmpty else {
                unindexed.append(UnindexedFace(Reasons: reasons, FaceDetail: detail))
                continue
            }
            let stored = StoredFace(
                faceId: UUID().uuidString.lowercased(), imageId: imageId, externalImageId: input.ExternalImageId,
                box: detail.BoundingBox, confidence: face.confidence, embedding: face.embedding!, indexedAt: Date())
            indexed.append((stored, detail))
        }
        try FaceCollectionStore.insert(indexed.map(\.0), collection: collection.id, store: context.resources)
        return IndexFacesResponse(
            FaceRecords: indexed.map { FaceRecord(Face: Self.shape($0.0), FaceDetail: $0.1) },
            FaceModelVersion: Self.faceModelVersion, UnindexedFaces: unindexed)
    }

    func listFaces(_ input: ListFacesRequest, context: OperationContext) throws -> ListFacesResponse {
        let collection = try existingCollection(input.CollectionId, context: context)
        var faces = try FaceCollectionStore.faces(collection: collection.id, store: context.resources)
        if let ids = input.FaceIds.map(Set.init) { faces = faces.filter { ids.contains($0.faceId) } }
        if input.UserId != nil { faces = [] }  // users are not supported: no face belongs to one
        let page = try ListPage(
            faces, token: input.NextToken, limit: input.MaxResults ?? 1000, errorCode: "InvalidPaginationTokenException",
            id: \.faceId)
        return ListFacesResponse(
            Faces: page.items.map(Self.shape), NextToken: page.nextToken, FaceModelVersion: Self.faceModelVersion)
    }

    func deleteFaces(_ input: DeleteFacesRequest, context: OperationContext) throws -> DeleteFacesResponse {
        let collection = try existingCollection(input.CollectionId, context: context)
        let deleted = try FaceCollectionStore.delete(input.FaceIds, collection: collection.id, store: context.resources)
        let missing = input.FaceIds.filter { !deleted.contains($0) }
        return DeleteFacesResponse(
            DeletedFaces: deleted,
            UnsuccessfulFaceDeletions: missing.map { UnsuccessfulFaceDeletion(FaceId: $0, Reasons: ["FACE_NOT_FOUND"]) })
    }

    /// SearchFaces: the faces of the collection most like one of its own faces (which is left out).
    func searchFaces(_ input: SearchFacesRequest, context: OperationContext) throws -> SearchFacesResponse {
        let collection = try existingCollection(input.CollectionId, context: context)
        let faces = try FaceCollectionStore.faces(collection: collection.id, store: context.resources)
        guard let probe = faces.first(where: { $0.faceId == input.FaceId }) else {
            throw Self.invalidParameter("The face \(input.FaceId) is not in the collection \(collection.id).")
        }
        let matches = Self.matches(
            for: probe.embedding, among: faces.filter { $0.faceId != probe.faceId },
            threshold: input.FaceMatchThreshold ?? 80, limit: input.MaxFaces ?? 80)
        return SearchFacesResponse(SearchedFaceId: probe.faceId, FaceMatches: matches, FaceModelVersion: Self.faceModelVersion)
    }

    /// SearchFacesByImage: the collection's faces most like the largest face of an image.
    func searchFacesByImage(_ input: SearchFacesByImageRequest, context: OperationContext) async throws
        -> SearchFacesByImageResponse
    {
        let collection = try existingCollection(input.CollectionId, context: context)
        let image = try picture(input.Image, context: context)
        let filter = FaceQualityFilter(input.QualityFilter ?? "NONE")
        guard let face = try await findFaces(in: image, embeddings: true).first(where: { filter.reasons($0).isEmpty })
        else {
            throw Self.invalidParameter("There are no faces in the image. Should be at least 1.")
        }
        let faces = try FaceCollectionStore.faces(collection: collection.id, store: context.resources)
        return SearchFacesByImageResponse(
            SearchedFaceBoundingBox: RatioGeometry(image).box(face.box), SearchedFaceConfidence: face.confidence,
            FaceMatches: Self.matches(
                for: face.embedding!, among: faces, threshold: input.FaceMatchThreshold ?? 80, limit: input.MaxFaces ?? 80),
            FaceModelVersion: Self.faceModelVersion)
    }

    static func matches(for embedding: [Float], among faces: [StoredFace], threshold: Double, limit: Int) -> [FaceMatch] {
        faces.map { (face: $0, similarity: FaceSimilarity.similarity(embedding, $0.embedding)) }
            .filter { $0.similarity >= threshold }
            .sorted { $0.similarity > $1.similarity }
            .prefix(limit)
            .map { FaceMatch(Similarity: $0.similarity, Face: shape($0.face)) }
    }

    static func shape(_ face: StoredFace) -> FaceShape {
        FaceShape(
            FaceId: face.faceId, BoundingBox: face.box, ImageId: face.imageId, ExternalImageId: face.externalImageId,
            Confidence: face.confidence, IndexFacesModelVersion: faceModelVersion)
    }

    func existingCollection(_ id: String, context: OperationContext) throws -> StoredCollection {
        guard
            let collection = try context.resources.get(
                StoredCollection.self, service: FaceCollectionStore.service, kind: FaceCollectionStore.collectionKind, id: id)
        else {
            throw ServiceError.notFound("The collection id: \(id) does not exist")
        }
        return collection
    }

    /// Rekognition writes collection ARNs without the leading `arn:` (as AWS does).
    private func collectionArn(_ id: String, context: OperationContext) -> String {
        "aws:rekognition:\(context.gateway.configuration.region):000000000000:collection/\(id)"
    }
}
