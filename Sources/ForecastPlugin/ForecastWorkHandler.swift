import Foundation
import Forecasting
import SibylCore

/// The input of a Forecast job: which resource to build.
struct ForecastWork: Codable, Sendable {
    var kind: String
    var arn: String
}

/// Builds Forecast resources on the job queue: imports datasets, trains predictors, computes forecasts. Each
/// resource goes CREATE_PENDING → CREATE_IN_PROGRESS → ACTIVE, or CREATE_FAILED with a message.
struct ForecastWorkHandler: JobHandler {
    static let kind = "forecast.work"
    /// The folder of national holiday calendars, for predictors with the holiday featurization.
    var holidayCalendars: URL?
    var kind: String { Self.kind }

    func run(_ job: Job, context: JobContext) async throws -> Data? {
        let work = try JSONDecoder().decode(ForecastWork.self, from: job.input)
        let store = context.gateway.resources
        switch ForecastKind(rawValue: work.kind) {
        case .importJob:
            try importDataset(work.arn, store: store, blobs: context.gateway.blobs)
        case .predictor:
            try train(work.arn, store: store)
        case .forecast:
            try computeForecast(work.arn, store: store)
        case .exportJob:
            try export(work.arn, store: store, blobs: context.gateway.blobs)
        default:
            throw ServiceError(code: "InvalidInputException", message: "Unknown Forecast work \(work.kind)")
        }
        return nil
    }

    private func importDataset(_ arn: String, store: ResourceStore, blobs: BlobStore) throws {
        try build(StoredImportJob.self, .importJob, arn: arn, store: store) { job in
            guard let dataset = try store.forecastResource(StoredDataset.self, .dataset, arn: job.datasetArn) else {
                throw WorkFailure("The dataset \(job.datasetArn) no longer exists.")
            }
            let files = try DatasetSourceFiles(path: job.path, blobs: blobs)
            // One file, or the folder's files read as one (the usual case: all of them good); when that fails, each
            // file alone, so the message names the file and its own row numbers.
            let save: () throws -> Void
            let format = job.timestampFormat
            let text = files.joinedText
            do {
                save = try Self.loader(dataset, text: text, timestampFormat: format, into: store)
            } catch {
                for (address, fileText) in files.texts where files.texts.count > 1 {
                    do {
                        _ = try Self.loader(dataset, text: fileText, timestampFormat: format, into: store)
                    } catch { throw WorkFailure("\(address): \(error)") }
                }
                throw error
            }
            try save()
            job.dataSize = Double(files.size) / 1_073_741_824
            job.fieldStatistics = FieldStatistics.of(text, attributes: dataset.attributes, timestampFormat: format)
        }
    }

    /// Reads a dataset's CSV text for its type, and answers the step that stores it (so a text can be checked
    /// without storing it).
    private static func loader(
        _ dataset: StoredDataset, text: String, timestampFormat: String, into store: ResourceStore
    ) throws -> () throws -> Void {
        switch dataset.datasetType {
        case "TARGET_TIME_SERIES":
            let reader = DatasetCSVReader(
                attributes: dataset.attributes, targetField: DatasetSchema.targetField(domain: dataset.domain),
                timestampFormat: timestampFormat)
            let observations = StoredObservations(items: try reader.read(text))
            return { _ = try store.putForecastResource(observations, .observations, arn: dataset.arn) }
        case "RELATED_TIME_SERIES":
            let fields = DatasetSchema.relatedFields(dataset.attributes)
            let reader = DatasetCSVReader(
                attributes: dataset.attributes, valueFields: fields, timestampFormat: timestampFormat)
            let rows = StoredRelatedRows(fields: fields, items: try reader.readRows(text))
            return { _ = try store.putForecastResource(rows, .relatedRows, arn: dataset.arn) }
        default:
            let metadata = try StoredItemMetadata(csv: text, attributes: dataset.attributes)
            return { _ = try store.putForecastResource(metadata, .itemMetadata, arn: dataset.arn) }
        }
    }

