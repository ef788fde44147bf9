import Foundation
import SibylCore

struct SchemaAttribute: Codable, Sendable {
    var AttributeName: String?
    var AttributeType: String?
}

struct Schema: Codable, Sendable {
    var Attributes: [SchemaAttribute]?
}

struct Tag: Codable, Sendable {
    var Key: String
    var Value: String
}

struct CreateDatasetGroupRequest: Codable, Sendable, ValidatableInput {
    var DatasetGroupName: String
    var Domain: String
    var DatasetArns: [String]?
    var Tags: [Tag]?

    func validate() throws {
        try ForecastLimits.checkName(DatasetGroupName, member: "datasetGroupName")
        try ForecastLimits.checkDomain(Domain)
    }
}

struct DatasetGroupArnResponse: Codable, Sendable { var DatasetGroupArn: String }
struct DatasetGroupArnRequest: Codable, Sendable { var DatasetGroupArn: String }

struct DescribeDatasetGroupResponse: Codable, Sendable {
    var DatasetGroupName: String
    var DatasetGroupArn: String
    var DatasetArns: [String]
    var Domain: String
    var Status: String
    var CreationTime: Date
    var LastModificationTime: Date
}

struct UpdateDatasetGroupRequest: Codable, Sendable {
    var DatasetGroupArn: String
    var DatasetArns: [String]
}

struct CreateDatasetRequest: Codable, Sendable, ValidatableInput {
    var DatasetName: String
    var Domain: String
    var DatasetType: String
    var DataFrequency: String?
    var Schema: Schema
    var Tags: [Tag]?

    func validate() throws {
        try ForecastLimits.checkName(DatasetName, member: "datasetName")
        try ForecastLimits.checkDomain(Domain)
    }
}

struct DatasetArnResponse: Codable, Sendable { var DatasetArn: String }
struct DatasetArnRequest: Codable, Sendable { var DatasetArn: String }

struct DescribeDatasetResponse: Codable, Sendable {
    var DatasetArn: String
    var DatasetName: String
    var Domain: String
    var DatasetType: String
    var DataFrequency: String?
    var Schema: Schema
    var Status: String
    var CreationTime: Date
    var LastModificationTime: Date
}

struct S3Config: Codable, Sendable {
    var Path: String
    var RoleArn: String
    // No KMSKeyArn: there is no KMS here, so the unread-member check refuses one.
}

struct DataSource: Codable, Sendable { var S3Config: S3Config }

struct CreateDatasetImportJobRequest: Codable, Sendable, ValidatableInput {
    var DatasetImportJobName: String
    var DatasetArn: String
    var DataSource: DataSource
    var TimestampFormat: String?
    var Format: String?
    var ImportMode: String?
    /// Read only to refuse `true` (time zones from a geolocation attribute are not implemented); `false` is the
    /// default.
    var UseGeolocationForTimeZone: Bool?
    var Tags: [Tag]?

    func validate() throws {
        try ForecastLimits.checkName(DatasetImportJobName, member: "datasetImportJobName")
        if UseGeolocationForTimeZone == true {
            throw ForecastLimits.invalid(
                "UseGeolocationForTimeZone is not supported here: timestamps are read as written.")
        }
    }
}

struct ImportJobArnResponse: Codable, Sendable { var DatasetImportJobArn: String }
struct ImportJobArnRequest: Codable, Sendable { var DatasetImportJobArn: String }

struct DescribeDatasetImportJobResponse: Codable, Sendable {
    var DatasetImportJobName: String
    var DatasetImportJobArn: String
    var DatasetArn: String
    var TimestampFormat: String
    var DataSource: DataSource
    var FieldStatistics: [String: FieldStatistics]?
    var DataSize: Double?
    var Status: String
    var Message: String?
    var CreationTime: Date
    var LastModificationTime: Date
    var Format: String
    var ImportMode: String
}

struct DataConfig: Codable, Sendable {
    var DatasetGroupArn: String
    var AttributeConfigs: [AttributeConfig]?
    var AdditionalDatasets: [AdditionalDataset]?
}

/// CreateAutoPredictor's built-in featurization: `holiday` with `{"CountryCode": ["US"]}`, or `weather`.
struct AdditionalDataset: Codable, Sendable {
    var Name: String
    var Configuration: [String: [String]]?
}

/// CreateAutoPredictor's per-attribute transformations (aggregation and filling).
struct AttributeConfig: Codable, Sendable {
    var AttributeName: String
    var Transformations: [String: String]
}

struct CreateAutoPredictorRequest: Codable, Sendable, ValidatableInput {
    var PredictorName: String
    var ForecastHorizon: Int?
    var ForecastTypes: [String]?
    var ForecastFrequency: String?
    var ForecastDimensions: [String]?
    var DataConfig: DataConfig?
    /// Read only to refuse `true` (no explainability here); `false` is the default.
    var ExplainPredictor: Bool?
    var Tags: [Tag]?

    func validate() throws {
        try ForecastLimits.checkName(PredictorName, member: "predictorName")
        try ForecastTypes.map { try ForecastLimits.checkForecastTypes($0) }
        if ExplainPredictor == true {
            throw ForecastLimits.invalid(
                "ExplainPredictor is not supported here: Sibyl computes no explainability (impact scores).")
        }
    }
}

struct PredictorArnResponse: Codable, Sendable { var PredictorArn: String }
struct PredictorArnRequest: Codable, Sendable { var PredictorArn: String }

struct DescribeAutoPredictorResponse: Codable, Sendable {
    var PredictorArn: String
    var PredictorName: String
    var ForecastHorizon: Int
    var ForecastTypes: [String]
    var ForecastFrequency: String
    var ForecastDimensions: [String]?
    var DatasetImportJobArns: [String]
    var DataConfig: DataConfig
    var Status: String
    var Message: String?
    var CreationTime: Date
    var LastModificationTime: Date
}

struct CreateForecastRequest: Codable, Sendable, ValidatableInput {
    var ForecastName: String
    var PredictorArn: String
    var ForecastTypes: [String]?
    var Tags: [Tag]?

    func validate() throws {
        try ForecastLimits.checkName(ForecastName, member: "forecastName")
        // "You can currently specify up to 5 quantiles per forecast" (CreateForecast's documentation).
        try ForecastTypes.map { try ForecastLimits.checkForecastTypes($0, atMost: 5) }
    }
}

struct ForecastArnResponse: Codable, Sendable { var ForecastArn: String }
struct ForecastArnRequest: Codable, Sendable { var ForecastArn: String }

struct DescribeForecastResponse: Codable, Sendable {
    var ForecastArn: String
    var ForecastName: String
    var ForecastTypes: [String]
    var PredictorArn: String
    var DatasetGroupArn: String
    var Status: String
    var Message: String?
    var CreationTime: Date
    var LastModificationTime: Date
}

struct QueryForecastRequest: Codable, Sendable {
    var ForecastArn: String
    var StartDate: String?
    var EndDate: String?
    var Filters: [String: String]
    var NextToken: String?
}

struct DataPoint: Codable, Sendable {
    var Timestamp: String
    var Value: Double
}

struct ForecastPredictions: Codable, Sendable { var Predictions: [String: [DataPoint]] }
struct QueryForecastResponse: Codable, Sendable { var Forecast: ForecastPredictions }
