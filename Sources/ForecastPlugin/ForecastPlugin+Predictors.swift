import Foundation
import Forecasting
import SibylCore

extension ForecastPlugin {
    static let defaultForecastTypes = ["0.1", "0.5", "0.9"]

    /// CreateAutoPredictor: per item, the median of AutoARIMA, AutoETS, the Prophet-like model and DeepAR+ (one
    /// network across the items), or NPTS for intermittent items (`AlgorithmChoice`).
    func createAutoPredictor(_ input: CreateAutoPredictorRequest, context: OperationContext) async throws -> PredictorArnResponse {
        guard let groupArn = input.DataConfig?.DatasetGroupArn else {
            throw ForecastLimits.invalid("DataConfig.DatasetGroupArn is required to train a new predictor.")
        }
        guard let horizon = input.ForecastHorizon, horizon >= 1 else {
            throw ForecastLimits.invalid("ForecastHorizon is required and must be at least 1.")
        }
        // As in Forecast: a new AutoPredictor names its frequency (it is optional only for retraining one).
        guard let frequency = input.ForecastFrequency else {
            throw ForecastLimits.invalid("ForecastFrequency is required to train a new predictor (Y, M, W, D, H, …).")
        }
        return try await registerPredictor(
            name: input.PredictorName, groupArn: groupArn, horizon: horizon, frequency: frequency,
            types: input.ForecastTypes, algorithm: "AUTO", isAuto: true, windows: 1, offset: nil,
            fillings: (input.DataConfig?.AttributeConfigs ?? []).map { ($0.AttributeName, $0.Transformations) },
            dimensions: input.ForecastDimensions,
            holidayCountry: try HolidayFeaturization.country(input.DataConfig?.AdditionalDatasets, calendars: holidayCalendars),
            context: context)
    }

    /// Checks a new predictor against its data, stores it CREATE_PENDING and queues its training.
    func registerPredictor(
        name: String, groupArn: String, horizon: Int, frequency requested: String?, types: [String]?, algorithm: String,
        isAuto: Bool, windows: Int, offset: Int?, trainingParameters: [String: String]? = nil,
        fillings: [(attribute: String, parameters: [String: String])], dimensions: [String]?, holidayCountry: String?,
        context: OperationContext
    ) async throws -> PredictorArnResponse {
        guard (1...500).contains(horizon) else { throw ForecastLimits.invalid("ForecastHorizon must be 1 to 500.") }
        let group = try existing(StoredDatasetGroup.self, .datasetGroup, arn: groupArn, context: context)
        let target = try targetDataset(of: group, context: context)
        let frequency = requested ?? target.frequency ?? ""
        guard let forecastFrequency = TimeFrequency(frequency) else {
            throw ForecastLimits.invalid("ForecastFrequency \(frequency) is not valid.")
        }
        if let data = target.frequency.flatMap(TimeFrequency.init), forecastFrequency.nominalLength < data.nominalLength {
            throw ForecastLimits.invalid(
                "ForecastFrequency \(frequency) is finer than the data's \(data): data can be aggregated to a coarser frequency, not split.")
        }
        if holidayCountry != nil { try HolidayFeaturization.checkFrequency(forecastFrequency) }
        let targetField = DatasetSchema.targetField(domain: target.domain)
        if let dimensions {
            let strings = target.attributes.filter { $0.AttributeType == "string" }.compactMap(\.AttributeName)
            guard (1...10).contains(dimensions.count), Set(dimensions).count == dimensions.count else {
                throw ForecastLimits.invalid("ForecastDimensions must name 1 to 10 different attributes.")
            }
            for dimension in dimensions where dimension == "item_id" || !strings.contains(dimension) {
                throw ForecastLimits.invalid(
                    "ForecastDimensions \(dimension) is not a string attribute of the target dataset besides item_id.")
            }
        }
        var fillingParameters: [String: String]?
        for (attribute, parameters) in fillings {
            guard attribute == targetField else {
                throw ForecastLimits.invalid(
                    "Transformations of \(attribute) are not taken: only the target (\(targetField)) is read here, with no related time series.")
            }
            _ = try SeriesPreparation(parameters: parameters)
            fillingParameters = parameters
        }
        let imports = try context.resources.list(StoredImportJob.self, service: "forecast", kind: ForecastKind.importJob.rawValue)
            .filter { $0.datasetArn == target.arn && $0.status == ForecastStatus.active }
        guard !imports.isEmpty else {
            throw ServiceError(code: "ResourceInUseException", message: "The dataset \(target.arn) has no completed import yet.")
        }
        let arn = context.forecastARN(.predictor, name)
        let now = Date()
        let predictor = StoredPredictor(
            name: name, arn: arn, datasetGroupArn: group.arn, horizon: horizon,
            forecastTypes: types ?? Self.defaultForecastTypes, frequency: frequency, status: ForecastStatus.pending,
            message: nil, importJobArns: imports.map(\.arn), created: now, modified: now, models: nil, algorithm: algorithm,
            dimensions: dimensions, fillingParameters: fillingParameters, fillingAttribute: targetField, trainingParameters: trainingParameters, isAutoPredictor: isAuto, backtestWindows: windows, backtestOffset: offset,
            evaluation: nil, holidayCountry: holidayCountry)
        guard try context.resources.putForecastResource(predictor, .predictor, arn: arn, createOnly: true) else {
            throw Self.alreadyExists(arn)
        }
        try await enqueue(.predictor, arn: arn, context: context)
        return PredictorArnResponse(PredictorArn: arn)
    }

