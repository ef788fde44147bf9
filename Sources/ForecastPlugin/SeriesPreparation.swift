import Foundation
import Forecasting

/// How a predictor turns an item's target observations into the regular series its models read, as Forecast's
/// featurization does: observations in the same forecast period are aggregated (data finer than the forecast
/// frequency are rolled up to it), gaps between an item's first and last observation are middle-filled, and the
/// steps from its last observation to the dataset's end are back-filled. Set by CreatePredictor's `Featurizations`
/// (method "filling") or CreateAutoPredictor's `AttributeConfigs` `Transformations` for `target_value`.
struct SeriesPreparation: Codable, Sendable, Equatable {
    enum Aggregation: String, Codable, Sendable { case sum, avg, first, min, max }

    /// A filling method for the target; `nan` leaves the steps missing, which only back filling takes (the models
    /// then forecast through the missing tail).
    enum Filling: Codable, Sendable, Equatable {
        case zero, nan, mean, median, min, max
        case value(Double)
    }

    var aggregation = Aggregation.sum
    var middlefill = Filling.zero
    var backfill = Filling.zero

    /// The parameters' names Forecast documents for the target.
    static let parameterNames = ["aggregation", "frontfill", "middlefill", "backfill", "middlefill_value", "backfill_value"]

    /// Reads filling parameters; anything Forecast does not take for a target, or that the engines cannot honour, is an
    /// InvalidInputException naming it.
    init(parameters: [String: String]) throws {
        for name in parameters.keys.sorted() where !Self.parameterNames.contains(name) {
            throw ForecastLimits.invalid(
                "\(name) is not a filling parameter of the target; these are: \(Self.parameterNames.joined(separator: ", ")).")
        }
        if let text = parameters["aggregation"] {
            guard let aggregation = Aggregation(rawValue: text) else {
                throw ForecastLimits.invalid("aggregation must be sum, avg, first, min or max, not \(text).")
            }
            self.aggregation = aggregation
        }
        if let frontfill = parameters["frontfill"], frontfill != "none" {
            throw ForecastLimits.invalid("frontfill of the target must be none, not \(frontfill).")
        }
        middlefill = try Self.filling("middlefill", parameters)
        backfill = try Self.filling("backfill", parameters)
        if middlefill == .nan {
            throw ForecastLimits.invalid(
                "middlefill nan is not available here: the engines need a value at every step between an item's first and last observation (use zero, value, mean, median, min or max).")
        }
    }

    init() {}

    private static func filling(_ name: String, _ parameters: [String: String]) throws -> Filling {
        guard let text = parameters[name] else { return .zero }
        switch text {
        case "zero": return .zero
        case "nan": return .nan
        case "mean": return .mean
        case "median": return .median
        case "min": return .min
        case "max": return .max
        case "value":
            guard let number = parameters["\(name)_value"].flatMap(Double.init), number.isFinite else {
                throw ForecastLimits.invalid("\(name) value needs a number in \(name)_value.")
            }
            return .value(number)
        default:
            throw ForecastLimits.invalid("\(name) must be zero, nan, value, mean, median, min or max, not \(text).")
        }
    }

    /// An item's regular series at `frequency`: its values from its first period to the dataset's `end` (the last
    /// period of any item), the time of its first and of its last filled step, and how many steps at the end were
    /// left missing (`backfill` nan).
    struct Prepared {
        var values: [Double]
        var first: Date
        var last: Date
        var missingTail: Int
    }

    /// Prepares an item's observations: values at the same time aggregated, the gaps between its first and last
    /// observation middle-filled on the data's grid (`dataFrequency`, nil when it is the forecast frequency), each
    /// forecast period's values then aggregated, and the periods up to the dataset's `end` back-filled.
    func prepare(_ series: [Observation], dataFrequency: TimeFrequency?, frequency: TimeFrequency, end: Date) -> Prepared? {
        let observed = series.compactMap { observation in observation.value.map { (time: observation.time, value: $0) } }
        guard let firstTime = series.map(\.time).min(), let lastTime = series.map(\.time).max() else { return nil }
        let all = observed.map(\.value).sorted()
        func fill(_ method: Filling) -> Double? {
            switch method {
            case .zero: return 0
            case .nan: return nil
            case .value(let number): return number
            case .mean: return all.isEmpty ? 0 : all.reduce(0, +) / Double(all.count)
            case .median: return all.isEmpty ? 0 : (all[(all.count - 1) / 2] + all[all.count / 2]) / 2
            case .min: return all.first ?? 0
            case .max: return all.last ?? 0
            }
        }
        // The item on its data grid, gaps filled.
        let grid = dataFrequency ?? frequency
        var atTime: [Date: [Double]] = [:]
        for observation in observed { atTime[observation.time, default: []].append(observation.value) }
        var filled: [(time: Date, value: Double)] = []
        var step = 0
        var time = firstTime
        while time <= lastTime, filled.count < 1_000_000 {
            if let values = atTime[time] {
                filled.append((time, aggregate(values)))
            } else if let value = fill(middlefill) {
                filled.append((time, value))
            }
            step += 1
            time = grid.advance(firstTime, by: step)
        }
        // Rolled up to the forecast frequency's periods.
        var values: [Double] = []
        var start = firstTime
        var last = lastTime
        if dataFrequency != nil {
            var periods: [Date: [Double]] = [:]
            for entry in filled { periods[frequency.periodStart(of: entry.time), default: []].append(entry.value) }
            start = frequency.periodStart(of: firstTime)
            last = frequency.periodStart(of: lastTime)
            step = 0
            time = start
            while time <= last {
                values.append(periods[time].map(aggregate) ?? fill(middlefill) ?? 0)
                step += 1
                time = frequency.advance(start, by: step)
            }
        } else {
            values = filled.map(\.value)
        }
        // Back-filled to the dataset's end.
        let datasetEnd = dataFrequency != nil ? frequency.periodStart(of: end) : end
        var missingTail = 0
        step = values.count
        time = frequency.advance(start, by: step)
        while time <= datasetEnd, values.count + missingTail < 1_000_000 {
            if let value = fill(backfill), missingTail == 0 {
                values.append(value)
                last = time
            } else {
                missingTail += 1
            }
            step += 1
            time = frequency.advance(start, by: step)
        }
        return Prepared(values: values, first: start, last: last, missingTail: missingTail)
    }

    private func aggregate(_ group: [Double]) -> Double {
        switch aggregation {
        case .sum: return group.reduce(0, +)
        case .avg: return group.reduce(0, +) / Double(group.count)
        case .first: return group[0]
        case .min: return group.min()!
        case .max: return group.max()!
        }
    }
}
