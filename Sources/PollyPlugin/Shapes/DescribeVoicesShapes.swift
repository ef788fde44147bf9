/// `DescribeVoicesInput`: all members arrive as query parameters.
struct DescribeVoicesInput: Codable, Sendable {
    var Engine: String?
    var LanguageCode: String?
    var IncludeAdditionalLanguageCodes: Bool?
    var NextToken: String?
}

/// `DescribeVoicesOutput`.
struct DescribeVoicesOutput: Codable, Sendable {
    struct Voice: Codable, Sendable {
        var Gender: String
        var Id: String
        var LanguageCode: String
        var LanguageName: String
        var Name: String
        var AdditionalLanguageCodes: [String]?
        var SupportedEngines: [String]
    }

    var Voices: [Voice]
    var NextToken: String?
}
