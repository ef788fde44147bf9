import Foundation

/// Names of places from Debian's data: countries (ISO 3166-1 names, common and official names, from
/// `iso-codes`), the states and provinces of ISO 3166-2 for the United States, Canada, Australia and India, and
/// the cities that name time zones (`tzdata`: Europe/London → London, America/New_York → New York).
public struct PlaceGazetteer: Sendable {
    /// Names as token sequences, keyed by their first token.
    private let names: [String: [[String]]]

    /// The longest name, in tokens.
    private let longest: Int

    /// The number of names.
    public var count: Int { names.values.reduce(0) { $0 + $1.count } }

    /// Creates a gazetteer from names.
    public init(names: some Sequence<String>, tokenizer: Tokenizer = Tokenizer(language: "en")) {
        var index: [String: [[String]]] = [:]
        var longest = 0
        // One tokenizer pass over all names, one per line, is far faster than one pass per name.
        let lines = Array(Set(names.filter { !$0.contains("\n") })).sorted()
        var lineStarts: [Int] = []
        var offset = 0
        for line in lines {
            lineStarts.append(offset)
            offset += line.unicodeScalars.count + 1
        }
        var tokensOfLine = [[String]](repeating: [], count: lines.count)
        var line = 0
        for token in tokenizer.tokens(lines.joined(separator: "\n")) {
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= token.begin { line += 1 }
            tokensOfLine[line].append(token.text)
        }
        for tokens in tokensOfLine {
            guard let first = tokens.first, first.first?.isUppercase == true else { continue }
            index[first, default: []].append(tokens)
            longest = max(longest, tokens.count)
        }
        self.names = index.mapValues { $0.sorted { $0.count > $1.count } }
        self.longest = longest
    }

    /// The gazetteer from the system's iso-codes and tzdata files (empty parts where a file is missing).
    public static func system(
        isoCodes: URL = URL(fileURLWithPath: "/usr/share/iso-codes/json"),
        zoneNames: URL = URL(fileURLWithPath: "/usr/share/zoneinfo/tzdata.zi")
    ) -> PlaceGazetteer {
        var names: [String] = []
        if let data = try? Data(contentsOf: isoCodes.appendingPathComponent("iso_3166-1.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: [[String: String]]]
        {
            for country in json["3166-1"] ?? [] {
                names += ["name", "common_name", "official_name"].compactMap { country[$0] }
                    .filter { !$0.contains(",") }
            }
        }
        if let data = try? Data(contentsOf: isoCodes.appendingPathComponent("iso_3166-2.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: [[String: String]]]
        {
            let countries = ["US-", "CA-", "AU-", "IN-"]
            for subdivision in json["3166-2"] ?? [] where countries.contains(where: { subdivision["code"]?.hasPrefix($0) == true }) {
                if let name = subdivision["name"], !name.contains("(") { names.append(name) }
            }
        }
        if let zones = try? String(contentsOf: zoneNames, encoding: .utf8) {
            for line in zones.split(separator: "\n") where line.hasPrefix("Z ") || line.hasPrefix("L ") {
                let fields = line.split(separator: " ")
                for field in fields.dropFirst() where field.contains("/") {
                    let city = field.split(separator: "/").last!.replacingOccurrences(of: "_", with: " ")
                    if city.first?.isUppercase == true, city.count > 2, !city.contains(where: \.isNumber),
                        !["GMT", "UTC", "UCT", "Zulu", "Universal", "Greenwich", "General"].contains(city)
                    {
                        names.append(city)
                    }
                }
            }
        }
        return PlaceGazetteer(names: names)
    }

    /// The place names among tokens, as index ranges, longest first at each position, not overlapping.
    public func matches(_ words: [String]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < words.count {
            if let candidates = names[words[index]],
                let name = candidates.first(where: { $0.count <= words.count - index && Array(words[index..<index + $0.count]) == $0 })
            {
                found.append(index..<index + name.count)
                index += name.count
            } else {
                index += 1
            }
        }
        return found
    }
}