    func describeAutoPredictor(_ input: PredictorArnRequest, context: OperationContext) throws -> DescribeAutoPredictorResponse {
        let predictor = try existing(StoredPredictor.self, .predictor, arn: input.PredictorArn, context: context)
        return DescribeAutoPredictorResponse(
            PredictorArn: predictor.arn, PredictorName: predictor.name, ForecastHorizon: predictor.horizon,
            ForecastTypes: predictor.forecastTypes, ForecastFrequency: predictor.frequency,
            ForecastDimensions: predictor.dimensions,
            DatasetImportJobArns: predictor.importJobArns, DataConfig: DataConfig(
                DatasetGroupArn: predictor.datasetGroupArn,
                AttributeConfigs: predictor.fillingParameters.map { [AttributeConfig(AttributeName: predictor.fillingAttribute ?? "target_value", Transformations: $0)] },
                AdditionalDatasets: predictor.holidayCountry.map { [AdditionalDataset(Name: "holiday", Configuration: ["CountryCode": [$0]])] }),
            Status: predictor.status, Message: predictor.message, CreationTime: predictor.created,
            LastModificationTime: predictor.modified)
    }

    func createForecast(_ input: CreateForecastRequest, context: OperationContext) async throws -> ForecastArnResponse {
        let predictor = try existing(StoredPredictor.self, .predictor, arn: input.PredictorArn, context: context)
        guard predictor.status == ForecastStatus.active else {
            throw ServiceError(
                code: "ResourceInUseException", message: "The predictor \(predictor.arn) is \(predictor.status), not ACTIVE.")
        }
        let arn = context.forecastARN(.forecast, input.ForecastName)
        let now = Date()
        let forecast = StoredForecast(
            name: input.ForecastName, arn: arn, predictorArn: predictor.arn, datasetGroupArn: predictor.datasetGroupArn,
            forecastTypes: input.ForecastTypes ?? predictor.forecastTypes, status: ForecastStatus.pending, message: nil,
            created: now, modified: now)
        guard try context.resources.putForecastResource(forecast, .forecast, arn: arn, createOnly: true) else {
            throw Self.alreadyExists(arn)
        }
        try await enqueue(.forecast, arn: arn, context: context)
        return ForecastArnResponse(ForecastArn: arn)
    }

    func describeForecast(_ input: ForecastArnRequest, context: OperationContext) throws -> DescribeForecastResponse {
        let forecast = try existing(StoredForecast.self, .forecast, arn: input.ForecastArn, context: context)
        return DescribeForecastResponse(
            ForecastArn: forecast.arn, ForecastName: forecast.name, ForecastTypes: forecast.forecastTypes,
            PredictorArn: forecast.predictorArn, DatasetGroupArn: forecast.datasetGroupArn, Status: forecast.status,
            Message: forecast.message, CreationTime: forecast.created, LastModificationTime: forecast.modified)
    }

    func targetDataset(of group: StoredDatasetGroup, context: OperationContext) throws -> StoredDataset {
        for arn in group.datasetArns {
            if let dataset = try context.resources.forecastResource(StoredDataset.self, .dataset, arn: arn),
                dataset.datasetType == "TARGET_TIME_SERIES"
            {
                return dataset
            }
        }
        throw ForecastLimits.invalid("The dataset group \(group.arn) has no TARGET_TIME_SERIES dataset.")
    }
}
