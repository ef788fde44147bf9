import ArgumentParser
import Foundation

/// The series in a CSV file given to `sibyl forecast`: the values are the last column; a header row is skipped. When
/// the header names an `item_id` column (as Forecast's target time series do), each item is a series of its own, in
/// the order the items first appear.
struct ForecastInputFile {
    /// One series: its item id (nil in a file without an `item_id` column) and its values in file order.
    struct Series {
        var item: String?
        var values: [Double]
    }

    let series: [Series]

    init(contentsOf file: String) throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw ValidationError("cannot read \(file) as UTF-8 text")
        }
        var itemColumn: Int?
        var order: [String] = []
        var byItem: [String: [Double]] = [:]
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let cell = cells.last ?? ""
            guard let value = Double(cell), value.isFinite else {
                if number == 0 {  // a header
                    itemColumn = cells.firstIndex { $0.lowercased() == "item_id" }
                    continue
                }
                throw ValidationError("\(file), row \(number + 1): '\(cell)' is not a number")
            }
            var item = ""
            if let itemColumn {
                guard itemColumn < cells.count - 1, !cells[itemColumn].isEmpty else {
                    throw ValidationError("\(file), row \(number + 1): the item_id is missing")
                }
                item = cells[itemColumn]
            }
            if byItem[item] == nil { order.append(item) }
            byItem[item, default: []].append(value)
        }
        guard !order.isEmpty else { throw ValidationError("\(file) holds no values") }
        series = order.map { Series(item: itemColumn == nil ? nil : $0, values: byItem[$0]!) }
    }
}
