import ArgumentParser
import Forecasting
import Foundation

extension Sibyl {
    /// `sibyl forecast FILE --horizon H`: forecasts one series from a CSV file and prints the forecast as CSV.
    ///
    /// So far the engine has exponential smoothing (AutoETS) and M4's Naive2; the other algorithms of the Forecast
    /// service follow with their engines and are refused until then.
    struct Forecast: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forecast a time series from a CSV file (its last column holds the values).")

        @Option(help: "Steps to forecast.")
        var horizon: Int

        @Option(help: "Season length in steps (12 for monthly data, 4 quarterly, 7 daily, 1 for none).")
        var period = 1

        @Option(help: "ets (AutoETS: the ETS model with the least AICc) or naive2 (M4's benchmark).")
        var algorithm = "ets"

        @Option(help: "Comma-separated quantiles to print beside the mean (from 1,000 simulated paths).")
        var quantiles = "0.1,0.5,0.9"

        @Flag(help: "Print every candidate model's AICc and parameters on standard error.")
        var report = false

        @Argument(help: "A CSV file: one observation a row, the value in the last column; a header row is skipped.")
        var file: String

        func validate() throws {
            guard horizon > 0 else { throw ValidationError("--horizon must be at least 1") }
            guard period > 0 else { throw ValidationError("--period must be at least 1") }
            guard ["ets", "naive2"].contains(algorithm) else {
                throw ValidationError("--algorithm must be ets or naive2 (the other algorithms are not built yet)")
            }
            guard parsedQuantiles.count == quantiles.split(separator: ",").count, parsedQuantiles.allSatisfy({ $0 > 0 && $0 < 1 })
            else { throw ValidationError("--quantiles must be numbers between 0 and 1, e.g. 0.1,0.5,0.9") }
        }

        var parsedQuantiles: [Double] { quantiles.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) } }

        func run() async throws {
            let values = try Self.readValues(file)
            let levels = parsedQuantiles
            print((["step", "mean"] + levels.map { "p\(Self.percent($0))" }).joined(separator: ","))
            if algorithm == "naive2" {
                for (step, value) in ForecastAccuracy.naive2(values, horizon: horizon, period: period).enumerated() {
                    print(([String(step + 1), Self.format(value)] + levels.map { _ in Self.format(value) }).joined(separator: ","))
                }
                return
            }
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
            let mean = fit.forecast(horizon: horizon)
            let paths = fit.samplePaths(horizon: horizon, paths: 1000, seed: 42)
            for step in 0..<horizon {
                let sorted = paths.map { $0[step] }.sorted()
                let bands = levels.map { sorted[min(sorted.count - 1, Int($0 * Double(sorted.count)))] }
                print(([String(step + 1), Self.format(mean[step])] + bands.map(Self.format)).joined(separator: ","))
            }
            FileHandle.standardError.write(Data("model: \(fit.model)\n".utf8))
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
