import SibylCore

/// Amazon Forecast's input rules, answered as `InvalidInputException` as Forecast answers them.
enum ForecastLimits {
    static let domains = ["RETAIL", "CUSTOM", "INVENTORY_PLANNING", "EC2_CAPACITY", "WORK_FORCE", "WEB_TRAFFIC", "METRICS"]

    static func invalid(_ message: String) -> ServiceError { ServiceError(code: "InvalidInputException", message: message) }

    static func checkName(_ name: String, member: String) throws {
        guard (1...63).contains(name.count), name.wholeMatch(of: /[a-zA-Z][a-zA-Z0-9_]*/) != nil else {
            throw ServiceError.constraint(
                member: member, value: name,
                "Member must satisfy regular expression pattern: ^[a-zA-Z][a-zA-Z0-9_]* and have length 1 to 63")
        }
    }

    static func checkDomain(_ domain: String) throws {
        guard domains.contains(domain) else {
            throw ServiceError.constraint(
                member: "domain", value: domain, "Member must satisfy enum value set: [\(domains.joined(separator: ", "))]")
        }
    }

    /// Quantiles "0.01" to "0.99" in steps of 0.01 (the model's pattern `^0?\.\d\d?$`: ".5" too) or "mean"; at
    /// most 20 (the model's limit), or `atMost` (CreateForecast's documented 5).
    static func checkForecastTypes(_ types: [String], atMost limit: Int = 20) throws {
        guard (1...limit).contains(types.count) else { throw invalid("ForecastTypes must hold 1 to \(limit) values.") }
        // "0.1" and "0.10" name the same quantile (both answer as p10): each may appear once.
        let keys = types.map(predictionKey)
        guard Set(keys).count == keys.count else { throw invalid("ForecastTypes must not name a forecast type twice.") }
        for type in types where type != "mean" {
            guard let value = Double(type), value >= 0.01, type.wholeMatch(of: /0?\.[0-9]{1,2}/) != nil else {
                throw invalid(
                    "Forecast type \(type) is not valid: use quantiles from 0.01 to 0.99 in steps of 0.01, or mean.")
            }
        }
    }

    /// The key QueryForecast answers a forecast type under: "0.1" → "p10", "0.05" → "p5", "mean" → "mean".
    static func predictionKey(_ type: String) -> String {
        guard type != "mean", let value = Double(type) else { return type }
        let percent = value * 100
        return "p" + (percent == percent.rounded() ? String(Int(percent.rounded())) : String(percent))
    }
}
