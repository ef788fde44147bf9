import Foundation
import Testing

@testable import LexPlugin

@Suite struct GzipBase64Tests {
    @Test func roundTripsThroughGzip() throws {
        let json = Data(#"{"dialogAction":{"type":"ElicitSlot","slotToElicit":"FlowerType"}}"#.utf8)
        let header = GzipBase64.encode(json)
        let bytes = try #require(Data(base64Encoded: header))
        #expect(bytes.starts(with: [0x1f, 0x8b]))
        #expect(GzipBase64.decode(header) == json)
    }

    @Test func acceptsPlainBase64AndRejectsGarbage() {
        #expect(GzipBase64.decode(Data("{}".utf8).base64EncodedString()) == Data("{}".utf8))
        #expect(GzipBase64.decode("not base64!") == nil)
        #expect(GzipBase64.decode(Data([0x1f, 0x8b, 0, 1, 2]).base64EncodedString()) == nil)
    }
}
