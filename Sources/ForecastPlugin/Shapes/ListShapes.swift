import Foundation
import SibylCore

struct ListFilter: Codable, Sendable {
    var Key: String
    var Value: String
    var Condition: String
}

struct ListRequest: Codable, Sendable, ValidatableInput {
    var NextToken: String?
    var MaxResults: Int?
    var Filters: [ListFilter]?

    func validate() throws {
        if let limit = MaxResults, !(1...100).contains(limit) {
            throw ServiceError.constraint(member: "maxResults", value: String(limit), "Member must have value between 1 and 100")
        }
        for filter in Filters ?? [] where !["IS", "IS_NOT"].contains(filter.Condition) {
            throw ForecastLimits.invalid("Filter condition \(filter.Condition) must be IS or IS_NOT.")
        }
    }
}

struct DatasetGroupSummary: Codable, Sendable {
    var DatasetGroupArn: String
    var DatasetGroupName: String
    var CreationTime: Date
    var LastModificationTime: Date
}

struct ListDatasetGroupsResponse: Codable, Sendable {
    var DatasetGroups: [DatasetGroupSummary]
    var NextToken: String?
}

struct DatasetSummary: Codable, Sendable {
    var DatasetArn: String
    var DatasetName: String
    var DatasetType: String
    var Domain: String
    var CreationTime: Date
    var LastModificationTime: Date
}

struct ListDatasetsResponse: Codable, Sendable {
    var Datasets: [DatasetSummary]
    var NextToken: String?
}

struct DatasetImportJobSummary: Codable, Sendable {
    var DatasetImportJobArn: String
    var DatasetImportJobName: String
    var DataSource: DataSource
    var Status: String
    var Message: String?
    var CreationTime: Date
    var LastModificationTime: Date
    var ImportMode: String
}

struct ListDatasetImportJobsResponse: Codable, Sendable {
    var DatasetImportJobs: [DatasetImportJobSummary]
    var NextToken: String?
}

struct PredictorSummary: Codable, Sendable {
    var PredictorArn: String
    var PredictorName: String
    var DatasetGroupArn: String
    var IsAutoPredictor: Bool
    var Status: String
    var Message: String?
    var CreationTime: Date
    var LastModificationTime: Date
}

struct ListPredictorsResponse: Codable, Sendable {
    var Predictors: [PredictorSummary]
    var NextToken: String?
}

struct ForecastSummary: Codable, Sendable {
    var ForecastArn: String
    var ForecastName: String
    var PredictorArn: String
    var CreatedUsingAutoPredictor: Bool
    var DatasetGroupArn: String
    var Status: String
    var Message: String?
    var CreationTime: Date
    var LastModificationTime: Date
}

struct ListForecastsResponse: Codable, Sendable {
    var Forecasts: [ForecastSummary]
    var NextToken: String?
}

struct ResourceArnRequest: Codable, Sendable { var ResourceArn: String }
