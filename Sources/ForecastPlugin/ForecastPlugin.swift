import Foundation
import Forecasting
import SibylCore

/// Amazon Forecast on the Forecasting engine: dataset groups, datasets, CSV imports from the S3 stand-in,
/// predictors (AutoARIMA, AutoETS, Prophet-like, NPTS) with backtests, forecasts and exports; the other operations follow with
/// their engines and answer `UnknownOperationException` until then.
public struct ForecastPlugin: ServicePlugin {
    /// The folder of national holiday calendars (`Models/holidays`), nil when none are installed.
    let holidayCalendars: URL?

    /// A plugin reading holiday calendars from `holidayCalendars` (one `<country code>.tsv` each).
    public init(holidayCalendars: URL? = nil) {
        self.holidayCalendars = holidayCalendars
    }

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "forecast", wireProtocol: .awsJson11(targetPrefix: "AmazonForecast"), signingName: "forecast",
            apiVersion: "2018-06-26", botocoreModel: "forecast")
    }

    public var jobHandlers: [any JobHandler] { [ForecastWorkHandler(holidayCalendars: holidayCalendars)] }

    public var operations: [ServiceOperation] {
        [
            ServiceOperation("CreateDatasetGroup") { (input: CreateDatasetGroupRequest, context) in
                try createDatasetGroup(input, context: context)
            },
            ServiceOperation("DescribeDatasetGroup") { (input: DatasetGroupArnRequest, context) in
                try describeDatasetGroup(input, context: context)
            },
            ServiceOperation("UpdateDatasetGroup") { (input: UpdateDatasetGroupRequest, context) in
                try updateDatasetGroup(input, context: context)
            },
            ServiceOperation("CreateDataset") { (input: CreateDatasetRequest, context) in try createDataset(input, context: context) },
            ServiceOperation("DescribeDataset") { (input: DatasetArnRequest, context) in
                try describeDataset(input, context: context)
            },
            ServiceOperation("CreateDatasetImportJob") { (input: CreateDatasetImportJobRequest, context) in
                try await createDatasetImportJob(input, context: context)
            },
            ServiceOperation("DescribeDatasetImportJob") { (input: ImportJobArnRequest, context) in
                try describeDatasetImportJob(input, context: context)
            },
            ServiceOperation("CreateAutoPredictor") { (input: CreateAutoPredictorRequest, context) in
                try await createAutoPredictor(input, context: context)
            },
            ServiceOperation("CreatePredictor") { (input: CreatePredictorRequest, context) in
                try await createPredictor(input, context: context)
            },
            ServiceOperation("DescribePredictor") { (input: PredictorArnRequest, context) in
                try describePredictor(input, context: context)
            },
            ServiceOperation("GetAccuracyMetrics") { (input: PredictorArnRequest, context) in
                try getAccuracyMetrics(input, context: context)
            },
            ServiceOperation("DescribeAutoPredictor") { (input: PredictorArnRequest, context) in
                try describeAutoPredictor(input, context: context)
            },
            ServiceOperation("CreateForecast") { (input: CreateForecastRequest, context) in
                try await createForecast(input, context: context)
            },
            ServiceOperation("DescribeForecast") { (input: ForecastArnRequest, context) in
                try describeForecast(input, context: context)
            },
            ServiceOperation("ListDatasetGroups") { (input: ListRequest, context) in try listDatasetGroups(input, context: context) },
            ServiceOperation("ListDatasets") { (input: ListRequest, context) in try listDatasets(input, context: context) },
            ServiceOperation("ListDatasetImportJobs") { (input: ListRequest, context) in
                try listDatasetImportJobs(input, context: context)
            },
            ServiceOperation("ListPredictors") { (input: ListRequest, context) in try listPredictors(input, context: context) },
            ServiceOperation("ListForecasts") { (input: ListRequest, context) in try listForecasts(input, context: context) },
            ServiceOperation("DeleteDatasetGroup") { (input: DatasetGroupArnRequest, context) in
                try delete(.datasetGroup, arn: input.DatasetGroupArn, context: context)
            },
            ServiceOperation("DeleteDataset") { (input: DatasetArnRequest, context) in
                try delete(.dataset, arn: input.DatasetArn, context: context)
            },
            ServiceOperation("DeleteDatasetImportJob") { (input: ImportJobArnRequest, context) in
                try delete(.importJob, arn: input.DatasetImportJobArn, context: context)
            },
            ServiceOperation("DeletePredictor") { (input: PredictorArnRequest, context) in
                try delete(.predictor, arn: input.PredictorArn, context: context)
            },
            ServiceOperation("DeleteForecast") { (input: ForecastArnRequest, context) in
                try delete(.forecast, arn: input.ForecastArn, context: context)
            },
            ServiceOperation("CreateForecastExportJob") { (input: CreateForecastExportJobRequest, context) in
                try await createForecastExportJob(input, context: context)
            },
            ServiceOperation("DescribeForecastExportJob") { (input: ExportJobArnRequest, context) in
                try describeForecastExportJob(input, context: context)
            },
            ServiceOperation("ListForecastExportJobs") { (input: ListRequest, context) in
                try listForecastExportJobs(input, context: context)
            },
            ServiceOperation("DeleteForecastExportJob") { (input: ExportJobArnRequest, context) in
                try delete(.exportJob, arn: input.ForecastExportJobArn, context: context)
            },
            ServiceOperation("DeleteResourceTree") { (input: ResourceArnRequest, context) in
                try deleteResourceTree(input, context: context)
            },
        ]
    }

    public func readiness() async -> EngineReadiness {
        .ready("AutoPredictor: AutoARIMA per item (NPTS for intermittent items); CreatePredictor: ARIMA, ETS, Prophet-like, NPTS")
    }
}

