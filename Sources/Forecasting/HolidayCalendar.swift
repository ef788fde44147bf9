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
    /// seen cannot be estimated), in order of first occurrence. Kept as marks, not a table: minute data over years
    /// has hundreds of thousands of steps and few holidays.
    public func features(first: Date, steps: Int, known: Int, frequency: TimeFrequency) -> HolidayFeatures {
        guard steps > 0 else { return HolidayFeatures(names: [], steps: 0, marks: []) }
        let bounds = Self.grid(first: first, steps: steps, frequency: frequency)
        let day = 86400.0
        // The holidays that overlap the grid, each with the steps its day overlaps.
        var columns: [String: Int] = [:]
        var names: [String] = []
        var marks: [HolidayFeatures.Mark] = []
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
                    marks.append(HolidayFeatures.Mark(step: step, column: column))
                }
                step += 1
            }
        }
        // Only holidays seen in the history are kept.
        let seen = Set(marks.filter { $0.step < known }.map(\.column))
        let kept = (0..<names.count).filter { seen.contains($0) }
        let renumbered = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        return HolidayFeatures(
            names: kept.map { names[$0] }, steps: steps,
            marks: marks.compactMap { mark in renumbered[mark.column].map { HolidayFeatures.Mark(step: mark.step, column: $0) } })
    }

    /// The starts of `steps` periods from `first` and the end of the last: by adding seconds for units of fixed
    /// length (minutes to weeks, in UTC), by the calendar for months and years.
    private static func grid(first: Date, steps: Int, frequency: TimeFrequency) -> [Date] {
        switch frequency.unit {
        case .minute, .hour, .day, .week:
            return (0...steps).map { first.addingTimeInterval(Double($0) * frequency.nominalLength) }
        case .month, .year:
            return (0...steps).map { frequency.advance(first, by: $0) }
        }
    }
}

/// Holiday regressors on a series' grid: the holidays' names and, per step, the days of each in the step's period,
/// kept as marks (a step, a holiday) since most steps have none.
public struct HolidayFeatures: Sendable, Codable, Equatable {
    /// One day of a holiday in a step's period.
    public struct Mark: Sendable, Codable, Equatable {
        public var step: Int
        public var column: Int
    }

    public var names: [String]
    /// The grid's length.
    public var steps: Int
    public var marks: [Mark]

    public init(names: [String], steps: Int, marks: [Mark]) {
        self.names = names
        self.steps = steps
        self.marks = marks
    }

    /// Per step, the days of each holiday: a row per step, a column per name.
    public var rows: [[Double]] {
        var rows = [[Double]](repeating: [Double](repeating: 0, count: names.count), count: steps)
        for mark in marks { rows[mark.step][mark.column] += 1 }
        return rows
    }

    /// Per step, the days of all holidays together.
    public var totals: [Double] {
        var totals = [Double](repeating: 0, count: steps)
        for mark in marks { totals[mark.step] += 1 }
        return totals
    }

    /// The features without their first `count` steps (as a series' history is cut).
    public func droppingFirst(_ count: Int) -> HolidayFeatures {
        HolidayFeatures(
            names: names, steps: max(0, steps - count),
            marks: marks.filter { $0.step >= count }.map { Mark(step: $0.step - count, column: $0.column) })
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