    private func train(_ arn: String, store: ResourceStore) throws {
        try build(StoredPredictor.self, .predictor, arn: arn, store: store) { predictor in
            // Series keyed by item and the predictor's dimensions: the others' observations are combined (by the
            // aggregation) into them.
            var items: [String: [Observation]] = [:]
            for (key, series) in try observations(for: predictor.datasetGroupArn, store: store) {
                items[SeriesKey(encoded: key).keeping(predictor.dimensions ?? []).encoded, default: []] += series
            }
            guard let frequency = TimeFrequency(predictor.frequency) else {
                throw WorkFailure("Frequency \(predictor.frequency) is not valid.")
            }
            let preparation = try predictor.fillingParameters.map(SeriesPreparation.init(parameters:)) ?? SeriesPreparation()
            let data = try dataFrequency(of: predictor.datasetGroupArn, store: store)
            let coarser = data.flatMap { $0 == frequency ? nil : $0 }
            let end = items.values.compactMap { $0.map(\.time).max() }.max() ?? Date()
            var grids: [String: (values: [Double], first: Date)] = [:]
            var lastTimes: [String: Date] = [:]
            var missingTails: [String: Int] = [:]
            for (item, series) in items {
                guard let prepared = preparation.prepare(series, dataFrequency: coarser, frequency: frequency, end: end),
                    !prepared.values.isEmpty
                else { continue }
                grids[item] = (prepared.values, prepared.first)
                lastTimes[item] = prepared.last
                missingTails[item] = prepared.missingTail
            }
            try Self.checkLength(predictor, grids: grids, end: end, frequency: frequency)
            let usesNetwork = ["Deep_AR_Plus", "AUTO"].contains(predictor.algorithm)
            var training = PredictorTraining(
                horizon: predictor.horizon, frequency: frequency, algorithm: predictor.algorithm,
                deepAR: usesNetwork
                    ? try DeepARSettings.configuration(
                        predictor.trainingParameters, horizon: predictor.horizon, period: frequency.seasonalPeriod) : nil)
            // DeepAR+ reads the group's item metadata, and its related time series laid on each item's grid through
            // the forecast horizon.
            if usesNetwork,
                let metadata = try groupResource(StoredItemMetadata.self, .itemMetadata, of: predictor.datasetGroupArn, store: store)
            {
                let encoded = metadata.encoded()
                let width = encoded.values.first?.count ?? 0
                for item in grids.keys {
                    training.statics[item] = encoded[SeriesKey(encoded: item).item] ?? [Double](repeating: 0, count: width)
                }
            }
            if usesNetwork,
                let stored = try groupResource(StoredRelatedRows.self, .relatedRows, of: predictor.datasetGroupArn, store: store)
            {
                let rows = RelatedSeries.rows(stored, dimensions: predictor.dimensions ?? [])
                for (item, grid) in grids {
                    training.related[item] = RelatedSeries.align(
                        rows[item] ?? [], fields: stored.fields.count, first: grid.first,
                        steps: grid.values.count + (missingTails[item] ?? 0) + predictor.horizon, frequency: frequency,
                        coarsen: coarser != nil)
                }
            }
            // The holiday featurization: per item, the days of each holiday per step through the horizon, for the
            // Prophet-like model; DeepAR+ reads their total as one more related field.
            if let country = predictor.holidayCountry {
                let calendar = try HolidayFeaturization.calendar(country, calendars: holidayCalendars)
                for (item, grid) in grids {
                    let features = calendar.features(
                        first: grid.first, steps: grid.values.count + (missingTails[item] ?? 0) + predictor.horizon,
                        known: grid.values.count, frequency: frequency)
                    training.holidays[item] = features
                    if usesNetwork {
                        let totals = features.totals.map { [$0] }
                        training.related[item] = zip(training.related[item] ?? totals.map { _ in [] }, totals).map { $0 + $1 }
                    }
                }
            }
            let trained = training.train(grids, lastTimes: lastTimes)
            predictor.models = trained.models
            for (item, tail) in missingTails where tail > 0 { predictor.models?[item]?.missingTail = tail }
            predictor.network = trained.network
            predictor.evaluation = Backtest(
                training: training, windows: predictor.backtestWindows,
                offset: predictor.backtestOffset ?? predictor.horizon, forecastTypes: predictor.forecastTypes
            ).evaluate(grids)
        }
    }

    /// Forecast's limits on the target dataset's length (the steps from its first observation to its last): the
    /// horizon at most a third of it (a quarter for an AutoPredictor), the backtest offset less than half.
    private static func checkLength(
        _ predictor: StoredPredictor, grids: [String: (values: [Double], first: Date)], end: Date,
        frequency: TimeFrequency
    ) throws {
        guard let first = grids.values.map(\.first).min() else {
            throw WorkFailure("The dataset group's target time series has no observations to train on.")
        }
        let length = frequency.steps(from: first, to: end) + 1
        let share = predictor.isAutoPredictor ? 4 : 3
        guard predictor.horizon <= length / share else {
            throw WorkFailure(
                "ForecastHorizon \(predictor.horizon) is more than 1/\(share) of the target time series dataset's "
                    + "length (\(length) steps of \(predictor.frequency)): at most \(length / share).")
        }
        let offset = predictor.backtestOffset ?? predictor.horizon
        guard 2 * offset < length else {
            throw WorkFailure(
                "BackTestWindowOffset \(offset) must be less than half the target time series dataset's length "
                    + "(\(length) steps of \(predictor.frequency)).")
        }
    }

