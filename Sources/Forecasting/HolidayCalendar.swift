import Foundation

/// One country's national holidays, as Forecast's holiday featurization reads them: `<code>.tsv` in a folder of
/// calendars (`Scripts/fetch-holiday-calendars` writes them from the PyPI package `holidays`), one line per holiday
/// and day, `YYYY-MM-DD<TAB>name`.
public struct HolidayCalendar: Sendable {
    /// The two-letter country code.
    public let country: String
    /// The holidays in date order: the day's start (UTC midnight) and the holiday's name.
    let holidays: [(day: Date, name: String)]

    /// Why a calendar could not be read.
    public enum Failure: Error, Sendable, Equatable {
        /// No calendar for this country code in the folder.
        case unknownCountry(String)
        /// The calendar file is not in the expected form (its path and the line).
        case malformed(String, line: Int)
    }

    /// Reads `country`'s calendar from `directory`.
    public init(country: String, directory: URL) throws(Failure) {
        guard country.wholeMatch(of: /[A-Z]{2}/) != nil,
            let text = try? String(contentsOf: directory.appendingPathComponent("\(country).tsv"), encoding: .utf8)
        else { throw .unknownCountry(country) }
        let parser = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day()
        var holidays: [(day: Date, name: String)] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            let cells = line.split(separator: "\t", maxSplits: 1)
            guard cells.count == 2, let day = try? parser.parse(String(cells[0])) else {
                throw .malformed("\(country).tsv", line: number + 1)
            }
            holidays.append((day, String(cells[1])))
        }
        self.country = country
        self.holidays = holidays.sorted { $0.day < $1.day }
    }

    /// The country codes with a calendar in `directory`, sorted.
    public static func countries(in directory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.compactMap { file in file.wholeMatch(of: /([A-Z]{2})\.tsv/).map { String($0.1) } }.sorted()
    }

    /// The holiday features of a grid of `steps` periods of `frequency` from `first`: per step, how many days of each
    /// holiday fall in the step's period (1 or 0 for daily data, hours of a holiday each count 1, a month counts its
    /// holiday days), one column per holiday that occurs in the first `known` steps (the history: a holiday never
    /// seen cannot be estimated), in order of first occurrence.
    public func features(first: Date, steps: Int, known: Int, frequency: TimeFrequency) -> HolidayFeatures {
        guard steps > 0 else { return HolidayFeatures(names: [], rows: []) }
        let bounds = (0...steps).map { frequency.advance(first, by: $0) }
        let day = 86400.0
        // The holidays that overlap the grid, each with the steps its day overlaps.
        var columns: [String: Int] = [:]
        var names: [String] = []
        var occurrences: [(column: Int, step: Int)] = []
        var start = holidays.partitioningIndex { $0.day.addingTimeInterval(day) > bounds[0] }
        while start < holidays.count, holidays[start].day < bounds[steps] {
            let holiday = holidays[start]
            start += 1
            // The first step whose period ends after the day starts, then every step that starts before it ends.
            var step = max(0, bounds.partitioningIndex { $0 > holiday.day } - 1)
            while step < steps, bounds[step] < holiday.day.addingTimeInterval(day) {
                if bounds[step + 1] > holiday.day {
                    let column = columns[holiday.name] ?? {
                        names.append(holiday.name)
                        columns[holiday.name] = names.count - 1
                        return names.count - 1
                    }()
                    occurrences.append((column, step))
                }
                step += 1
            }
        }
        var rows = [[Double]](repeating: [Double](repeating: 0, count: names.count), count: steps)
        for occurrence in occurrences { rows[occurrence.step][occurrence.column] += 1 }
        // Only holidays seen in the history are kept.
        let seen = (0..<names.count).filter { column in rows.prefix(known).contains { $0[column] > 0 } }
        return HolidayFeatures(
            names: seen.map { names[$0] }, rows: rows.map { row in seen.map { row[$0] } })
    }
}

/// Holiday regressors on a series' grid: the holidays' names and, per step, the days of each in the step's period.
public struct HolidayFeatures: Sendable, Codable, Equatable {
    public var names: [String]
    public var rows: [[Double]]

    public init(names: [String], rows: [[Double]]) {
        self.names = names
        self.rows = rows
    }

    /// The features without their first `count` steps (as a series' history is cut).
    public func droppingFirst(_ count: Int) -> HolidayFeatures {
        HolidayFeatures(names: names, rows: Array(rows.dropFirst(count)))
    }
}

extension RandomAccessCollection {
    /// The index of the first element for which `belongs` holds, where it holds for a suffix of the collection.
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = distance(from: startIndex, to: endIndex)
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