/// Amazon Forecast's query service (`forecastquery`): reads the numbers of an ACTIVE forecast.
public struct ForecastQueryPlugin: ServicePlugin {
    public init() {}

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "forecastquery", wireProtocol: .awsJson11(targetPrefix: "AmazonForecastRuntime"), signingName: "forecast",
            apiVersion: "2018-06-26", botocoreModel: "forecastquery")
    }

    public var operations: [ServiceOperation] {
        [ServiceOperation("QueryForecast") { (input: QueryForecastRequest, context) in try queryForecast(input, context: context) }]
    }

    /// QueryForecast: one item's predictions, by forecast type, optionally between StartDate and EndDate.
    func queryForecast(_ input: QueryForecastRequest, context: OperationContext) throws -> QueryForecastResponse {
        guard let forecast = try context.resources.forecastResource(StoredForecast.self, .forecast, arn: input.ForecastArn) else {
            throw ServiceError(code: "ResourceNotFoundException", message: "No forecast found with ARN \(input.ForecastArn)")
        }
        guard forecast.status == ForecastStatus.active,
            let predictions = try context.resources.forecastResource(StoredPredictions.self, .predictions, arn: forecast.arn)
        else {
            throw ServiceError(code: "ResourceInUseException", message: "The forecast \(forecast.arn) is \(forecast.status), not ACTIVE.")
        }
        guard let item = input.Filters["item_id"] else {
            throw ServiceError(code: "InvalidInputException", message: "Filters must name an item_id.")
        }
        let dimensions = predictions.dimensions ?? []
        if let other = input.Filters.keys.sorted().first(where: { $0 != "item_id" && !dimensions.contains($0) }) {
            throw ServiceError(
                code: "InvalidInputException",
                message: "The filter \(other) is not a dimension of this forecast (\((["item_id"] + dimensions).joined(separator: ", "))).")
        }
        if let missing = dimensions.first(where: { input.Filters[$0] == nil }) {
            throw ServiceError(
                code: "InvalidInputException", message: "Filters must name the forecast's dimension \(missing) to choose one series.")
        }
        let key = SeriesKey(item: item, dimensions: input.Filters.filter { $0.key != "item_id" }).encoded
        guard let times = predictions.start[key], let values = predictions.values[key] else {
            throw ServiceError(code: "ResourceNotFoundException", message: "The forecast has no series for \(input.Filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")).")
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        let start = try input.StartDate.map { try Self.date($0, member: "StartDate") }
        let end = try input.EndDate.map { try Self.date($0, member: "EndDate") }
        if let start, let end, start > end, let startText = input.StartDate, let endText = input.EndDate {
            throw ServiceError(
                code: "InvalidInputException", message: "StartDate \(startText) is after EndDate \(endText).")
        }
        var answer: [String: [DataPoint]] = [:]
        for (key, series) in values {
            answer[key] = zip(times, series).compactMap { time, value in
                if let start, time < start { return nil }
                if let end, time > end { return nil }
                return DataPoint(Timestamp: formatter.string(from: time), Value: value)
            }
        }
        return QueryForecastResponse(Forecast: ForecastPredictions(Predictions: answer))
    }

    static func date(_ text: String, member: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        guard let date = formatter.date(from: text) ?? formatter.date(from: text + "Z") else {
            throw ServiceError(code: "InvalidInputException", message: "\(member) \(text) must be yyyy-MM-ddTHH:mm:ss.")
        }
        return date
    }
}
