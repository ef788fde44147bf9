import Foundation
import SibylCore

struct CollectionRequest: Codable, Sendable, ValidatableInput {
    var CollectionId: String
    var Tags: [String: String]?

    func validate() throws {
        try RekognitionLimits.checkCollectionId(CollectionId)
        try Tags.map(RekognitionLimits.checkTags)
    }
}

struct CreateCollectionResponse: Codable, Sendable {
    var StatusCode: Int
    var CollectionArn: String
    var FaceModelVersion: String
}

struct DescribeCollectionResponse: Codable, Sendable {
    var FaceCount: Int
    var FaceModelVersion: String
    var CollectionARN: String
    var CreationTimestamp: Date
    var UserCount: Int
}

struct DeleteCollectionResponse: Codable, Sendable {
    var StatusCode: Int
}

struct ListCollectionsRequest: Codable, Sendable, ValidatableInput {
    var NextToken: String?
    var MaxResults: Int?

    func validate() throws { try RekognitionLimits.checkPageSize(MaxResults) }
}

struct ListCollectionsResponse: Codable, Sendable {
    var CollectionIds: [String]
    var NextToken: String?
    var FaceModelVersions: [String]
}

/// A face in a collection, as ListFaces and the searches return it.
struct FaceShape: Codable, Sendable {
    var FaceId: String
    var BoundingBox: BoundingBox
    var ImageId: String
    var ExternalImageId: String?
    var Confidence: Double
    var IndexFacesModelVersion: String
}

struct IndexFacesRequest: Codable, Sendable, ValidatableInput {
    var CollectionId: String
    var Image: ImageInput
    var ExternalImageId: String?
    var DetectionAttributes: [String]?
    var MaxFaces: Int?
    var QualityFilter: String?

    func validate() throws {
        try RekognitionLimits.checkCollectionId(CollectionId)
        if let id = ExternalImageId {
            guard (1...255).contains(id.count), id.wholeMatch(of: /[a-zA-Z0-9_.\-:]+/) != nil else {
                throw ServiceError.constraint(
                    member: "externalImageId", value: id,
                    "Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-:]+ and have length 1 to 255")
            }
        }
        if let maxFaces = MaxFaces, maxFaces < 1 {
            throw ServiceError.constraint(
                member: "maxFaces", value: String(maxFaces), "Member must have value greater than or equal to 1")
        }
        try RekognitionLimits.checkAttributes(DetectionAttributes, member: "detectionAttributes")
        try RekognitionLimits.checkQualityFilter(QualityFilter)
    }
}

struct FaceRecord: Codable, Sendable {
    var Face: FaceShape
    var FaceDetail: FaceDetail
}

struct UnindexedFace: Codable, Sendable {
    var Reasons: [String]
    var FaceDetail: FaceDetail
}

struct IndexFacesResponse: Codable, Sendable {
    var FaceRecords: [FaceRecord]
    var FaceModelVersion: String
    var UnindexedFaces: [UnindexedFace]
}

struct ListFacesRequest: Codable, Sendable, ValidatableInput {
    var CollectionId: String
    var NextToken: String?
    var MaxResults: Int?
    var UserId: String?
    var FaceIds: [String]?

    func validate() throws {
        try RekognitionLimits.checkCollectionId(CollectionId)
        try RekognitionLimits.checkPageSize(MaxResults)
        try FaceIds.map { try RekognitionLimits.checkFaceIds($0) }
    }
}

struct ListFacesResponse: Codable, Sendable {
    var Faces: [FaceShape]
    var NextToken: String?
    var FaceModelVersion: String
}

struct DeleteFacesRequest: Codable, Sendable, ValidatableInput {
    var CollectionId: String
    var FaceIds: [String]

    func validate() throws {
        try RekognitionLimits.checkCollectionId(CollectionId)
        try RekognitionLimits.checkFaceIds(FaceIds)
    }
}

struct UnsuccessfulFaceDeletion: Codable, Sendable {
    var FaceId: String
    var Reasons: [String]
}

struct DeleteFacesResponse: Codable, Sendable {
    var DeletedFaces: [String]
    var UnsuccessfulFaceDeletions: [UnsuccessfulFaceDeletion]
}

struct SearchFacesRequest: Codable, Sendable, ValidatableInput {
    var CollectionId: String
    var FaceId: String
    var MaxFaces: Int?
    var FaceMatchThreshold: Double?

    func validate() throws {
        try RekognitionLimits.checkCollectionId(CollectionId)
        try RekognitionLimits.checkFaceIds([FaceId], member: "faceId")
        try RekognitionLimits.checkMaxFaces(MaxFaces)
        try RekognitionLimits.checkPercent(FaceMatchThreshold, member: "faceMatchThreshold")
    }
}

struct FaceMatch: Codable, Sendable {
    var Similarity: Double
    var Face: FaceShape
}

struct SearchFacesResponse: Codable, Sendable {
    var SearchedFaceId: String
    var FaceMatches: [FaceMatch]
    var FaceModelVersion: String
}

struct SearchFacesByImageRequest: Codable, Sendable, ValidatableInput {
    var CollectionId: String
    var Image: ImageInput
    var MaxFaces: Int?
    var FaceMatchThreshold: Double?
    var QualityFilter: String?

    func validate() throws {
        try RekognitionLimits.checkCollectionId(CollectionId)
        try RekognitionLimits.checkMaxFaces(MaxFaces)
        try RekognitionLimits.checkPercent(FaceMatchThreshold, member: "faceMatchThreshold")
        try RekognitionLimits.checkQualityFilter(QualityFilter)
    }
}

struct SearchFacesByImageResponse: Codable, Sendable {
    var SearchedFaceBoundingBox: BoundingBox
    var SearchedFaceConfidence: Double
    var FaceMatches: [FaceMatch]
    var FaceModelVersion: String
}
