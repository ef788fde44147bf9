import Foundation
import SibylCore

struct DataDestination: Codable, Sendable { var S3Config: S3Config }

struct CreateForecastExportJobRequest: Codable, Sendable, ValidatableInput {
    var ForecastExportJobName: String
    var ForecastArn: String
    var Destination: DataDestination
    var Format: String?
    var Tags: [Tag]?

    func validate() throws { try ForecastLimits.checkName(ForecastExportJobName, member: "forecastExportJobName") }
}

struct ExportJobArnResponse: Codable, Sendable { var ForecastExportJobArn: String }
struct ExportJobArnRequest: Codable, Sendable { var ForecastExportJobArn: String }

struct DescribeForecastExportJobResponse: Codable, Sendable {
    var ForecastExportJobArn: String
    var ForecastExportJobName: String
    var ForecastArn: String
    var Destination: DataDestination
    var Message: String?
    var Status: String
    var CreationTime: Date
    var LastModificationTime: Date
    var Format: String
}

struct ForecastExportJobSummary: Codable, Sendable {
    var ForecastExportJobArn: String
    var ForecastExportJobName: String
    var Destination: DataDestination
    var Status: String
    var Message: String?
    var CreationTime: Date
    var LastModificationTime: Date
}

struct ListForecastExportJobsResponse: Codable, Sendable {
    var ForecastExportJobs: [ForecastExportJobSummary]
    var NextToken: String?
}
