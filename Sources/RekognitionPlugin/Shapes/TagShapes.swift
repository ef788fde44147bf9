import SibylCore

struct TagResourceRequest: Codable, Sendable, ValidatableInput {
    var ResourceArn: String
    var Tags: [String: String]

    func validate() throws { try RekognitionLimits.checkTags(Tags) }
}

struct UntagResourceRequest: Codable, Sendable {
    var ResourceArn: String
    var TagKeys: [String]
}

struct ResourceArnRequest: Codable, Sendable {
    var ResourceArn: String
}

struct ListTagsForResourceResponse: Codable, Sendable {
    var Tags: [String: String]
}
