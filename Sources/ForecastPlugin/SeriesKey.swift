/// The identity of one series of a target dataset: its item_id and its values of the dataset's other string
/// attributes (the dimensions a predictor may forecast by, such as a store). Stored as one string.
struct SeriesKey: Hashable, Sendable {
    var item: String
    /// Dimension name → value.
    var dimensions: [String: String]

    /// Separates the item and the dimensions in the stored form (a control character no CSV cell holds here).
    private static let separator: Character = "\u{1F}"

    /// The stored form: the item alone when there are no dimensions, else the item and `name=value` pairs in name
    /// order, separated.
    var encoded: String {
        ([item] + dimensions.keys.sorted().map { "\($0)=\(dimensions[$0]!)" }).joined(separator: String(Self.separator))
    }

    init(item: String, dimensions: [String: String] = [:]) {
        self.item = item
        self.dimensions = dimensions
    }

    init(encoded: String) {
        let parts = encoded.split(separator: Self.separator, omittingEmptySubsequences: false)
        item = String(parts[0])
        var dimensions: [String: String] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            dimensions[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
        self.dimensions = dimensions
    }

    /// The key with only the `kept` dimensions.
    func keeping(_ kept: [String]) -> SeriesKey {
        SeriesKey(item: item, dimensions: dimensions.filter { kept.contains($0.key) })
    }
}
