import SibylCore

/// A request of the Forecast or forecastquery API: a member it sets that Sibyl does not read (an encryption config, a
/// time-series selector, a what-if or monitoring option) is refused with `InvalidInputException`, not ignored.
protocol ForecastInput: ExhaustiveInput {}

extension ForecastInput {
    static var unreadMemberCode: String { "InvalidInputException" }
}

extension CreateDatasetGroupRequest: ForecastInput {}
extension DatasetGroupArnRequest: ForecastInput {}
extension UpdateDatasetGroupRequest: ForecastInput {}
extension CreateDatasetRequest: ForecastInput {}
extension DatasetArnRequest: ForecastInput {}
extension CreateDatasetImportJobRequest: ForecastInput {}
extension ImportJobArnRequest: ForecastInput {}
extension CreateAutoPredictorRequest: ForecastInput {}
extension CreatePredictorRequest: ForecastInput {}
extension PredictorArnRequest: ForecastInput {}
extension CreateForecastRequest: ForecastInput {}
extension ForecastArnRequest: ForecastInput {}
extension ListRequest: ForecastInput {}
extension CreateForecastExportJobRequest: ForecastInput {}
extension ExportJobArnRequest: ForecastInput {}
extension ResourceArnRequest: ForecastInput {}
extension QueryForecastRequest: ForecastInput {}
