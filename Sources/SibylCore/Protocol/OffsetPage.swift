/// A page of a list answered with a `NextToken` that is the offset of the next item: how List operations
/// page here (Translate's, Transcribe's).
public struct OffsetPage<Item> {
    /// The items on this page.
    public var items: [Item]
    /// The token of the next page; `nil` on the last one.
    public var nextToken: String?

    /// The page of `all` that starts at `token` (nil: the start) and holds at most `limit` items; an unknown token
    /// answers `errorCode`.
    public init(_ all: [Item], token: String?, limit: Int, errorCode: String) throws {
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
