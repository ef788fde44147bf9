import SibylCore

/// Filtering, sorting and paging of Lex's List operations.
enum LexListing {
    /// The page of `documents` after the name filter and sort, as summaries of `fields`.
    static func page(
        _ documents: [LexDocument], nameMember: String, filters: [ListBotsRequest.Filter]?,
        sortBy: ListBotsRequest.Sort?, maxResults: Int?, nextToken: String?
    ) throws -> (items: [JSONValue], nextToken: String?) {
        var documents = documents
        if let filter = filters?.first, let value = filter.values.first {
            documents = documents.filter { document in
                let name = document.string(nameMember) ?? ""
                switch filter.operator {
                case "EQ": return name == value
                case "CO": return name.contains(value)
                default: return !name.contains(value)
                }
            }
        }
        let descending = sortBy?.order == "Descending"
        if sortBy?.attribute == "LastUpdatedDateTime" {
            documents.sort { ($0.number("lastUpdatedDateTime") ?? 0) < ($1.number("lastUpdatedDateTime") ?? 0) }
        } else {
            documents.sort { ($0.string(nameMember) ?? "") < ($1.string(nameMember) ?? "") }
        }
        if descending { documents.reverse() }
        let page = try ListPage(
            documents, token: nextToken, limit: maxResults ?? 10, errorCode: "ValidationException",
            id: { $0.string(nameMember) ?? "" })
        return (page.items.map { JSONValue.object($0) }, page.nextToken)
    }

    /// A List output: `members` plus `nextToken` when there is a next page.
    static func output(_ members: LexDocument, nextToken: String?) -> JSONValue {
        var members = members
        if let nextToken { members["nextToken"] = .string(nextToken) }
        return .object(members)
    }
}
