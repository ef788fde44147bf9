import SibylCore

/// The attribute names AWS defines; those with no model here are accepted and simply not answered.
let knownFaceAttributes: Set<String> = [
    "DEFAULT", "ALL", "AGE_RANGE", "BEARD", "EMOTIONS", "EYE_DIRECTION", "EYEGLASSES", "EYES_OPEN", "GENDER",
    "MOUTH_OPEN", "MUSTACHE", "FACE_OCCLUDED", "SMILE", "SUNGLASSES",
]

struct DetectFacesRequest: Codable, Sendable, ValidatableInput {
    var Image: ImageInput
    var Attributes: [String]?

    func validate() throws { try RekognitionLimits.checkAttributes(Attributes, member: "attributes") }
}

struct DetectFacesResponse: Codable, Sendable {
    var FaceDetails: [FaceDetail]
}

struct CompareFacesRequest: Codable, Sendable, ValidatableInput {
    var SourceImage: ImageInput
    var TargetImage: ImageInput
    var SimilarityThreshold: Double?
    var QualityFilter: String?

    func validate() throws {
        try RekognitionLimits.checkPercent(SimilarityThreshold, member: "similarityThreshold")
        try RekognitionLimits.checkQualityFilter(QualityFilter)
    }
}

struct ComparedSourceImageFace: Codable, Sendable {
    var BoundingBox: BoundingBox
    var Confidence: Double
}

struct ComparedFace: Codable, Sendable {
    var BoundingBox: BoundingBox
    var Confidence: Double
    var Landmarks: [Landmark]
    var Pose: Pose
    var Quality: ImageQualityShape
}

struct CompareFacesMatch: Codable, Sendable {
    var Similarity: Double
    var Face: ComparedFace
}

struct CompareFacesResponse: Codable, Sendable {
    var SourceImageFace: ComparedSourceImageFace
    var FaceMatches: [CompareFacesMatch]
    var UnmatchedFaces: [ComparedFace]
}
