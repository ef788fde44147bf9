import Foundation
import SibylCore

struct EvaluationParameters: Codable, Sendable {
    var NumberOfBacktestWindows: Int?
    var BackTestWindowOffset: Int?
}

struct InputDataConfig: Codable, Sendable {
    var DatasetGroupArn: String
    var SupplementaryFeatures: [SupplementaryFeature]?
}

/// CreatePredictor's built-in featurization: `holiday` with a country code, or `weather`.
struct SupplementaryFeature: Codable, Sendable {
    var Name: String
    var Value: String
}

struct FeaturizationConfig: Codable, Sendable {
    var ForecastFrequency: String
    var ForecastDimensions: [String]?
    var Featurizations: [Featurization]?
}

/// CreatePredictor's featurization of one attribute: a pipeline of methods, of which Forecast has only "filling".
struct Featurization: Codable, Sendable {
    var AttributeName: String
    var FeaturizationPipeline: [FeaturizationMethod]?
}

struct FeaturizationMethod: Codable, Sendable {
    var FeaturizationMethodName: String
    var FeaturizationMethodParameters: [String: String]?
}

struct CreatePredictorRequest: Codable, Sendable, ValidatableInput {
    var PredictorName: String
    var AlgorithmArn: String?
    var ForecastHorizon: Int
    var ForecastTypes: [String]?
    var PerformAutoML: Bool?
    var PerformHPO: Bool?
    var TrainingParameters: [String: String]?
    var EvaluationParameters: EvaluationParameters?
    var InputDataConfig: InputDataConfig
    var FeaturizationConfig: FeaturizationConfig
    var Tags: [Tag]?

    func validate() throws {
        try ForecastLimits.checkName(PredictorName, member: "predictorName")
        try ForecastTypes.map { try ForecastLimits.checkForecastTypes($0) }
        if let windows = EvaluationParameters?.NumberOfBacktestWindows, !(1...5).contains(windows) {
            throw ForecastLimits.invalid("NumberOfBacktestWindows must be 1 to 5.")
        }
        if PerformHPO == true {
            throw ForecastLimits.invalid(
                "PerformHPO is not supported here: DeepAR+ trains with the TrainingParameters given, or their "
                    + "defaults.")
        }
    }
}

struct DescribePredictorResponse: Codable, Sendable {
    var PredictorArn: String
    var PredictorName: String
    var AlgorithmArn: String?
    var AutoMLAlgorithmArns: [String]?
    var ForecastHorizon: Int
    var ForecastTypes: [String]
    var PerformAutoML: Bool
    var PerformHPO: Bool
    var TrainingParameters: [String: String]?
    var EvaluationParameters: EvaluationParameters
    var InputDataConfig: InputDataConfig
    var FeaturizationConfig: FeaturizationConfig
    var IsAutoPredictor: Bool
    var DatasetImportJobArns: [String]
    var Status: String
    var Message: String?
    var CreationTime: Date
    var LastModificationTime: Date
}

struct WeightedQuantileLoss: Codable, Sendable {
    var Quantile: Double
    var LossValue: Double
}

struct ErrorMetric: Codable, Sendable {
    var ForecastType: String
    var WAPE: Double
    var RMSE: Double
    var MASE: Double
    var MAPE: Double
}

struct Metrics: Codable, Sendable {
    var RMSE: Double
    var WeightedQuantileLosses: [WeightedQuantileLoss]
    var ErrorMetrics: [ErrorMetric]
    var AverageWeightedQuantileLoss: Double
}

struct WindowSummary: Codable, Sendable {
    var TestWindowStart: Date?
    var TestWindowEnd: Date?
    var ItemCount: Int
    var EvaluationType: String
    var Metrics: Metrics
}

struct EvaluationResult: Codable, Sendable {
    var AlgorithmArn: String?
    var TestWindows: [WindowSummary]
}

struct GetAccuracyMetricsResponse: Codable, Sendable {
    var PredictorEvaluationResults: [EvaluationResult]
    var IsAutoPredictor: Bool
}
