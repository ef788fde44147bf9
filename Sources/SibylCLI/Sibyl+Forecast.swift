import ArgumentParser
import Forecasting
import Foundation

extension Sibyl {
    /// `sibyl forecast FILE --horizon H`: forecasts the series in a CSV file (one, or one per item) and prints the
    /// forecast as CSV.
    struct Forecast: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forecast a time series from a CSV file (its last column holds the values).")

        @Option(help: "Steps to forecast.")
        var horizon: Int

        @Option(help: "Season length in steps (12 for monthly data, 4 quarterly, 7 daily, 1 for none).")
        var period = 1

        @Option(
            help: "auto (the AutoPredictor's choice: ensemble, or npts for intermittent series), ensemble (per step the median of arima, ets, prophet and deepar), arima, ets (the ETS model with the least AICc), prophet (the Prophet-like model), npts, deepar (one network trained across every series in the file), or naive2 (M4's benchmark).")
        var algorithm = "auto"

        @Option(help: "Comma-separated quantiles to print beside the mean (from 1,000 simulated paths).")
        var quantiles = "0.1,0.5,0.9"

        @Option(help: "DeepAR's output distribution: student-T, gaussian or negative-binomial (for counts).")
        var likelihood = "student-T"

        @Option(help: "How ARIMA coefficients are estimated: auto (as auto.arima: exact likelihood up to 150 observations, css beyond), css (conditional sum of squares), or ml (exact likelihood: slow on long seasonal series).")
        var arimaEstimation = "auto"

        @Option(help: "The Prophet-like model's trend: linear, or logistic (saturating at --cap, and at --floor below).")
        var growth = "linear"

        @Option(help: "Logistic growth's capacity: the level the forecast approaches and never passes.")
        var cap: Double?

        @Option(help: "Logistic growth's floor (default 0).")
        var floor: Double?

        @Option(help: "Also draw the history, the median and the outer quantile band as an SVG chart in this file.")
        var plot: String?

        @Flag(help: "Print every candidate model's AICc and parameters on standard error.")
        var report = false

        @Argument(
            help: "A CSV file: one observation a row, the value in the last column; a header row is skipped. With an item_id column in the header, each item is forecast in turn.")
        var file: String

        func validate() throws {
            guard horizon > 0 else { throw ValidationError("--horizon must be at least 1") }
            guard period > 0 else { throw ValidationError("--period must be at least 1") }
            guard AutoARIMA.Estimation(rawValue: arimaEstimation) != nil else {
                throw ValidationError("--arima-estimation must be css, ml or auto")
            }
            guard ["auto", "ensemble", "ets", "arima", "prophet", "npts", "deepar", "naive2"].contains(algorithm) else {
                throw ValidationError("--algorithm must be auto, ensemble, ets, arima, prophet, npts, deepar or naive2")
            }
            switch growth {
            case "linear":
                guard cap == nil, floor == nil else { throw ValidationError("--cap and --floor are for --growth logistic") }
            case "logistic":
                guard algorithm == "prophet" else { throw ValidationError("--growth logistic is for --algorithm prophet") }
                guard let cap else { throw ValidationError("--growth logistic needs --cap") }
                guard cap > (floor ?? 0) else { throw ValidationError("--cap must be above --floor (default 0)") }
            default: throw ValidationError("--growth must be linear or logistic")
            }
            guard DeepARLikelihood(rawValue: likelihood) != nil else {
                throw ValidationError("--likelihood must be student-T, gaussian or negative-binomial")
            }
            guard parsedQuantiles.count == quantiles.split(separator: ",").count, parsedQuantiles.allSatisfy({ $0 > 0 && $0 < 1 })
            else { throw ValidationError("--quantiles must be numbers between 0 and 1, e.g. 0.1,0.5,0.9") }
        }

