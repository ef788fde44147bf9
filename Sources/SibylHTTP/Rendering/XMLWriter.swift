/// Builds the small XML documents S3 answers with, escaping text as XML 1.0 requires.
struct XMLWriter {
    private(set) var document = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"

    mutating func open(_ name: String, namespace: String? = nil) {
        document += namespace.map { "<\(name) xmlns=\"\($0)\">" } ?? "<\(name)>"
    }

    mutating func close(_ name: String) {
        document += "</\(name)>"
    }

    mutating func text(_ text: String) {
        document += Self.escape(text)
    }

    mutating func element(_ name: String, _ text: String) {
        document += "<\(name)>\(Self.escape(text))</\(name)>"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\r": escaped += "&#13;"
            case "\n": escaped += "&#10;"
            default:
                if scalar.value < 0x20, scalar != "\t" {
                    escaped += "&#\(scalar.value);"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
