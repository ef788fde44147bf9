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
            help: "auto (the AutoPredictor's choice: ensemble, or npts for intermittent series), ensemble (per step the median of arima, ets and prophet), arima, ets (the ETS model with the least AICc), prophet (the Prophet-like model), npts, or naive2 (M4's benchmark).")
        var algorithm = "auto"

        @Option(help: "Comma-separated quantiles to print beside the mean (from 1,000 simulated paths).")
        var quantiles = "0.1,0.5,0.9"

        @Option(help: "How ARIMA coefficients are estimated: css (conditional sum of squares) or ml (exact likelihood).")
        var arimaEstimation = "css"

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
                throw ValidationError("--arima-estimation must be css or ml")
            }
            guard ["auto", "ensemble", "ets", "arima", "prophet", "npts", "naive2"].contains(algorithm) else {
                throw ValidationError("--algorithm must be auto, ensemble, ets, arima, prophet, npts or naive2 (deepar is not built yet)")
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
            for entry in series {
                let rows: [(mean: Double, bands: [Double])]
                do {
                    rows = try forecastRows(entry.values, levels: levels)
                } catch let error as ValidationError where multiple {
                    throw ValidationError("item \(entry.item ?? ""): \(error.message)")
                }
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

        /// Per step: the mean and the requested quantiles.
        private func forecastRows(_ values: [Double], levels: [Double]) throws -> [(mean: Double, bands: [Double])] {
            if algorithm == "naive2" {
                return ForecastAccuracy.naive2(values, horizon: horizon, period: period).map { value in
                    (value, levels.map { _ in value })
                }
            }
            let chosen =
                algorithm == "auto"
                ? AlgorithmChoice.choose(values, period: period, horizon: horizon)
                : SeriesModel.Algorithm.allCases.first { $0.rawValue.lowercased() == algorithm }!
            if chosen == .ets, report {
                for candidate in AutoETS.candidates(values, period: period) {
                    let line = String(
                        format: "%@ AICc %.2f alpha %.4f beta %.4f gamma %.4f phi %.4f\n", candidate.model.description,
                        candidate.aicc, candidate.alpha, candidate.beta, candidate.gamma, candidate.phi)
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
            guard
                let model = SeriesModel.fit(
                    values, period: period, algorithm: chosen, arimaEstimation: AutoARIMA.Estimation(rawValue: arimaEstimation)!)
            else {
                throw ValidationError("\(values.count) observations are too few for \(chosen.rawValue) (ARIMA and the Prophet-like model need 8, ETS 7)")
            }
            FileHandle.standardError.write(Data("model: \(model)\n".utf8))
            let paths = model.samplePaths(horizon: horizon, paths: 1000, seed: 42)
            if case .npts = model { return Self.summarise(paths, mean: nil, levels: levels) }
            return Self.summarise(paths, mean: model.forecast(horizon: horizon), levels: levels)
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
