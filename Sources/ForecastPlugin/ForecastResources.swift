import Foundation
import Forecasting
import SibylCore

/// The Forecast resources Sibyl keeps, each in the resource store under its ARN.
enum ForecastKind: String {
    case datasetGroup = "dataset-group"
    case dataset = "dataset"
    case importJob = "dataset-import-job"
    case predictor = "predictor"
    case forecast = "forecast"
    case exportJob = "forecast-export-job"
    /// A dataset's imported observations, under the dataset's ARN.
    case observations = "dataset-observations"
    /// A forecast's numbers, under the forecast's ARN.
    case predictions = "forecast-predictions"
    /// A related time series dataset's imported rows, under the dataset's ARN.
    case relatedRows = "dataset-related-rows"
    /// An item metadata dataset's imported rows, under the dataset's ARN.
    case itemMetadata = "dataset-item-metadata"
}

/// Statuses as AWS names them.
enum ForecastStatus {
    static let active = "ACTIVE"
    static let pending = "CREATE_PENDING"
    static let inProgress = "CREATE_IN_PROGRESS"
    static let failed = "CREATE_FAILED"

    /// Whether a job is still building the resource (pending or in progress): it cannot be deleted yet.
    static func isBuilding(_ status: String) -> Bool { status == pending || status == inProgress }
}

/// A resource built by a job, with AWS's status and message.
protocol BuiltResource: Codable {
    var status: String { get set }
    var message: String? { get set }
    var modified: Date { get set }
}

struct StoredDatasetGroup: Codable, Sendable {
    var name: String
    var arn: String
    var domain: String
    var datasetArns: [String]
    var created: Date
    var modified: Date
}

struct StoredDataset: Codable, Sendable {
    var name: String
    var arn: String
    var domain: String
    var datasetType: String
    var frequency: String?
    var attributes: [SchemaAttribute]
    var created: Date
    var modified: Date
}

struct StoredImportJob: BuiltResource, Sendable {
    var name: String
    var arn: String
    var datasetArn: String
    var path: String
    var roleArn: String
    var timestampFormat: String
    var status: String
    var message: String?
    var dataSize: Double?
    /// Per field, what the import read (set when it succeeds).
    var fieldStatistics: [String: FieldStatistics]? = nil
    var created: Date
    var modified: Date
}

/// The observations a dataset holds after its latest import: per item, time-ordered.
struct StoredObservations: Codable, Sendable {
    var items: [String: [Observation]]
}

/// A related time series dataset's rows: per series (`SeriesKey.encoded`), each time's values of `fields` (nil where
/// a cell was empty).
struct StoredRelatedRows: Codable, Sendable {
    var fields: [String]
    var items: [String: [RelatedRow]]
}

struct RelatedRow: Codable, Sendable {
    var time: Date
    var values: [Double?]
}

struct Observation: Codable, Sendable {
    var time: Date
    var value: Double?
}

struct StoredPredictor: BuiltResource, Sendable {
    var name: String
    var arn: String
    var datasetGroupArn: String
    var horizon: Int
    var forecastTypes: [String]
    var frequency: String
    var status: String
    var message: String?
    var importJobArns: [String]
    var created: Date
    var modified: Date
    /// Per item: the fitted model and the time of its last observation.
    var models: [String: ItemModel]?
    /// `ARIMA`, `ETS`, `NPTS`, `Prophet` or `Deep_AR_Plus` (the algorithm's name in its ARN), or `AUTO`: chosen per
    /// item (AutoPredictors and `PerformAutoML`).
    var algorithm: String = "AUTO"
    /// The dimensions forecast by besides item_id (string attributes of the target dataset), nil for none.
    var dimensions: [String]?
    /// The target's aggregation and filling parameters (`SeriesPreparation`), as the request gave them, and the
    /// target attribute's name.
    var fillingParameters: [String: String]?
    var fillingAttribute: String?
    /// CreatePredictor's TrainingParameters (DeepAR+'s hyperparameters).
    var trainingParameters: [String: String]?
    /// DeepAR+'s network, trained across all items (its items' models hold only their recent history).
    var network: DeepARNetwork?
    var isAutoPredictor: Bool = true
    var backtestWindows: Int = 1
    var backtestOffset: Int?
    /// Accuracy of each backtest window, computed at training.
    var evaluation: [BacktestWindow]?
    /// The country whose holidays the models read (the holiday featurization), nil for none.
    var holidayCountry: String?
}

/// One backtest window's accuracy over all items.
struct BacktestWindow: Codable, Sendable {
    var start: Date
    var end: Date
    var itemCount: Int
    var rmse: Double
    var wape: Double
    var mase: Double
    var mape: Double
    /// Weighted quantile loss per forecast type ("0.1", …).
    var quantileLosses: [String: Double]
}

struct StoredForecast: BuiltResource, Sendable {
    var name: String
    var arn: String
    var predictorArn: String
    var datasetGroupArn: String
    var forecastTypes: [String]
    var status: String
    var message: String?
    var created: Date
    var modified: Date
}

/// A forecast's numbers, per item and forecast type (`p10`, `mean`, …): one value per step.
/// A forecast's predictions, keyed by series (`SeriesKey.encoded` with the predictor's dimensions).
struct StoredPredictions: Codable, Sendable {
    /// The predictor's dimensions besides item_id, in order (nil for none).
    var dimensions: [String]?
    var start: [String: [Date]]
    var values: [String: [String: [Double]]]
}

extension OperationContext {
    func forecastARN(_ kind: ForecastKind, _ name: String) -> String {
        "arn:aws:forecast:\(gateway.configuration.region):000000000000:\(kind.rawValue)/\(name)"
    }
}

extension ResourceStore {
    func forecastResource<Value: Decodable>(_ type: Value.Type, _ kind: ForecastKind, arn: String) throws -> Value? {
        try get(type, service: "forecast", kind: kind.rawValue, id: arn)
    }

    func putForecastResource(_ value: some Encodable, _ kind: ForecastKind, arn: String, createOnly: Bool = false) throws -> Bool {
        try put(value, service: "forecast", kind: kind.rawValue, id: arn, createOnly: createOnly)
    }
}

struct StoredExportJob: BuiltResource, Sendable {
    var name: String
    var arn: String
    var forecastArn: String
    var path: String
    var roleArn: String
    var status: String
    var message: String?
    var created: Date
    var modified: Date
}
