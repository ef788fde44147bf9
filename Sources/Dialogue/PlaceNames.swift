import Foundation

/// The kinds of place a built-in slot type names.
public enum PlaceKind: Sendable {
    case city, country, state
}

/// Place names from Debian's data, by kind: countries (ISO 3166-1 names and common names, `iso-codes`), states and
/// provinces (ISO 3166-2 subdivisions of the United States, Canada, Australia and India), and the cities that name
/// time zones (`tzdata`: Europe/Lisbon → Lisbon). Read once; empty where the files are missing.
public struct PlaceNames: Sendable {
    private let names: [PlaceKind: [String: String]]

    /// The names on this system.
    public static let system = PlaceNames(
        isoCodes: URL(fileURLWithPath: "/usr/share/iso-codes/json"),
        zones: URL(fileURLWithPath: "/usr/share/zoneinfo/tzdata.zi"))

    /// Reads the iso-codes JSON folder and tzdata's compact zone file.
    public init(isoCodes: URL, zones: URL) {
        var countries: [String: String] = [:]
        var states: [String: String] = [:]
        var cities: [String: String] = [:]
        for country in Self.entries(isoCodes.appendingPathComponent("iso_3166-1.json"), key: "3166-1") {
            for field in ["name", "common_name"] {
                if let name = country[field], !name.contains(",") { countries[Self.key(name)] = name }
            }
        }
        for subdivision in Self.entries(isoCodes.appendingPathComponent("iso_3166-2.json"), key: "3166-2")
        where ["US-", "CA-", "AU-", "IN-"].contains(where: { subdivision["code"]?.hasPrefix($0) == true }) {
            if let name = subdivision["name"], !name.contains("(") { states[Self.key(name)] = name }
        }
        let lines = (try? String(contentsOf: zones, encoding: .utf8))?.split(separator: "\n") ?? []
        for line in lines where line.hasPrefix("Z ") || line.hasPrefix("L ") {
            for field in line.split(separator: " ").dropFirst() where field.contains("/") {
                let city = field.split(separator: "/").last!.replacingOccurrences(of: "_", with: " ")
                if city.count > 2, city.first?.isUppercase == true, !city.contains(where: \.isNumber),
                    !["GMT", "UTC", "UCT", "Zulu", "Universal", "Greenwich", "General"].contains(city)
                {
                    cities[Self.key(city)] = city
                }
            }
        }
        names = [.country: countries, .state: states, .city: cities]
    }

    /// The listed name `words` (lowercased) spell, in its usual spelling, or `nil`.
    public func name(_ words: [String], kind: PlaceKind) -> String? {
        names[kind]?[words.joined(separator: " ")]
    }

    private static func key(_ name: String) -> String {
        UtteranceTokens.split(name).map(\.key).joined(separator: " ")
    }

    private static func entries(_ file: URL, key: String) -> [[String: String]] {
        guard let data = try? Data(contentsOf: file),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: [[String: String]]]
        else { return [] }
        return json[key] ?? []
    }
}
