import Foundation

/// Reads a target time series CSV as Forecast expects it: no header, one observation a row, columns in the schema's
/// order; every bad row is reported by number.
struct DatasetCSVReader {
    let attributes: [SchemaAttribute]
    /// The numeric fields read: the target's value field, or a related dataset's fields.
    let valueFields: [String]
    let timestampFormat: String

    init(attributes: [SchemaAttribute], targetField: String, timestampFormat: String) {
        self.init(attributes: attributes, valueFields: [targetField], timestampFormat: timestampFormat)
    }

    init(attributes: [SchemaAttribute], valueFields: [String], timestampFormat: String) {
        self.attributes = attributes
        self.valueFields = valueFields
        self.timestampFormat = timestampFormat
    }

    /// A finite number written in decimal (with an exponent or not); nil for anything else, hexadecimal included
    /// (which `Double(_:)` would read).
    static func decimal(_ cell: String) -> Double? {
        guard !cell.contains(where: { $0 == "x" || $0 == "X" }), let number = Double(cell), number.isFinite else {
            return nil
        }
        return number
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Per series (`SeriesKey.encoded`: the item and its values of the schema's other string attributes, the
    /// dimensions), the target's observations sorted by time.
    func read(_ text: String) throws(Failure) -> [String: [Observation]] {
        try readRows(text).mapValues { rows in rows.map { Observation(time: $0.time, value: $0.values[0]) } }
    }

    /// Per series, each row's values of `valueFields`, sorted by time.
    func readRows(_ text: String) throws(Failure) -> [String: [RelatedRow]] {
        let names = attributes.map { $0.AttributeName ?? "" }
        let dimensionColumns = attributes.indices.filter {
            attributes[$0].AttributeType == "string" && !(["item_id", "timestamp"] + valueFields).contains(names[$0])
        }
        let valueColumns = valueFields.compactMap { names.firstIndex(of: $0) }
        guard let itemColumn = names.firstIndex(of: "item_id"), let timeColumn = names.firstIndex(of: "timestamp"),
            valueColumns.count == valueFields.count, !valueFields.isEmpty
        else {
            throw Failure(
                description: "The dataset's schema has no item_id, timestamp or \(valueFields.joined(separator: ", ")) attribute.")
        }
        let timestamps = ImportTimestamps(format: timestampFormat)
        var items: [String: [RelatedRow]] = [:]
        var problems: [String] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let row = index + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = Self.cells(String(line))
            guard cells.count == names.count else {
                problems.append("row \(row): \(cells.count) columns where the schema has \(names.count)")
                continue
            }
            let item = cells[itemColumn]
            guard !item.isEmpty else {
                problems.append("row \(row): empty item_id")
                continue
            }
            guard let time = timestamps.date(cells[timeColumn]) else {
                problems.append("row \(row): timestamp '\(cells[timeColumn])' does not match \(timestampFormat)")
                continue
            }
            var values: [Double?] = []
            for (field, column) in zip(valueFields, valueColumns) {
                let cell = cells[column]
                if cell.isEmpty || cell.lowercased() == "nan" {
                    values.append(nil)
                } else if let number = Self.decimal(cell) {
                    guard attributes[column].AttributeType != "integer" || number == number.rounded() else {
                        problems.append("row \(row): \(field) '\(cell)' is not an integer, as the schema says")
                        break
                    }
                    values.append(number)
                } else {
                    problems.append("row \(row): \(field) '\(cell)' is not a number")
                    break
                }
            }
            guard values.count == valueFields.count else { continue }
            guard !dimensionColumns.contains(where: { cells[$0].contains("\u{1F}") }), !item.contains("\u{1F}") else {
                problems.append("row \(row): a control character (U+001F) in an identifier")
                continue
            }
            let key = SeriesKey(item: item, dimensions: Dictionary(dimensionColumns.map { (names[$0], cells[$0]) }) { first, _ in first })
            items[key.encoded, default: []].append(RelatedRow(time: time, values: values))
        }
        if !problems.isEmpty {
            let shown = problems.prefix(5).joined(separator: "; ")
            throw Failure(description: "\(problems.count) rows could not be imported: \(shown)\(problems.count > 5 ? "; …" : "")")
        }
        guard !items.isEmpty else { throw Failure(description: "The file holds no rows.") }
        return items.mapValues { $0.sorted { $0.time < $1.time } }
    }

    /// The cells of one CSV line (double-quoted cells may hold commas and "" for a quote).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }
}
