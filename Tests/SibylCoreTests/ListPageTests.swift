import Foundation
import Testing

@testable import SibylCore

@Suite struct ListPageTests {
    private func page(_ all: [String], _ token: String?, limit: Int = 2) throws -> ListPage<String> {
        try ListPage(all, token: token, limit: limit, errorCode: "Invalid", id: { $0 })
    }

    /// Every item of an unchanging list, page by page.
    private func walk(_ all: [String], limit: Int) throws -> [String] {
        var seen: [String] = []
        var token: String? = nil
        repeat {
            let next = try page(all, token, limit: limit)
            seen += next.items
            token = next.nextToken
        } while token != nil
        return seen
    }

    @Test func pagesCoverTheListOnceAndTheLastHasNoToken() throws {
        let all = (1...7).map { "item\($0)" }
        #expect(try walk(all, limit: 3) == all)
        #expect(try walk(all, limit: 7) == all)
        #expect(try page([], nil).items.isEmpty && page([], nil).nextToken == nil)
    }

    @Test func itemsCreatedOrDeletedBetweenPagesNeitherRepeatNorSkipTheRest() throws {
        let first = try page(["a", "b", "c", "d", "e"], nil)
        #expect(first.items == ["a", "b"])
        // A newer item listed first (as newest-first lists do): the next page still starts at c.
        #expect(try page(["z", "a", "b", "c", "d", "e"], first.nextToken).items == ["c", "d"])
        // An item already listed deleted: no skip.
        #expect(try page(["b", "c", "d", "e"], first.nextToken).items == ["c", "d"])
        // The next item itself deleted: the page starts after the last one listed.
        #expect(try page(["a", "b", "d", "e"], first.nextToken).items == ["d", "e"])
        // Both gone: the position, as far as the list still reaches.
        #expect(try page(["a", "x", "y", "z"], first.nextToken).items == ["y", "z"])
        #expect(try page(["a"], first.nextToken).items.isEmpty)
    }

    @Test func aTokenTheListDidNotGiveIsRefused() {
        for token in ["2", "bogus", "", "eyJwb3NpdGlvbiI6LTF9"] {
            #expect(throws: ServiceError.self) { try page(["a", "b", "c"], token) }
        }
    }
}
