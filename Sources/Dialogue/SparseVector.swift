/// A sparse, sorted vector.
struct SparseVector: Sendable {
    var entries: [(column: Int, value: Double)]

    /// The dot product with another sparse vector.
    func dot(_ other: SparseVector) -> Double {
        var total = 0.0
        var i = 0
        var j = 0
        while i < entries.count, j < other.entries.count {
            let a = entries[i].column
            let b = other.entries[j].column
            if a == b {
                total += entries[i].value * other.entries[j].value
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return total
    }
}

extension Dictionary where Key == String, Value == Int {
    /// The column of a feature name, numbering a new name after the last.
    mutating func column(for name: String) -> (column: Int, isNew: Bool) {
        if let existing = self[name] { return (existing, false) }
        let column = count
        self[name] = column
        return (column, true)
    }
}

