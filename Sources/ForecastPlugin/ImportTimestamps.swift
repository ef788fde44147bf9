import Foundation

/// Reads an import's timestamp cells as Forecast does: in the job's `TimestampFormat`, or as a date alone, in UTC.
/// Shared by the rows' reader and the import's field statistics so both read a cell the same way.
final class ImportTimestamps {
    private let formatted = DateFormatter()
    private let dateOnly = DateFormatter()

    init(format: String) {
        for (formatter, pattern) in [(formatted, format), (dateOnly, "yyyy-MM-dd")] {
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = pattern
        }
    }

    /// The cell's time, or nil when it is in neither form.
    func date(_ cell: String) -> Date? { formatted.date(from: cell) ?? dateOnly.date(from: cell) }
}
