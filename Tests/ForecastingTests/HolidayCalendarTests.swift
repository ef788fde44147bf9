import Foundation
import Testing

@testable import Forecasting

@Suite struct HolidayCalendarTests {
    /// A calendar folder holding `XY.tsv` with the given lines.
    func folder(_ lines: [String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("holidays-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(lines.joined(separator: "\n").utf8).write(to: directory.appendingPathComponent("XY.tsv"))
        return directory
    }

    func date(_ text: String) -> Date { try! Date(text + "T00:00:00Z", strategy: .iso8601) }

    let lines = [
        "2023-12-25\tChristmas Day", "2024-01-01\tNew Year's Day", "2024-03-29\tGood Friday", "2024-04-01\tEaster Monday",
        "2024-12-25\tChristmas Day",
    ]

    @Test func dailyStepsAreMarkedOnTheirHolidaysOnly() throws {
        let calendar = try HolidayCalendar(country: "XY", directory: try folder(lines))
        let features = calendar.features(first: date("2023-12-24"), steps: 10, known: 10, frequency: TimeFrequency("D")!)
        #expect(features.names == ["Christmas Day", "New Year's Day"])
        #expect(features.rows.map { $0[0] } == [0, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(features.rows.map { $0[1] } == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
    }

    @Test func monthsCountTheirHolidayDaysSoEasterMoves() throws {
        let calendar = try HolidayCalendar(country: "XY", directory: try folder(lines))
        let features = calendar.features(first: date("2023-12-01"), steps: 13, known: 13, frequency: TimeFrequency("M")!)
        #expect(features.names == ["Christmas Day", "New Year's Day", "Good Friday", "Easter Monday"])
        #expect(features.rows[0] == [1, 0, 0, 0])
        #expect(features.rows[1] == [0, 1, 0, 0])
        #expect(features.rows[3] == [0, 0, 1, 0])  // March 2024: Good Friday
        #expect(features.rows[4] == [0, 0, 0, 1])  // April 2024: Easter Monday
        #expect(features.rows[12] == [1, 0, 0, 0])
    }

    @Test func everyHourOfAHolidayIsMarkedAndUnseenHolidaysAreLeftOut() throws {
        let calendar = try HolidayCalendar(country: "XY", directory: try folder(lines))
        // From 6 pm on Christmas Eve, 54 hours: Christmas Day is hours 6 to 29.
        let hourly = calendar.features(first: date("2023-12-24").addingTimeInterval(18 * 3600), steps: 54, known: 30,
                                       frequency: TimeFrequency("H")!)
        #expect(hourly.names == ["Christmas Day"])
        #expect(hourly.rows.map { $0[0] }.reduce(0, +) == 24)
        #expect(hourly.rows[5][0] == 0 && hourly.rows[6][0] == 1 && hourly.rows[29][0] == 1 && hourly.rows[30][0] == 0)
        let weekly = calendar.features(first: date("2023-12-18"), steps: 4, known: 2, frequency: TimeFrequency("W")!)
        // New Year's Day falls in the third week, after the two weeks of history: it cannot be estimated, so it is left out.
        #expect(weekly.names == ["Christmas Day"])
    }

    @Test func fineGrainedGridsOverYearsAreKeptAsMarks() throws {
        let calendar = try HolidayCalendar(country: "XY", directory: try folder(lines))
        // Five-minute steps over 2023 and 2024: 210,528 steps; Christmas 2023, New Year's Day, Good Friday, Easter
        // Monday and Christmas 2024 each mark the day's 288 steps.
        let steps = 731 * 288
        let features = calendar.features(
            first: date("2023-01-01"), steps: steps, known: steps, frequency: TimeFrequency("5min")!)
        #expect(features.marks.count == 5 * 288 && features.steps == steps)
        #expect(features.totals.reduce(0, +) == Double(5 * 288))
        let christmas = 358 * 288  // 2023-12-25 00:00 is step 358 × 288
        #expect(features.totals[christmas] == 1 && features.totals[christmas - 1] == 0)
        let recent = features.droppingFirst(christmas + 288)
        #expect(recent.steps == steps - christmas - 288 && recent.marks.count == 4 * 288)
        #expect(recent.rows[6 * 288] == [0, 1, 0, 0])  // 2024-01-01: six days after 26 December, the new step 0
    }

    @Test func unknownCountriesAndMalformedLinesAreNamed() throws {
        let directory = try folder(["2024-01-01 New Year's Day"])
        #expect(throws: HolidayCalendar.Failure.unknownCountry("ZZ")) {
            try HolidayCalendar(country: "ZZ", directory: directory)
        }
        #expect(throws: HolidayCalendar.Failure.malformed("XY.tsv", line: 1)) {
            try HolidayCalendar(country: "XY", directory: directory)
        }
        #expect(HolidayCalendar.countries(in: directory) == ["XY"])
    }

    @Test func theProphetLikeModelLearnsAHolidayEffectAndForecastsIt() throws {
        // 200 days: level 50, 30 more on every tenth day (the "holiday"), which continues into the horizon.
        let holiday = (0..<220).map { [$0 % 10 == 3 ? 1.0 : 0] }
        let values = (0..<200).map { 50 + 30 * holiday[$0][0] + sin(Double($0)) }
        let fit = try #require(ProphetLikeFit.fit(values, period: 7, regressors: holiday))
        let forecast = fit.forecast(horizon: 20)
        #expect(abs(forecast[3] - forecast[4] - 30) < 3)  // step 203 is a holiday
        #expect(abs(forecast[13] - forecast[12] - 30) < 3)
        let plain = try #require(ProphetLikeFit.fit(values, period: 7)).forecast(horizon: 20)
        #expect(abs(plain[3] - plain[4]) < 10)
    }
}
