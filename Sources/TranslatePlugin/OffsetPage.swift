import SibylCore

/// A page of a list answered with a `NextToken` that is the offset of the next item, as Translate's List
/// operations page here.
struct OffsetPage<Item> {
    var items: [Item]
    var nextToken: String?

    /// The page of `all` that starts at `token` (nil: the start) and holds at most `limit` items; an unknown token
    /// answers `errorCode`.
    init(_ all: [Item], token: String?, limit: Int, errorCode: String) throws {
        var start = 0
        if let token {
            guard let offset = Int(token), (0...all.count).contains(offset) else {
                throw ServiceError(code: errorCode, message: "The NextToken \(token) is not valid.")
            }
            start = offset
        }
        let end = min(all.count, start + limit)
        items = Array(all[start..<end])
        nextToken = end < all.count ? String(end) : nil
    }
}
