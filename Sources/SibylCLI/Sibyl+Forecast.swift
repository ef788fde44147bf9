import ArgumentParser
import Forecasting
import Foundation

extension Sibyl {
    /// `sibyl forecast FILE --horizon H`: forecasts one series from a CSV file and prints the forecast as CSV.
    ///
    /// So far the engine has exponential smoothing (AutoETS), NPTS and M4's Naive2; ARIMA, the Prophet-like model
    /// and DeepAR follow with their engines and are refused until then.
    struct Forecast: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forecast a time series from a CSV file (its last column holds the values).")

        @Option(help: "Steps to forecast.")
        var horizon: Int

        @Option(help: "Season length in steps (12 for monthly data, 4 quarterly, 7 daily, 1 for none).")
        var period = 1

        @Option(
            help: "auto (the AutoPredictor's choice: arima, or npts for intermittent series), arima, ets (the ETS model with the least AICc), prophet (the Prophet-like model), npts, or naive2 (M4's benchmark).")
        var algorithm = "auto"

        @Option(help: "Comma-separated quantiles to print beside the mean (from 1,000 simulated paths).")
        var quantiles = "0.1,0.5,0.9"

        @Option(help: "How ARIMA coefficients are estimated: css (conditional sum of squares) or ml (exact likelihood).")
        var arimaEstimation = "css"

        @Option(help: "Also draw the history, the median and the outer quantile band as an SVG chart in this file.")
        var plot: String?

        @Flag(help: "Print every candidate model's AICc and parameters on standard error.")
        var report = false

        @Argument(help: "A CSV file: one observation a row, the value in the last column; a header row is skipped.")
        var file: String

        func validate() throws {
            guard horizon > 0 else { throw ValidationError("--horizon must be at least 1") }
            guard period > 0 else { throw ValidationError("--period must be at least 1") }
            guard AutoARIMA.Estimation(rawValue: arimaEstimation) != nil else {
                throw ValidationError("--arima-estimation must be css or ml")
            }
            guard ["auto", "ets", "arima", "prophet", "npts", "naive2"].contains(algorithm) else {
                throw ValidationError("--algorithm must be auto, ets, arima, prophet, npts or naive2 (deepar is not built yet)")
            }
            guard parsedQuantiles.count == quantiles.split(separator: ",").count, parsedQuantiles.allSatisfy({ $0 > 0 && $0 < 1 })
            else { throw ValidationError("--quantiles must be numbers between 0 and 1, e.g. 0.1,0.5,0.9") }
        }

        var parsedQuantiles: [Double] { quantiles.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) } }

        func run() async throws {
            let values = try Self.readValues(file)
            let levels = parsedQuantiles
            let rows = try forecastRows(values, levels: levels)
            print((["step", "mean"] + levels.map { "p\(Self.percent($0))" }).joined(separator: ","))
            for (step, row) in rows.enumerated() {
                print(([String(step + 1), Self.format(row.mean)] + row.bands.map(Self.format)).joined(separator: ","))
            }
            if let plot {
                let chart = ForecastChart(
                    history: values, mean: rows.map(\.mean), lower: rows.map { $0.bands.first ?? $0.mean },
                    median: rows.map { $0.bands[$0.bands.count / 2] }, upper: rows.map { $0.bands.last ?? $0.mean },
                    title: "\(URL(fileURLWithPath: file).lastPathComponent): \(algorithm), \(horizon) steps")
                try Data(chart.svg().utf8).write(to: URL(fileURLWithPath: plot))
            }
        }

        /// Per step: the mean and the requested quantiles.
        private func forecastRows(_ values: [Double], levels: [Double]) throws -> [(mean: Double, bands: [Double])] {
            var chosen = algorithm
            if chosen == "auto" {
                chosen = AlgorithmChoice.choose(values, period: period, horizon: horizon).rawValue.lowercased()
            }
            switch chosen {
            case "naive2":
                return ForecastAccuracy.naive2(values, horizon: horizon, period: period).map { value in
                    (value, levels.map { _ in value })
                }
            case "arima":
                guard let fit = AutoARIMA.fit(values, period: period, estimation: AutoARIMA.Estimation(rawValue: arimaEstimation)!)
                else {
                    throw ValidationError("no ARIMA model could be fitted to \(values.count) observations (at least 8 are needed)")
                }
                FileHandle.standardError.write(Data("model: \(fit.order) (\(fit.method))\n".utf8))
                return Self.summarise(
                    fit.samplePaths(horizon: horizon, paths: 1000, seed: 42), mean: fit.forecast(horizon: horizon),
                    levels: levels)
            case "prophet":
                guard let fit = ProphetLikeFit.fit(values, period: period) else {
                    throw ValidationError("\(values.count) observations are too few for the Prophet-like model (at least 8)")
                }
                FileHandle.standardError.write(Data("model: Prophet-like\n".utf8))
                return Self.summarise(
                    fit.samplePaths(horizon: horizon, paths: 1000, seed: 42), mean: fit.forecast(horizon: horizon),
                    levels: levels)
            case "npts":
                FileHandle.standardError.write(Data("model: NPTS\n".utf8))
                return Self.summarise(
                    NPTS().samplePaths(history: values, period: period, horizon: horizon, paths: 1000, seed: 42),
                    mean: nil, levels: levels)
            default:
                let candidates = AutoETS.candidates(values, period: period)
                if report {
                    for candidate in candidates {
                        let line = String(
                            format: "%@ AICc %.2f alpha %.4f beta %.4f gamma %.4f phi %.4f\n", candidate.model.description,
                            candidate.aicc, candidate.alpha, candidate.beta, candidate.gamma, candidate.phi)
                        FileHandle.standardError.write(Data(line.utf8))
                    }
                }
                guard let fit = candidates.min(by: { $0.aicc < $1.aicc }) else {
                    throw ValidationError("\(values.count) observations are too few for exponential smoothing (at least 7)")
                }
                FileHandle.standardError.write(Data("model: \(fit.model)\n".utf8))
                return Self.summarise(
                    fit.samplePaths(horizon: horizon, paths: 1000, seed: 42), mean: fit.forecast(horizon: horizon),
                    levels: levels)
            }
        }

        static func summarise(_ paths: [[Double]], mean: [Double]?, levels: [Double]) -> [(mean: Double, bands: [Double])] {
            let means = mean ?? PathSummary.mean(paths)
            let bands = PathSummary.quantiles(paths, levels: levels)
            return means.indices.map { step in (means[step], bands.map { $0[step] }) }
        }

        static func readValues(_ file: String) throws -> [Double] {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("cannot read \(file) as UTF-8 text")
            }
            var values: [Double] = []
            for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
                let cell = line.split(separator: ",", omittingEmptySubsequences: false).last.map {
                    $0.trimmingCharacters(in: .whitespaces)
                } ?? ""
                guard let value = Double(cell), value.isFinite else {
                    if number == 0 { continue }  // a header
                    throw ValidationError("\(file), row \(number + 1): '\(cell)' is not a number")
                }
                values.append(value)
            }
            guard !values.isEmpty else { throw ValidationError("\(file) holds no values") }
            return values
        }

        static func percent(_ level: Double) -> String {
            let value = level * 100
            return value == value.rounded() ? String(Int(value)) : String(value)
        }

        static func format(_ value: Double) -> String { String(format: "%.6g", value) }
    }
}
