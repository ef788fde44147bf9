import Foundation
import Forecasting
import SibylCore

extension ForecastPlugin {
    static let algorithmPrefix = "arn:aws:forecast:::algorithm/"
    /// The algorithms with an engine here; the others of Forecast's list are refused by name.
    static let builtAlgorithms = ["ARIMA", "ETS", "NPTS", "Prophet", "Deep_AR_Plus"]
    static let knownAlgorithms = ["ETS", "NPTS", "ARIMA", "Prophet", "Deep_AR_Plus", "CNN-QR"]

    /// CreatePredictor (the legacy API): one algorithm for every item (`PerformAutoML` makes the AutoPredictor's
    /// choice per item).
    func createPredictor(_ input: CreatePredictorRequest, context: OperationContext) async throws -> PredictorArnResponse {
        var algorithm = "AUTO"
        if input.PerformAutoML != true {
            guard let arn = input.AlgorithmArn, arn.hasPrefix(Self.algorithmPrefix),
                Self.knownAlgorithms.contains(String(arn.dropFirst(Self.algorithmPrefix.count)))
            else {
                throw ForecastLimits.invalid(
                    "AlgorithmArn must be one of \(Self.knownAlgorithms.map { Self.algorithmPrefix + $0 }.joined(separator: ", ")), or set PerformAutoML.")
            }
            algorithm = String(arn.dropFirst(Self.algorithmPrefix.count))
            guard Self.builtAlgorithms.contains(algorithm) else {
                throw ForecastLimits.invalid(
                    "The \(algorithm) algorithm is not available in this deployment yet; ARIMA, ETS, NPTS, Prophet and Deep_AR_Plus are.")
            }
        }
        if let parameters = input.TrainingParameters {
            guard algorithm == "Deep_AR_Plus" else {
                throw ForecastLimits.invalid("TrainingParameters are taken for Deep_AR_Plus only; \(algorithm) has none here.")
            }
            _ = try DeepARSettings.configuration(parameters, horizon: input.ForecastHorizon, period: 1)
        }
        let offset = input.EvaluationParameters?.BackTestWindowOffset
        if let offset, offset < input.ForecastHorizon {
            throw ForecastLimits.invalid("BackTestWindowOffset must be at least the ForecastHorizon (\(input.ForecastHorizon)).")
        }
        let response = try await registerPredictor(
            name: input.PredictorName, groupArn: input.InputDataConfig.DatasetGroupArn, horizon: input.ForecastHorizon,
            frequency: input.FeaturizationConfig.ForecastFrequency, types: input.ForecastTypes, algorithm: algorithm,
            isAuto: false, windows: input.EvaluationParameters?.NumberOfBacktestWindows ?? 1, offset: offset,
            trainingParameters: input.TrainingParameters,
            fillings: try (input.FeaturizationConfig.Featurizations ?? []).map { featurization in
                var parameters: [String: String] = [:]
                for method in featurization.FeaturizationPipeline ?? [] {
                    guard method.FeaturizationMethodName == "filling" else {
                        throw ForecastLimits.invalid("FeaturizationMethodName must be filling, not \(method.FeaturizationMethodName).")
                    }
                    parameters.merge(method.FeaturizationMethodParameters ?? [:]) { _, new in new }
                }
                return (featurization.AttributeName, parameters)
            }, dimensions: input.FeaturizationConfig.ForecastDimensions,
            holidayCountry: try HolidayFeaturization.country(
                input.InputDataConfig.SupplementaryFeatures, calendars: holidayCalendars),
            context: context)
        return response
    }

