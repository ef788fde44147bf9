import Foundation
import Forecasting

/// Related time series (prices, promotions) laid on a target series' grid for DeepAR+: per step, each field's value
/// at that time (the mean of the rows there, or of the rows in the period when the forecast frequency is coarser than
/// the data's); steps without a value are NaN, which the network reads as the field's mean.
enum RelatedSeries {
    /// The related rows of a dataset group's RELATED_TIME_SERIES dataset, with series keys cut to `dimensions`.
    static func rows(_ stored: StoredRelatedRows, dimensions: [String]) -> [String: [RelatedRow]] {
        var rows: [String: [RelatedRow]] = [:]
        for (key, series) in stored.items { rows[SeriesKey(encoded: key).keeping(dimensions).encoded, default: []] += series }
        return rows
    }

    /// `steps` rows of `fields` values from `first`, one a period of `frequency`.
    static func align(
        _ rows: [RelatedRow], fields: Int, first: Date, steps: Int, frequency: TimeFrequency, coarsen: Bool
    ) -> [[Double]] {
        var sums: [Date: (values: [Double], counts: [Double])] = [:]
        for row in rows {
            let time = coarsen ? frequency.periodStart(of: row.time) : row.time
            var entry = sums[time] ?? ([Double](repeating: 0, count: fields), [Double](repeating: 0, count: fields))
            for (field, value) in row.values.prefix(fields).enumerated() {
                guard let value else { continue }
                entry.values[field] += value
                entry.counts[field] += 1
            }
            sums[time] = entry
        }
        return (0..<steps).map { step in
            guard let entry = sums[frequency.advance(first, by: step)] else { return [Double](repeating: .nan, count: fields) }
            return (0..<fields).map { entry.counts[$0] > 0 ? entry.values[$0] / entry.counts[$0] : .nan }
        }
    }
}
