import Foundation

/// An ITEM_METADATA dataset's rows: per item_id, its values of `fields` as written (categories, or numbers for the
/// `numeric` fields).
struct StoredItemMetadata: Codable, Sendable {
    var fields: [String]
    var numeric: [Bool]
    var items: [String: [String]]

    /// Reads the CSV (no header, columns in the schema's order); every bad row is reported by number.
    init(csv text: String, attributes: [SchemaAttribute]) throws(DatasetCSVReader.Failure) {
        let names = attributes.map { $0.AttributeName ?? "" }
        guard let itemColumn = names.firstIndex(of: "item_id") else {
            throw DatasetCSVReader.Failure(description: "The dataset's schema has no item_id attribute.")
        }
        let columns = names.indices.filter { $0 != itemColumn }
        fields = columns.map { names[$0] }
        numeric = columns.map { ["integer", "float"].contains(attributes[$0].AttributeType ?? "") }
        var items: [String: [String]] = [:]
        var problems: [String] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = DatasetCSVReader.cells(String(line))
            guard cells.count == names.count else {
                problems.append("row \(index + 1): \(cells.count) columns where the schema has \(names.count)")
                continue
            }
            guard !cells[itemColumn].isEmpty else {
                problems.append("row \(index + 1): empty item_id")
                continue
            }
            let values = columns.map { cells[$0] }
            if let bad = zip(values, numeric).first(where: { value, isNumber in isNumber && !value.isEmpty && Double(value)?.isFinite != true }) {
                problems.append("row \(index + 1): '\(bad.0)' is not a number")
                continue
            }
            items[cells[itemColumn]] = values
        }
        if !problems.isEmpty {
            let shown = problems.prefix(5).joined(separator: "; ")
            throw DatasetCSVReader.Failure(
                description: "\(problems.count) rows could not be imported: \(shown)\(problems.count > 5 ? "; …" : "")")
        }
        guard !items.isEmpty else { throw DatasetCSVReader.Failure(description: "The file holds no rows.") }
        self.items = items
    }

    /// The static features DeepAR+ reads for each item: per categorical field, one input per category (the 20 most
    /// frequent, and one for all others: an embedding learned in the network's first layer), per numeric field its
    /// value standardised over the items. An item without metadata reads zeros.
    func encoded() -> [String: [Double]] {
        var encoders: [(String) -> [Double]] = []
        for (field, isNumber) in numeric.enumerated() {
            let column = items.values.map { $0[field] }
            if isNumber {
                let numbers = column.compactMap(Double.init)
                let mean = numbers.isEmpty ? 0 : numbers.reduce(0, +) / Double(numbers.count)
                let variance = numbers.isEmpty ? 0 : numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(numbers.count)
                let deviation = variance > 0 ? variance.squareRoot() : 1
                encoders.append { text in [Double(text).map { ($0 - mean) / deviation } ?? 0] }
            } else {
                let counts = Dictionary(column.map { ($0, 1) }, uniquingKeysWith: +)
                let kept = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20).map(\.key)
                let others = counts.count > kept.count
                encoders.append { text in
                    var oneHot = [Double](repeating: 0, count: kept.count + (others ? 1 : 0))
                    if let index = kept.firstIndex(of: text) { oneHot[index] = 1 } else if others { oneHot[kept.count] = 1 }
                    return oneHot
                }
            }
        }
        return items.mapValues { values in zip(values, encoders).flatMap { value, encode in encode(value) } }
    }
}