    func describePredictor(_ input: PredictorArnRequest, context: OperationContext) throws -> DescribePredictorResponse {
        let predictor = try existing(StoredPredictor.self, .predictor, arn: input.PredictorArn, context: context)
        return DescribePredictorResponse(
            PredictorArn: predictor.arn, PredictorName: predictor.name,
            AlgorithmArn: predictor.algorithm == "AUTO" ? nil : Self.algorithmPrefix + predictor.algorithm,
            AutoMLAlgorithmArns: predictor.algorithm == "AUTO" ? ["ARIMA", "ETS", "Prophet", "NPTS", "Deep_AR_Plus"].map { Self.algorithmPrefix + $0 } : nil,
            ForecastHorizon: predictor.horizon, ForecastTypes: predictor.forecastTypes,
            PerformAutoML: predictor.algorithm == "AUTO", PerformHPO: false, TrainingParameters: predictor.trainingParameters,
            EvaluationParameters: EvaluationParameters(
                NumberOfBacktestWindows: predictor.backtestWindows, BackTestWindowOffset: predictor.backtestOffset ?? predictor.horizon),
            InputDataConfig: InputDataConfig(
                DatasetGroupArn: predictor.datasetGroupArn,
                SupplementaryFeatures: predictor.holidayCountry.map { [SupplementaryFeature(Name: "holiday", Value: $0)] }),
            FeaturizationConfig: FeaturizationConfig(
                ForecastFrequency: predictor.frequency, ForecastDimensions: predictor.dimensions,
                Featurizations: predictor.fillingParameters.map { parameters in
                    [Featurization(
                        AttributeName: predictor.fillingAttribute ?? "target_value",
                        FeaturizationPipeline: [
                            FeaturizationMethod(FeaturizationMethodName: "filling", FeaturizationMethodParameters: parameters)
                        ])]
                }),
            IsAutoPredictor: predictor.isAutoPredictor, DatasetImportJobArns: predictor.importJobArns, Status: predictor.status,
            Message: predictor.message, CreationTime: predictor.created, LastModificationTime: predictor.modified)
    }

    /// GetAccuracyMetrics: each backtest window's accuracy, and their average (`SUMMARY`).
    func getAccuracyMetrics(_ input: PredictorArnRequest, context: OperationContext) throws -> GetAccuracyMetricsResponse {
        let predictor = try existing(StoredPredictor.self, .predictor, arn: input.PredictorArn, context: context)
        guard predictor.status == ForecastStatus.active, let windows = predictor.evaluation else {
            throw ServiceError(code: "ResourceInUseException", message: "The predictor \(predictor.arn) is \(predictor.status), not ACTIVE.")
        }
        var summaries = windows.map { window in
            WindowSummary(
                TestWindowStart: window.start, TestWindowEnd: window.end, ItemCount: window.itemCount,
                EvaluationType: "COMPUTED", Metrics: Self.metrics(window, types: predictor.forecastTypes))
        }
        if !windows.isEmpty {
            let count = Double(windows.count)
            func average(_ value: (BacktestWindow) -> Double) -> Double { windows.map(value).reduce(0, +) / count }
            let mean = BacktestWindow(
                start: windows.map(\.start).min()!, end: windows.map(\.end).max()!, itemCount: windows[0].itemCount,
                rmse: average(\.rmse), wape: average(\.wape), mase: average(\.mase), mape: average(\.mape),
                quantileLosses: Dictionary(
                    uniqueKeysWithValues: predictor.forecastTypes.compactMap { type in
                        windows.allSatisfy({ $0.quantileLosses[type] != nil })
                            ? (type, average { $0.quantileLosses[type]! }) : nil
                    }))
            summaries.insert(
                WindowSummary(
                    TestWindowStart: nil, TestWindowEnd: nil, ItemCount: mean.itemCount, EvaluationType: "SUMMARY",
                    Metrics: Self.metrics(mean, types: predictor.forecastTypes)), at: 0)
        }
        return GetAccuracyMetricsResponse(
            PredictorEvaluationResults: [
                EvaluationResult(
                    AlgorithmArn: predictor.algorithm == "AUTO" ? nil : Self.algorithmPrefix + predictor.algorithm,
                    TestWindows: summaries)
            ], IsAutoPredictor: predictor.isAutoPredictor)
    }

    static func metrics(_ window: BacktestWindow, types: [String]) -> Metrics {
        let losses = types.compactMap { type -> WeightedQuantileLoss? in
            guard let level = Double(type), let loss = window.quantileLosses[type] else { return nil }
            return WeightedQuantileLoss(Quantile: level, LossValue: loss)
        }
        return Metrics(
            RMSE: window.rmse, WeightedQuantileLosses: losses,
            ErrorMetrics: [ErrorMetric(ForecastType: "mean", WAPE: window.wape, RMSE: window.rmse, MASE: window.mase, MAPE: window.mape)],
            AverageWeightedQuantileLoss: losses.isEmpty ? 0 : losses.map(\.LossValue).reduce(0, +) / Double(losses.count))
    }
}
