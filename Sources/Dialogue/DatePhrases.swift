import Foundation

/// Dates said the way people say them, resolved against a reference day as Lex resolves AMAZON.Date:
/// "today", "tomorrow", "the day after tomorrow", "friday", "next friday", "the 3rd", "march 5th", "5 march 2027",
/// "2027-03-05", "3/5/2027", "in 3 days", "this week" / "next week" (ISO weeks such as `2026-W49`).
public struct DatePhrases: Sendable {
    /// The day relative phrases count from.
    public var today: Date
    /// The calendar (Gregorian) whose time zone decides what "today" is.
    public var calendar: Calendar

    /// Resolves against `today` in `timeZone`.
    public init(today: Date = Date(), timeZone: TimeZone = .current) {
        self.today = today
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        self.calendar = calendar
    }

    /// The date `words` (lowercased) say as `yyyy-MM-dd` (or an ISO week), or `nil`.
    public func value(of words: [String]) -> String? {
        var words = words
        if words.first == "on" || words.first == "for" { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        let phrase = words.joined(separator: " ")
        switch phrase {
        case "today", "tonight", "this evening": return format(offset(days: 0))
        case "tomorrow": return format(offset(days: 1))
        case "yesterday": return format(offset(days: -1))
        case "the day after tomorrow", "day after tomorrow": return format(offset(days: 2))
        case "this week": return week(offset: 0)
        case "next week": return week(offset: 1)
        case "last week": return week(offset: -1)
        default: break
        }
        if words.count == 1, let iso = isoDate(words[0]) { return iso }
        if words.count == 1, let slashed = slashDate(words[0]) { return slashed }
        if let weekday = weekdayDate(words) { return weekday }
        if let relative = relativeDate(words) { return relative }
        return calendarDate(words)
    }

    // MARK: - Forms

    private func weekdayDate(_ words: [String]) -> String? {
        var rest = words[...]
        var weeksAhead = 0
        if rest.first == "this" || rest.first == "coming" || rest.first == "the" { rest = rest.dropFirst() }
        if rest.first == "next" {
            weeksAhead = 1
            rest = rest.dropFirst()
        }
        guard rest.count == 1, let weekday = Self.weekdays[rest.first!] else { return nil }
        let current = calendar.component(.weekday, from: today)
        var ahead = (weekday - current + 7) % 7
        if ahead == 0 { ahead = 7 }
        // "next friday" said on a Tuesday means the Friday of next week, as Lex reads it.
        if weeksAhead == 1, ahead < 7, daysLeftInWeek() >= ahead { ahead += 7 }
        return format(offset(days: ahead))
    }

    private func relativeDate(_ words: [String]) -> String? {
        guard words.count >= 3, words[0] == "in" else { return nil }
        let unit = words.last!
        guard let count = NumberPhrases.spelledValue(of: Array(words[1..<(words.count - 1)])) else { return nil }
        switch unit {
        case "day", "days": return format(offset(days: count))
        case "week", "weeks": return format(offset(days: 7 * count))
        case "month", "months": return calendar.date(byAdding: .month, value: count, to: today).map(format)
        case "year", "years": return calendar.date(byAdding: .year, value: count, to: today).map(format)
        default: return nil
        }
    }

    /// "the 3rd", "march 5th", "5th of march", "march 5 2027", "5 march".
    private func calendarDate(_ words: [String]) -> String? {
        var day: Int?
        var month: Int?
        var year: Int?
        for word in words where !["the", "of", "on"].contains(word) {
            let cleaned = word.hasSuffix(",") ? String(word.dropLast()) : word
            if let named = Self.months[cleaned], month == nil {
                month = named
            } else if let ordinal = NumberPhrases.ordinal(cleaned), day == nil, (1...31).contains(ordinal) {
                day = ordinal
            } else if let number = Int(cleaned) {
                if number >= 1000, year == nil {
                    year = number
                } else if (1...31).contains(number), day == nil {
                    day = number
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
        guard let day else { return nil }
        // A number alone is a count more often than a day: "4" is a date only as "the 4th", "the 4" or "4th".
        if month == nil, words.count == 1, Int(words[0]) != nil { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: today)
        if let month {
            var resolvedYear = year ?? parts.year!
            if year == nil, (month, day) < (parts.month!, parts.day!) { resolvedYear += 1 }
            return validDate(year: resolvedYear, month: month, day: day)
        }
        guard year == nil else { return nil }
        // "the 3rd": this month's if it is still ahead, else next month's.
        var resolvedMonth = parts.month!
        var resolvedYear = parts.year!
        if day < parts.day! {
            resolvedMonth += 1
            if resolvedMonth == 13 {
                resolvedMonth = 1
                resolvedYear += 1
            }
        }
        return validDate(year: resolvedYear, month: resolvedMonth, day: day)
    }

    private func isoDate(_ word: String) -> String? {
        let parts = word.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, word.count == 10 else { return nil }
        return validDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `12/25` or `12/25/2027` (month first, as US English Lex reads it).
    private func slashDate(_ word: String) -> String? {
        let parts = word.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.count == word.split(separator: "/").count else { return nil }
        let today = calendar.dateComponents([.year, .month, .day], from: self.today)
        var year = parts.count == 3 ? parts[2] : today.year!
        if year < 100 { year += 2000 }
        if parts.count == 2, (parts[0], parts[1]) < (today.month!, today.day!) { year += 1 }
        return validDate(year: year, month: parts[0], day: parts[1])
    }

    // MARK: - Calendar arithmetic

    private func offset(days: Int) -> Date { calendar.date(byAdding: .day, value: days, to: today)! }

    private func daysLeftInWeek() -> Int {
        let weekday = calendar.component(.weekday, from: today)
        return (8 - weekday) % 7
    }

    private func week(offset weeks: Int) -> String {
        var iso = calendar
        iso.minimumDaysInFirstWeek = 4
        let isoParts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: offset(days: 7 * weeks))
        return String(format: "%04d-W%02d", isoParts.yearForWeekOfYear!, isoParts.weekOfYear!)
    }

    private func validDate(year: Int, month: Int, day: Int) -> String? {
        let components = DateComponents(year: year, month: month, day: day)
        guard (1...12).contains(month), let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day
        else { return nil }
        return format(date)
    }

    private func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static let weekdays: [String: Int] = [
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
    ]
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
}