    private func computeForecast(_ arn: String, store: ResourceStore) throws {
        try build(StoredForecast.self, .forecast, arn: arn, store: store) { forecast in
            guard let predictor = try store.forecastResource(StoredPredictor.self, .predictor, arn: forecast.predictorArn),
                let models = predictor.models, let frequency = TimeFrequency(predictor.frequency)
            else { throw WorkFailure("The predictor \(forecast.predictorArn) is not trained.") }
            var predictions = StoredPredictions(dimensions: predictor.dimensions, start: [:], values: [:])
            for (index, (item, model)) in models.sorted(by: { $0.key < $1.key }).enumerated() {
                let horizon = predictor.horizon
                let skipped = model.missingTail ?? 0
                predictions.start[item] = (1...horizon).map { frequency.advance(model.lastTime, by: skipped + $0) }
                let values = model.predict(
                    horizon: horizon, types: forecast.forecastTypes, seed: UInt64(index + 1), network: predictor.network)
                predictions.values[item] = Dictionary(
                    uniqueKeysWithValues: values.map { (ForecastLimits.predictionKey($0.key), $0.value) })
            }
            _ = try store.putForecastResource(predictions, .predictions, arn: arn)
        }
    }

    private func export(_ arn: String, store: ResourceStore, blobs: BlobStore) throws {
        try build(StoredExportJob.self, .exportJob, arn: arn, store: store) { job in
            guard let forecast = try store.forecastResource(StoredForecast.self, .forecast, arn: job.forecastArn),
                let predictions = try store.forecastResource(StoredPredictions.self, .predictions, arn: job.forecastArn)
            else { throw WorkFailure("The forecast \(job.forecastArn) no longer exists.") }
            let destination = try S3URI(parsing: job.path)
            let key = ForecastExportFile.key(prefix: destination.key, job: job.name, at: job.created)
            _ = try blobs.write(
                Data(ForecastExportFile.csv(predictions, types: forecast.forecastTypes).utf8),
                to: S3URI(bucket: destination.bucket, key: key), contentType: "text/csv")
        }
    }

    /// Runs one resource's work: CREATE_IN_PROGRESS while it runs, then ACTIVE, or CREATE_FAILED with the error as
    /// its message. A shutdown (cancellation) is passed on, so the job goes back to the queue.
    private func build<Resource: BuiltResource>(
        _ type: Resource.Type, _ kind: ForecastKind, arn: String, store: ResourceStore,
        work: (inout Resource) throws -> Void
    ) throws {
        guard var resource = try store.forecastResource(type, kind, arn: arn) else { return }
        resource.status = ForecastStatus.inProgress
        _ = try store.putForecastResource(resource, kind, arn: arn)
        do {
            try work(&resource)
            resource.status = ForecastStatus.active
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            resource.status = ForecastStatus.failed
            resource.message = "\(error)"
        }
        resource.modified = Date()
        // Deletion is refused while the job runs; should the resource have gone all the same, it stays gone.
        guard try store.forecastResource(type, kind, arn: arn) != nil else { return }
        _ = try store.putForecastResource(resource, kind, arn: arn)
    }

    private func observations(for groupArn: String, store: ResourceStore) throws -> [String: [Observation]] {
        guard try store.forecastResource(StoredDatasetGroup.self, .datasetGroup, arn: groupArn) != nil else {
            throw WorkFailure("The dataset group \(groupArn) no longer exists.")
        }
        guard let data = try groupResource(StoredObservations.self, .observations, of: groupArn, store: store) else {
            throw WorkFailure("The dataset group \(groupArn) has no imported data.")
        }
        return data.items
    }

    /// The first of the dataset group's datasets that has a `kind` resource (imported data of one dataset type),
    /// and `accepting` takes; nil when none has.
    private func groupResource<Value: Decodable>(
        _ type: Value.Type, _ kind: ForecastKind, of groupArn: String, store: ResourceStore,
        accepting: (Value) -> Bool = { _ in true }
    ) throws -> Value? {
        guard let group = try store.forecastResource(StoredDatasetGroup.self, .datasetGroup, arn: groupArn) else { return nil }
        for arn in group.datasetArns {
            if let value = try store.forecastResource(type, kind, arn: arn), accepting(value) { return value }
        }
        return nil
    }

    /// The frequency of the dataset group's target data (nil when not recorded).
    private func dataFrequency(of groupArn: String, store: ResourceStore) throws -> TimeFrequency? {
        try groupResource(StoredDataset.self, .dataset, of: groupArn, store: store) { $0.datasetType == "TARGET_TIME_SERIES" }?
            .frequency.flatMap(TimeFrequency.init)
    }
}

/// Why a Forecast job could not build its resource: the message the resource then carries.
struct WorkFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
