import Foundation

/// A page of a list, answered with a `NextToken` that says where the next page starts: the position, and which items
/// were last on this page and first on the next. Resources may be created or deleted between two calls, so the next
/// page starts at that next item wherever it now is; if it is gone, just after the last item returned; only when both
/// are gone at the position. A page therefore repeats nothing and skips nothing that was listed before and still is.
public struct ListPage<Item> {
    /// The items on this page.
    public var items: [Item]
    /// The token of the next page; `nil` on the last one.
    public var nextToken: String?

    /// The page of `all` (in the list's order) that starts where `token` says (nil: the start) and holds at most
    /// `limit` items; `id` names an item uniquely within the list. A token this list did not give answers
    /// `errorCode`.
    public init(_ all: [Item], token: String?, limit: Int, errorCode: String, id: (Item) -> String) throws {
        var start = 0
        if let token {
            guard let mark = Mark(token: token) else {
                throw ServiceError(code: errorCode, message: "The NextToken \(token) is not valid.")
            }
            if let next = all.firstIndex(where: { id($0) == mark.next }) {
                start = next
            } else if let last = all.firstIndex(where: { id($0) == mark.last }) {
                start = last + 1
            } else {
                start = min(mark.position, all.count)
            }
        }
        let end = min(all.count, start + max(1, limit))
        items = Array(all[start..<end])
        nextToken = end < all.count ? Mark(position: end, last: id(all[end - 1]), next: id(all[end])).token : nil
    }

    /// What a token carries, as base64url JSON (opaque to clients, as AWS's are).
    private struct Mark: Codable {
        var position: Int
        var last: String
        var next: String

        init(position: Int, last: String, next: String) {
            self.position = position
            self.last = last
            self.next = next
        }

        init?(token: String) {
            var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            guard let data = Data(base64Encoded: base64), let mark = try? JSONDecoder().decode(Mark.self, from: data),
                mark.position >= 0
            else { return nil }
            self = mark
        }

        var token: String {
            let data = (try? JSONEncoder().encode(self)) ?? Data()
            return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
    }
}
