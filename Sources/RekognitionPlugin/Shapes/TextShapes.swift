import SibylCore

struct DetectTextRequest: Codable, Sendable, ValidatableInput {
    var Image: ImageInput
    var Filters: DetectTextFilters?

    func validate() throws {
        if let filter = Filters?.WordFilter {
            try RekognitionLimits.checkPercent(filter.MinConfidence, member: "filters.wordFilter.minConfidence")
            try RekognitionLimits.checkRatio(filter.MinBoundingBoxHeight, member: "filters.wordFilter.minBoundingBoxHeight")
            try RekognitionLimits.checkRatio(filter.MinBoundingBoxWidth, member: "filters.wordFilter.minBoundingBoxWidth")
        }
        if let regions = Filters?.RegionsOfInterest, regions.count > 10 {
            throw ServiceError.constraint(
                member: "filters.regionsOfInterest", value: "[…]", "Member must have length less than or equal to 10")
        }
    }
}

struct DetectTextFilters: Codable, Sendable {
    var WordFilter: DetectionFilter?
    var RegionsOfInterest: [RegionOfInterest]?
}

struct DetectionFilter: Codable, Sendable {
    var MinConfidence: Double?
    var MinBoundingBoxHeight: Double?
    var MinBoundingBoxWidth: Double?
}

struct RegionOfInterest: Codable, Sendable {
    var BoundingBox: BoundingBox?
    var Polygon: [Point]?
}

struct TextDetection: Codable, Sendable {
    var DetectedText: String
    var `Type`: String
    var Id: Int
    var ParentId: Int?
    var Confidence: Double
    var Geometry: Geometry
}

struct DetectTextResponse: Codable, Sendable {
    var TextDetections: [TextDetection]
    var TextModelVersion: String
}
