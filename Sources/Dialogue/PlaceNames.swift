import Foundation

/// The kinds of place a built-in slot type names.
public enum PlaceKind: Sendable {
    case city, country, state
}

/// Place names from Debian's data, by kind: countries (ISO 3166-1 names and common names, `iso-codes`), states and
/// provinces (ISO 3166-2 subdivisions of the United States, Canada, Australia and India), and the cities that name
/// time zones (`tzdata`: Europe/Lisbon → Lisbon), with, when given, a list of the world's cities
/// (`Scripts/fetch-city-names`). Names match without case or accents ("zurich" is Zürich). A city named like an
/// English word (`wamerican`'s words: "Nice", "Reading") is ambiguous: read anywhere only when written with a capital.
/// Read once; empty where the files are missing.
public struct PlaceNames: Sendable {
    private let names: [PlaceKind: [String: String]]
    /// Keys of cities whose names are also lowercase English words.
    private let ambiguousCities: Set<String>

    /// The names on this system (without the world's city list, which lives in the models folder).
    public static let system = PlaceNames(
        isoCodes: URL(fileURLWithPath: "/usr/share/iso-codes/json"),
        zones: URL(fileURLWithPath: "/usr/share/zoneinfo/tzdata.zi"))

    /// This system's names and the cities listed in `cities` (`name<TAB>country<TAB>population` lines).
    public static func system(cities: URL) -> PlaceNames {
        PlaceNames(
            isoCodes: URL(fileURLWithPath: "/usr/share/iso-codes/json"),
            zones: URL(fileURLWithPath: "/usr/share/zoneinfo/tzdata.zi"), cities: cities,
            words: URL(fileURLWithPath: "/usr/share/dict/words"))
    }

    /// Reads the iso-codes JSON folder, tzdata's compact zone file, and optionally a city list and a word list (one
    /// word a line).
    public init(isoCodes: URL, zones: URL, cities cityList: URL? = nil, words: URL? = nil) {
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
        if let cityList, let text = try? String(contentsOf: cityList, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                guard let name = line.split(separator: "\t").first.map(String.init), name.count > 1 else { continue }
                // The first of several places of one name wins (the list is sorted; the names are the same).
                let key = Self.key(name)
                if cities[key] == nil { cities[key] = name }
            }
        }
        var ambiguous: Set<String> = []
        if let words, let text = try? String(contentsOf: words, encoding: .utf8) {
            let lowercase = Set(text.split(separator: "\n").filter { $0.first?.isLowercase == true }.map(String.init))
            ambiguous = Set(cities.keys.filter { lowercase.contains($0) })
        }
        names = [.country: countries, .state: states, .city: cities]
        ambiguousCities = ambiguous
    }

    /// The listed name `words` (lowercased) spell, in its usual spelling, or `nil`.
    public func name(_ words: [String], kind: PlaceKind) -> String? {
        names[kind]?[Self.key(words.joined(separator: " "))]
    }

    /// Whether `words` (lowercased) name a city that is also an English word ("nice", "reading").
    public func isAmbiguous(_ words: [String], kind: PlaceKind) -> Bool {
        kind == .city && ambiguousCities.contains(Self.key(words.joined(separator: " ")))
    }

    /// A name's key: its words lowercased, without accents.
    private static func key(_ name: String) -> String {
        UtteranceTokens.split(name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil))
            .map(\.key).joined(separator: " ")
    }

    private static func entries(_ file: URL, key: String) -> [[String: String]] {
        guard let data = try? Data(contentsOf: file),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: [[String: String]]]
        else { return [] }
        return json[key] ?? []
    }
}
