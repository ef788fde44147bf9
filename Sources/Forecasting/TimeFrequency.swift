import Foundation

/// A time series' frequency as Amazon Forecast writes it: an optional count and a unit, `Y`, `M`, `W`, `D`, `H` or
/// `min` ("3M" is quarterly, "15min" a quarter hour).
public struct TimeFrequency: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Codable { case year = "Y", month = "M", week = "W", day = "D", hour = "H", minute = "min" }

    public let count: Int
    public let unit: Unit

    /// Parses "D", "W", "M", "Y", "H", "30min", "3M", …; nil for anything else (AWS's allowed counts: minutes 1, 5,
    /// 10, 15, 30; hours, days, weeks, months up to 12, 24, 4 and 11).
    public init?(_ text: String) {
        guard let match = text.wholeMatch(of: /([0-9]*)(Y|M|W|D|H|min)/) else { return nil }
        let count = match.1.isEmpty ? 1 : Int(match.1) ?? 0
        let unit = Unit(rawValue: String(match.2))!
        let limits: [Unit: ClosedRange<Int>] = [.year: 1...1, .month: 1...11, .week: 1...4, .day: 1...6, .hour: 1...23, .minute: 1...59]
        guard limits[unit]!.contains(count), unit != .minute || [1, 5, 10, 15, 30].contains(count) else { return nil }
        self.count = count
        self.unit = unit
    }

    public var description: String { (count == 1 && unit != .minute ? "" : String(count)) + unit.rawValue }

    /// The length of the season models look for: a year of months or quarters, a week of days, a day of hours.
    public var seasonalPeriod: Int {
        switch unit {
        case .year: 1
        case .month: 12 % count == 0 ? 12 / count : 1
        case .week: 52 / count
        case .day: count == 1 ? 7 : 1
        case .hour: 24 % count == 0 ? 24 / count : 1
        case .minute: 24 * 60 / count
        }
    }

    /// A period's average length in seconds (calendar months and years vary around it).
    public var nominalLength: TimeInterval {
        let unitLength: Double
        switch unit {
        case .year: unitLength = 365.2425 * 86400
        case .month: unitLength = 30.436875 * 86400
        case .week: unitLength = 7 * 86400
        case .day: unitLength = 86400
        case .hour: unitLength = 3600
        case .minute: unitLength = 60
        }
        return unitLength * Double(count)
    }

    /// The first number of periods after `origin` that reaches `date` (0 when `date` is not later).
    public func steps(from origin: Date, to date: Date) -> Int {
        // Calendar months and years differ from their average length by less than two periods' worth.
        var steps = max(0, Int(date.timeIntervalSince(origin) / nominalLength) - 2)
        while advance(origin, by: steps) < date { steps += 1 }
        return steps
    }

    /// The start of the period `date` falls in (UTC): the year, the month (or the group of `count` months counted
    /// from January: "3M" periods start in January, April, July and October), the week from Monday, the day, or the
    /// hour or minute rounded down to a multiple of `count`; days and weeks counted in groups of `count` from
    /// 1970-01-05, a Monday.
    public func periodStart(of date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        switch unit {
        case .year:
            parts.month = 1
            parts.day = 1
            parts.hour = 0
            parts.minute = 0
        case .month:
            parts.month = ((parts.month! - 1) / count) * count + 1
            parts.day = 1
            parts.hour = 0
            parts.minute = 0
        case .week, .day:
            let dayLength = 86400.0
            let monday = Date(timeIntervalSince1970: 4 * dayLength)
            let days = Int((date.timeIntervalSince(monday) / dayLength).rounded(.down))
            let group = (unit == .week ? 7 : 1) * count
            let floored = days - ((days % group) + group) % group
            return monday.addingTimeInterval(Double(floored) * dayLength)
        case .hour:
            parts.hour = (parts.hour! / count) * count
            parts.minute = 0
        case .minute:
            parts.minute = (parts.minute! / count) * count
        }
        return calendar.date(from: parts)!
    }

    /// The time `steps` periods after `date` (calendar months and years in UTC).
    public func advance(_ date: Date, by steps: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let component: Calendar.Component
        var amount = count * steps
        switch unit {
        case .year: component = .year
        case .month: component = .month
        case .week:
            component = .day
            amount *= 7
        case .day: component = .day
        case .hour: component = .hour
        case .minute: component = .minute
        }
        return calendar.date(byAdding: component, value: amount, to: date)!
    }
}
