import Foundation
import SibylCore

/// Checks SSML against the tags and attributes Polly accepts, and rewrites what eSpeak NG does not speak the way
/// Polly does (`<phoneme>`, several `<say-as>` kinds, Amazon's own tags) into what it does, keeping the map back
/// to the request's text.
struct SSMLRewriter {
    /// Whether the voice speaks English (ordinals and dates are spelled out for English only).
    let english: Bool

    private struct Tag {
        var name: String
        var attributes: [String: String]
        var isClosing: Bool
        var isSelfClosing: Bool
        var range: Range<Int>
    }

    static let allowedTags: Set<String> = [
        "speak", "break", "emphasis", "lang", "mark", "p", "phoneme", "prosody", "s", "say-as", "sub", "w",
        "amazon:effect", "amazon:domain", "amazon:breath", "amazon:auto-breaths",
    ]

    /// The rewritten SSML and whether it now holds eSpeak NG phoneme input.
    func rewrite(_ source: MappedText) throws -> (MappedText, Bool) {
        let scalars = source.scalars
        var output = MappedText(rewriting: source)
        var usesPhonemes = false
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<" else {
                output.append(from: source, index..<index + 1)
                index += 1
                continue
            }
            guard let tag = try readTag(scalars, at: index) else {  // <?xml …?>, comments: copied as they are
                let end = (index..<scalars.count).first { scalars[$0] == ">" }.map { $0 + 1 } ?? scalars.count
                output.append(from: source, index..<end)
                index = end
                continue
            }
            if !tag.isClosing { try validate(tag, in: scalars) }
            switch (tag.name, tag.isClosing) {
            case ("phoneme", false) where !tag.isSelfClosing:
                let close = try closingTag("phoneme", in: scalars, after: tag.range.upperBound)
                let ph = PhonemeTranscription.espeak(from: tag.attributes["ph"] ?? "", alphabet: tag.attributes["alphabet"] ?? "ipa")
                output.append("[[\(ph)]]", origin: source.originalOffset(tag.range.upperBound))
                usesPhonemes = true
                index = close.upperBound
            case ("say-as", false) where !tag.isSelfClosing:
                let close = try closingTag("say-as", in: scalars, after: tag.range.upperBound)
                let content = String(String.UnicodeScalarView(scalars[tag.range.upperBound..<close.lowerBound]))
                let origin = source.originalOffset(tag.range.upperBound)
                switch tag.attributes["interpret-as"] ?? "" {
                case "characters", "spell-out":
                    output.append("<say-as interpret-as=\"characters\">", origin: origin)
                    output.append(from: source, tag.range.upperBound..<close.lowerBound)
                    output.append("</say-as>", origin: origin)
                case "digits":
                    output.append(content.filter(\.isNumber).map(String.init).joined(separator: " "), origin: origin)
                case "telephone":
                    output.append(Self.telephone(content), origin: origin)
                case "ordinal" where english:
                    output.append(Self.englishOrdinal(content), origin: origin)
                case "date" where english:
                    output.append(Self.englishDate(content, format: tag.attributes["format"] ?? "mdy"), origin: origin)
                default:
                    output.append(from: source, tag.range.upperBound..<close.lowerBound)
                }
                index = close.upperBound
            case ("w", _), ("amazon:effect", _), ("amazon:domain", _), ("amazon:breath", _), ("amazon:auto-breaths", _):
                index = tag.range.upperBound  // spoken as plain text by eSpeak NG
            default:
                output.append(from: source, tag.range)
                index = tag.range.upperBound
            }
        }
        return (output, usesPhonemes)
    }

    // MARK: - Reading tags

    private func readTag(_ scalars: [Unicode.Scalar], at start: Int) throws -> Tag? {
        var index = start + 1
        guard index < scalars.count, scalars[index] != "?", scalars[index] != "!" else { return nil }
        let isClosing = scalars[index] == "/"
        if isClosing { index += 1 }
        var name = ""
        while index < scalars.count, !" \t\r\n/>".unicodeScalars.contains(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        var attributes: [String: String] = [:]
        while index < scalars.count, scalars[index] != ">" {
            if " \t\r\n/".unicodeScalars.contains(scalars[index]) {
                index += 1
                continue
            }
            var key = ""
            while index < scalars.count, !"= \t\r\n>".unicodeScalars.contains(scalars[index]) {
                key.unicodeScalars.append(scalars[index])
                index += 1
            }
            while index < scalars.count, " \t\r\n=".unicodeScalars.contains(scalars[index]) { index += 1 }
            guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else { break }
            let quote = scalars[index]
            index += 1
            var value = ""
            while index < scalars.count, scalars[index] != quote {
                value.unicodeScalars.append(scalars[index])
                index += 1
            }
            index += 1
            attributes[key] = value
        }
        let isSelfClosing = index > 0 && scalars[index - 1] == "/"
        return Tag(name: name, attributes: attributes, isClosing: isClosing, isSelfClosing: isSelfClosing,
                   range: start..<min(scalars.count, index + 1))
    }

    private func closingTag(_ name: String, in scalars: [Unicode.Scalar], after start: Int) throws -> Range<Int> {
        var index = start
        while index < scalars.count {
            if scalars[index] == "<", let tag = try readTag(scalars, at: index), tag.name == name, tag.isClosing {
                return tag.range
            }
            index += 1
        }
        throw invalid("<\(name)> is not closed", at: start, in: scalars)
    }

    // MARK: - Validation

    private func validate(_ tag: Tag, in scalars: [Unicode.Scalar]) throws {
        func fail(_ message: String) -> ServiceError { invalid(message, at: tag.range.lowerBound, in: scalars) }
        guard Self.allowedTags.contains(tag.name) else { throw fail("unsupported tag <\(tag.name)>") }
        let value = tag.attributes
        switch tag.name {
        case "break":
            if let time = value["time"] {
                guard let milliseconds = Self.milliseconds(time), milliseconds <= 10_000 else {
                    throw fail("<break time=\"\(time)\"> must be a duration such as 500ms or 2s, at most 10s")
                }
            }
            if let strength = value["strength"],
                !["none", "x-weak", "weak", "medium", "strong", "x-strong"].contains(strength)
            {
                throw fail("<break strength=\"\(strength)\"> is not a valid strength")
            }
        case "emphasis":
            if let level = value["level"], !["strong", "moderate", "reduced", "none"].contains(level) {
                throw fail("<emphasis level=\"\(level)\"> is not a valid level")
            }
        case "say-as":
            let kinds = ["characters", "spell-out", "cardinal", "number", "ordinal", "digits", "fraction", "unit",
                         "date", "time", "address", "expletive", "telephone"]
            guard let kind = value["interpret-as"], kinds.contains(kind) else {
                throw fail("<say-as> needs interpret-as, one of \(kinds.joined(separator: ", "))")
            }
        case "phoneme":
            guard let alphabet = value["alphabet"], ["ipa", "x-sampa"].contains(alphabet), value["ph"] != nil else {
                throw fail("<phoneme> needs alphabet=\"ipa\" or \"x-sampa\" and a ph attribute")
            }
        case "sub":
            guard value["alias"] != nil else { throw fail("<sub> needs an alias attribute") }
        case "mark":
            guard let name = value["name"], !name.isEmpty else { throw fail("<mark> needs a name attribute") }
        case "lang":
            guard value["xml:lang"] != nil else { throw fail("<lang> needs an xml:lang attribute") }
        case "prosody":
            guard !value.isEmpty else { throw fail("<prosody> needs rate, pitch or volume") }
        default:
            break
        }
    }

    private func invalid(_ message: String, at offset: Int, in scalars: [Unicode.Scalar]) -> ServiceError {
        var line = 1
        var column = 1
        for scalar in scalars[..<min(offset, scalars.count)] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return ServiceError(
            code: "InvalidSsmlException", message: "Invalid SSML request at line \(line), column \(column): \(message)")
    }

    static func milliseconds(_ text: String) -> Int? {
        if text.hasSuffix("ms") { return Int(text.dropLast(2)) }
        if text.hasSuffix("s") { return Double(text.dropLast()).map { Int($0 * 1000) } }
        return nil
    }

    // MARK: - Say-as

    static func telephone(_ text: String) -> String {
        text.map { $0.isNumber ? String($0) : ($0 == "+" ? "plus" : ",") }.joined(separator: " ")
    }

    static func englishOrdinal(_ text: String) -> String {
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else { return text }
        let suffix =
            switch (number % 100, number % 10) {
            case (11...13, _): "th"
            case (_, 1): "st"
            case (_, 2): "nd"
            case (_, 3): "rd"
            default: "th"
            }
        return "\(number)\(suffix)"
    }

    static func englishDate(_ text: String, format: String) -> String {
        let parts = text.split(whereSeparator: { "/-. ".contains($0) }).compactMap { Int($0) }
        guard parts.count == format.count, !format.isEmpty else { return text }
        var day: Int?
        var month: Int?
        var year: Int?
        for (letter, value) in zip(format, parts) {
            switch letter {
            case "d": day = value
            case "m": month = value
            case "y": year = value
            default: return text
            }
        }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        var words: [String] = []
        if let month {
            guard (1...12).contains(month) else { return text }
            words.append(months[month - 1])
        }
        if let day { words.append(englishOrdinal(String(day)) + (year != nil ? "," : "")) }
        if let year { words.append(String(year)) }
        return words.joined(separator: " ")
    }
}