        var parsedQuantiles: [Double] { quantiles.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) } }

        func run() async throws {
            let series = try ForecastInputFile(contentsOf: file).series
            let levels = parsedQuantiles
            let multiple = series.first?.item != nil
            if multiple, plot != nil { throw ValidationError("--plot draws one series; this file holds an item_id column") }
            let columns = ["step", "mean"] + levels.map { "p\(Self.percent($0))" }
            print(((multiple ? ["item_id"] : []) + columns).joined(separator: ","))
            // DeepAR's network, for deepar (required) and the ensemble (which does without it when it cannot train),
            // trains while the items' other models are fitted, longest first; then the items are forecast.
            let values = series.map(\.values)
            let training: (@Sendable () -> Result<DeepARNetwork, any Error>)? =
                ["auto", "ensemble", "deepar"].contains(algorithm)
                ? { @Sendable in Result { try trainNetwork(values) } } : nil
            let (trained, fits) = ParallelFitting.map(
                order: ParallelFitting.longestFirst(values.map(\.count)), alongside: training
            ) { index in fitWithoutNetwork(values[index]) }
            let network: DeepARNetwork?
            switch trained {
            case .success(let trainedNetwork): network = trainedNetwork
            case .failure(let error) where algorithm == "deepar": throw error
            case .failure, nil: network = nil
            }
            // Printed in file order.
            let forecasts = ParallelFitting.map(order: Array(series.indices)) {
                index -> Result<Rows, ValidationError> in
                do throws(ValidationError) {
                    let values = series[index].values
                    return .success(try forecastRows(values, fit: fits[index], levels: levels, network: network))
                } catch {
                    let item = series[index].item ?? ""
                    return .failure(multiple ? ValidationError("item \(item): \(error.message)") : error)
                }
            }
            for (entry, forecast) in zip(series, forecasts) {
                let (model, rows) = try forecast.get()
                FileHandle.standardError.write(Data(((entry.item.map { "item \($0) " } ?? "") + "model: \(model)\n").utf8))
                for (step, row) in rows.enumerated() {
                    let cells = [String(step + 1), Self.format(row.mean)] + row.bands.map(Self.format)
                    print(((entry.item.map { [$0] } ?? []) + cells).joined(separator: ","))
                }
                if let plot {
                    let chart = ForecastChart(
                        history: entry.values, mean: rows.map(\.mean), lower: rows.map { $0.bands.first ?? $0.mean },
                        median: rows.map { $0.bands[$0.bands.count / 2] }, upper: rows.map { $0.bands.last ?? $0.mean },
                        title: "\(URL(fileURLWithPath: file).lastPathComponent): \(algorithm), \(horizon) steps")
                    try Data(chart.svg().utf8).write(to: URL(fileURLWithPath: plot))
                }
            }
        }

        /// DeepAR trained across the file's series (aligned at their first rows), for deepar and the ensemble.
        private func trainNetwork(_ series: [[Double]]) throws -> DeepARNetwork {
            var configuration = DeepARNetwork.Configuration(horizon: horizon, period: period)
            configuration.likelihood = DeepARLikelihood(rawValue: likelihood)!
            guard
                let network = DeepARNetwork.train(series.map { DeepARSeries(values: $0) }, period: period, configuration: configuration)
            else {
                throw ValidationError("DeepAR needs a series of at least 3 values")
            }
            FileHandle.standardError.write(
                Data("model: DeepAR (\(likelihood), \(network.iterationsRun) steps, final loss \(Self.format(network.finalLoss)))\n".utf8))
            return network
        }

        /// The model's description and, per step, the mean and the requested quantiles.
        typealias Rows = (model: String, rows: [(mean: Double, bands: [Double])])

        /// An item's algorithm and its model fitted without DeepAR's network (nil for naive2, deepar, and a series
        /// too short for the algorithm): what can be done while the network trains.
        struct ItemFit: Sendable {
            var chosen: SeriesModel.Algorithm?
            var model: SeriesModel?
        }

        private func fitWithoutNetwork(_ values: [Double]) -> ItemFit {
            if algorithm == "naive2" { return ItemFit() }
            let named: [String: SeriesModel.Algorithm] = [
                "ensemble": .ensemble, "arima": .arima, "ets": .ets, "prophet": .prophet, "npts": .npts, "deepar": .deepAR,
            ]
            let chosen = named[algorithm] ?? AlgorithmChoice.choose(values, period: period, horizon: horizon)
            if chosen == .ets, report {
                for candidate in AutoETS.candidates(values, period: period) {
                    let line = String(
                        format: "%@ AICc %.2f alpha %.4f beta %.4f gamma %.4f phi %.4f\n", candidate.model.description,
                        candidate.aicc, candidate.alpha, candidate.beta, candidate.gamma, candidate.phi)
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
            if growth == "logistic", let cap {
                let growth = ProphetLikeFit.Growth.logistic(capacity: cap, floor: floor ?? 0)
                let fit = ProphetLikeFit.fit(values, period: period, growth: growth)
                return ItemFit(chosen: chosen, model: fit.map(SeriesModel.prophet))
            }
            if chosen == .deepAR { return ItemFit(chosen: chosen) }
            let estimation = AutoARIMA.Estimation(rawValue: arimaEstimation)!
            let model = SeriesModel.fit(values, period: period, algorithm: chosen, arimaEstimation: estimation)
            return ItemFit(chosen: chosen, model: model)
        }

        /// The item's forecast from its fit, joined by DeepAR's member when its algorithm uses the network.
        private func forecastRows(
            _ values: [Double], fit: ItemFit, levels: [Double], network: DeepARNetwork?
        ) throws(ValidationError) -> Rows {
            guard let chosen = fit.chosen else {
                return ("Naive2", ForecastAccuracy.naive2(values, horizon: horizon, period: period).map { value in
                    (value, levels.map { _ in value })
                })
            }
            let deepAR = [.deepAR, .ensemble].contains(chosen)
                ? SeriesModel.fit(values, period: period, algorithm: .deepAR, network: network) : nil
            let fitted: SeriesModel?
            switch chosen {
            case .deepAR: fitted = deepAR
            case .ensemble: fitted = SeriesModel.joining(fit.model, deepAR: deepAR)
            default: fitted = fit.model
            }
            guard let model = fitted else {
                throw ValidationError("\(values.count) observations are too few for \(chosen.rawValue) (ARIMA and the Prophet-like model need 8, ETS 7, DeepAR 2)")
            }
            let simulation = model.simulate(horizon: horizon, paths: 1000, seed: 42, network: network)
            return (model.description, Self.summarise(simulation.paths, mean: simulation.point, levels: levels))
        }

        static func summarise(_ paths: [[Double]], mean: [Double]?, levels: [Double]) -> [(mean: Double, bands: [Double])] {
            let means = mean ?? PathSummary.mean(paths)
            let bands = PathSummary.quantiles(paths, levels: levels)
            return means.indices.map { step in (means[step], bands.map { $0[step] }) }
        }

        static func percent(_ level: Double) -> String {
            let value = level * 100
            return value == value.rounded() ? String(Int(value)) : String(value)
        }

        static func format(_ value: Double) -> String { String(format: "%.6g", value) }
    }
}
