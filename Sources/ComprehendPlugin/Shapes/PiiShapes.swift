import SibylCore

struct PiiRequest: Codable, Sendable, ValidatableInput {
    var Text: String
    var LanguageCode: String

    func validate() throws {
        try ComprehendLimits.checkNotEmpty(Text, member: "Text")
    }
}

struct PiiEntity: Codable, Sendable {
    var Score: Double
    var `Type`: String
    var BeginOffset: Int
    var EndOffset: Int
}

struct DetectPiiEntitiesResponse: Codable, Sendable {
    var Entities: [PiiEntity]
}

struct EntityLabel: Codable, Sendable {
    var Name: String
    var Score: Double
}

struct ContainsPiiEntitiesResponse: Codable, Sendable {
    var Labels: [EntityLabel]
}
