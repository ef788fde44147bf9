import SibylCore

struct DetectLabelsRequest: Codable, Sendable, ValidatableInput {
    var Image: ImageInput
    var MaxLabels: Int?
    var MinConfidence: Double?
    var Features: [String]?
    var Settings: DetectLabelsSettings?

    func validate() throws {
        try RekognitionLimits.checkPercent(MinConfidence, member: "minConfidence")
        if let maxLabels = MaxLabels, maxLabels < 0 {
            throw ServiceError.constraint(
                member: "maxLabels", value: String(maxLabels), "Member must have value greater than or equal to 0")
        }
        for (index, feature) in (Features ?? []).enumerated() where !["GENERAL_LABELS", "IMAGE_PROPERTIES"].contains(feature) {
            throw ServiceError.constraint(
                member: "features.\(index + 1).member", value: feature,
                "Member must satisfy enum value set: [GENERAL_LABELS, IMAGE_PROPERTIES]")
        }
        if let colors = Settings?.ImageProperties?.MaxDominantColors, !(0...20).contains(colors) {
            throw ServiceError.constraint(
                member: "settings.imageProperties.maxDominantColors", value: String(colors),
                "Member must have value between 0 and 20")
        }
    }
}

struct DetectLabelsSettings: Codable, Sendable {
    var GeneralLabels: GeneralLabelsSettings?
    var ImageProperties: ImagePropertiesSettings?
}

struct GeneralLabelsSettings: Codable, Sendable {
    var LabelInclusionFilters: [String]?
    var LabelExclusionFilters: [String]?
    var LabelCategoryInclusionFilters: [String]?
    var LabelCategoryExclusionFilters: [String]?
}

struct ImagePropertiesSettings: Codable, Sendable {
    var MaxDominantColors: Int?
}

struct LabelInstance: Codable, Sendable {
    var BoundingBox: BoundingBox
    var Confidence: Double
    var DominantColors: [DominantColorShape]
}

struct LabelName: Codable, Sendable {
    var Name: String
}

struct LabelShape: Codable, Sendable {
    var Name: String
    var Confidence: Double
    var Instances: [LabelInstance]
    var Parents: [LabelName]
    var Aliases: [LabelName]
    var Categories: [LabelName]
}

struct ImagePropertiesQuality: Codable, Sendable {
    var Brightness: Double
    var Sharpness: Double
    var Contrast: Double
}

struct ImageRegionShape: Codable, Sendable {
    var Quality: ImagePropertiesQuality
    var DominantColors: [DominantColorShape]
}

struct ImagePropertiesShape: Codable, Sendable {
    var Quality: ImagePropertiesQuality
    var DominantColors: [DominantColorShape]
    var Foreground: ImageRegionShape?
    var Background: ImageRegionShape?
}

struct DetectLabelsResponse: Codable, Sendable {
    var Labels: [LabelShape]?
    var LabelModelVersion: String
    var ImageProperties: ImagePropertiesShape?
}
