import Foundation

/// What DescribeDatasetImportJob reports of each field an import read (`FieldStatistics`), computed from the
/// imported rows as Spark SQL's aggregates count them: `Count` and `CountDistinct` over the cells that are not empty
/// (null), `CountNull` the empty ones; numeric fields add `CountNan` (cells reading NaN, counted among the values)
/// and the minimum and maximum (as text: "12" for an integer field, "12.0" for a float), mean and sample standard
/// deviation of their numbers; timestamps add their earliest and latest, written as ISO 8601 in UTC.
struct FieldStatistics: Codable, Sendable, Equatable {
    var Count: Int?
    var CountDistinct: Int?
    var CountNull: Int?
    var CountNan: Int?
    var Min: String?
    var Max: String?
    var Avg: Double?
    var Stddev: Double?
    var CountLong: Int64?
    var CountDistinctLong: Int64?
    var CountNullLong: Int64?
    var CountNanLong: Int64?

    /// Each field's statistics over the rows of `text` (CSV without a header, columns in `attributes`' order; blank
    /// lines skipped), timestamps read with `timestampFormat` or as dates. Rows with too few cells leave the missing
    /// fields null: the import has refused such rows before statistics are taken.
    static func of(
        _ text: String, attributes: [SchemaAttribute], timestampFormat: String
    ) -> [String: FieldStatistics] {
        var tallies = attributes.map { Tally(type: $0.AttributeType ?? "string") }
        let timestamps = ImportTimestamps(format: timestampFormat)
        for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = DatasetCSVReader.cells(String(line))
            for index in tallies.indices {
                tallies[index].add(index < cells.count ? cells[index] : "", timestamps: timestamps)
            }
        }
        var statistics: [String: FieldStatistics] = [:]
        for (attribute, tally) in zip(attributes, tallies) {
            guard let name = attribute.AttributeName else { continue }
            statistics[name] = tally.statistics()
        }
        return statistics
    }

    /// A count in `Count`'s 32 bits, or −1 there and the count in the `…Long` member, as Forecast writes counts past
    /// 2,147,483,647.
    private static func split(_ count: Int) -> (short: Int, long: Int64?) {
        count <= Int(Int32.max) ? (count, nil) : (-1, Int64(count))
    }

    private struct Tally {
        let type: String
        var values = 0
        var nulls = 0
        var nans = 0
        var distinct = Set<String>()
        var numbers = 0
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var earliest: Date?
        var latest: Date?
        /// Welford's running mean and sum of squared deviations.
        var mean = 0.0
        var squares = 0.0

        var isNumeric: Bool { type == "float" || type == "integer" }

        mutating func add(_ cell: String, timestamps: ImportTimestamps) {
            guard !cell.isEmpty else {
                nulls += 1
                return
            }
            values += 1
            distinct.insert(cell)
            if isNumeric {
                if cell.lowercased() == "nan" {
                    nans += 1
                } else if let number = DatasetCSVReader.decimal(cell) {
                    numbers += 1
                    let delta = number - mean
                    mean += delta / Double(numbers)
                    squares += delta * (number - mean)
                    minimum = min(minimum, number)
                    maximum = max(maximum, number)
                }
            } else if type == "timestamp", let time = timestamps.date(cell) {
                earliest = min(earliest ?? time, time)
                latest = max(latest ?? time, time)
            }
        }

        /// An integer field's number as an integer ("12"), a float's as its shortest decimal ("12.0", "0.25").
        private func written(_ number: Double) -> String {
            type == "integer" && abs(number) < 1e18 ? String(Int(number)) : String(number)
        }

        func statistics() -> FieldStatistics {
            let count = FieldStatistics.split(values)
            let distinctCount = FieldStatistics.split(distinct.count)
            let nullCount = FieldStatistics.split(nulls)
            var result = FieldStatistics(
                Count: count.short, CountDistinct: distinctCount.short, CountNull: nullCount.short,
                CountLong: count.long, CountDistinctLong: distinctCount.long, CountNullLong: nullCount.long)
            if isNumeric {
                let nanCount = FieldStatistics.split(nans)
                result.CountNan = nanCount.short
                result.CountNanLong = nanCount.long
                if numbers > 0 {
                    result.Min = written(minimum)
                    result.Max = written(maximum)
                    result.Avg = mean
                    result.Stddev = numbers > 1 ? (squares / Double(numbers - 1)).squareRoot() : nil
                }
            } else if type == "timestamp" {
                let iso = ISO8601DateFormatter()
                result.Min = earliest.map(iso.string(from:))
                result.Max = latest.map(iso.string(from:))
            }
            return result
        }
    }
}
