import Foundation
import Forecasting
import SibylCore

/// Forecast's built-in holiday featurization as requests ask for it (CreatePredictor's `SupplementaryFeatures`,
/// CreateAutoPredictor's `AdditionalDatasets`), checked against the installed calendars. The Prophet-like model reads
/// each holiday as a regressor and DeepAR+ the number of holiday days per step; ARIMA, ETS and NPTS take no
/// regressors, as in Forecast. The Weather Index needs Amazon's weather data and is refused.
enum HolidayFeaturization {
    /// The country of a CreatePredictor's supplementary features, nil when they name no holiday calendar.
    static func country(_ features: [SupplementaryFeature]?, calendars: URL?) throws -> String? {
        try country(
            features?.map { feature in (feature.Name, { feature.Value }) }, member: "SupplementaryFeature",
            calendars: calendars)
    }

    /// The country of a CreateAutoPredictor's additional datasets (`{"CountryCode": ["US"]}`), nil without one.
    static func country(_ datasets: [AdditionalDataset]?, calendars: URL?) throws -> String? {
        try country(
            datasets?.map { dataset in
                (
                    dataset.Name,
                    {
                        let configuration = dataset.Configuration ?? [:]
                        guard Set(configuration.keys) == ["CountryCode"], let codes = configuration["CountryCode"],
                            codes.count == 1
                        else {
                            throw ForecastLimits.invalid(
                                "The holiday dataset's Configuration must be {\"CountryCode\": [one two-letter country code]}.")
                        }
                        return codes[0]
                    }
                )
            }, member: "AdditionalDataset", calendars: calendars)
    }

    /// The holiday country among 1 or 2 named entries (`holiday` with its country code, or `weather`).
    private static func country(
        _ entries: [(name: String, code: () throws -> String)]?, member: String, calendars: URL?
    ) throws -> String? {
        guard let entries else { return nil }
        guard (1...2).contains(entries.count) else {
            throw ForecastLimits.invalid("\(member)s take 1 or 2 entries (holiday, weather).")
        }
        var country: String?
        for entry in entries {
            switch entry.name {
            case "holiday":
                guard country == nil else { throw ForecastLimits.invalid("\(member)s name holiday twice.") }
                country = try checked(try entry.code(), calendars: calendars)
            case "weather": throw weatherRefused
            default: throw ForecastLimits.invalid("\(member) \(entry.name) is not valid: holiday or weather.")
            }
        }
        return country
    }

    /// Holidays apply to forecast frequencies from 5 minutes to 1 month, as in Forecast.
    static func checkFrequency(_ frequency: TimeFrequency) throws {
        let shortest = TimeFrequency("5min")!.nominalLength
        let longest = TimeFrequency("M")!.nominalLength
        guard (shortest...longest).contains(frequency.nominalLength) else {
            throw ForecastLimits.invalid(
                "The holiday featurization takes forecast frequencies from 5min to 1M, not \(frequency).")
        }
    }

    /// The country's calendar, for training (a calendar gone since the predictor was created fails the training).
    static func calendar(_ country: String, calendars: URL?) throws -> HolidayCalendar {
        guard let calendars else { throw WorkFailure(notInstalled) }
        do {
            return try HolidayCalendar(country: country, directory: calendars)
        } catch {
            throw WorkFailure("The holiday calendar of \(country) cannot be read: \(error).")
        }
    }

    private static func checked(_ code: String, calendars: URL?) throws -> String {
        let countries = calendars.map(HolidayCalendar.countries(in:)) ?? []
        guard !countries.isEmpty else { throw ServiceError(code: "InvalidInputException", message: notInstalled) }
        guard countries.contains(code) else {
            throw ForecastLimits.invalid(
                "Holiday country code \(code) is not supported: give one of the \(countries.count) two-letter codes with a calendar (e.g. US, DE, JP).")
        }
        return code
    }

    private static let notInstalled =
        "The holiday calendars are not installed on this server (Scripts/setup generates them into Models/holidays)."

    private static var weatherRefused: ServiceError {
        ForecastLimits.invalid(
            "The Weather Index needs Amazon's weather data, which this server does not have; only the holiday featurization is available.")
    }
}
