import Testing

@testable import SibylHTTP

@Suite("Wire formats")
struct WireFormatTests {
    @Test func percentDecoding() {
        #expect(PercentEncoding.decode("a%20b%2Fc") == "a b/c")
        #expect(PercentEncoding.decode("a+b") == "a+b")
        #expect(PercentEncoding.decode("a+b", plusIsSpace: true) == "a b")
        #expect(PercentEncoding.decode("%E2%82%AC") == "€")
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%FF") == nil)
    }

    @Test func percentEncodingKeepsOnlyUnreserved() {
        #expect(PercentEncoding.encode("a b/c~d_e.f-€") == "a%20b%2Fc~d_e.f-%E2%82%AC")
        #expect(PercentEncoding.encode("a b/c", keeping: [UInt8(ascii: "/")]) == "a%20b/c")
    }

    @Test(arguments: [
        ("bytes=0-9", 0..<10), ("bytes=90-", 90..<100), ("bytes=-5", 95..<100), ("bytes=95-200", 95..<100),
        ("bytes=-500", 0..<100),
    ])
    func byteRanges(header: String, expected: Range<Int>) throws {
        #expect(try ByteRange.resolve(header, size: 100) == expected)
    }

    @Test func unsatisfiableAndIgnoredRanges() throws {
        #expect(throws: S3Failure.self) { try ByteRange.resolve("bytes=100-", size: 100) }
        #expect(throws: S3Failure.self) { try ByteRange.resolve("bytes=-0", size: 100) }
        #expect(try ByteRange.resolve("bytes=5-1", size: 100) == nil)
        #expect(try ByteRange.resolve("bytes=0-1,4-5", size: 100) == nil)
        #expect(try ByteRange.resolve(nil, size: 100) == nil)
    }

    @Test func xmlEscaping() {
        #expect(XMLWriter.escape("a<b>&\"c'\n") == "a&lt;b&gt;&amp;&quot;c&apos;&#10;")
        #expect(XMLWriter.escape("\u{1}") == "&#1;")
    }

    @Test func s3AddressesPathStyleAndVirtualHosted() throws {
        let pathStyle = try S3Address(WireRequest(method: "GET", rawPath: "/bucket/a%20b//c", rawQuery: nil, headers: [("host", "127.0.0.1:4566")]))
        #expect(pathStyle == S3Address(bucket: "bucket", key: "a b//c"))
        let virtual = try S3Address(WireRequest(method: "GET", rawPath: "/k.txt", rawQuery: nil, headers: [("host", "photos.localhost:4566")]))
        #expect(virtual == S3Address(bucket: "photos", key: "k.txt"))
        let root = try S3Address(WireRequest(method: "GET", rawPath: "/", rawQuery: nil, headers: []))
        #expect(root == S3Address(bucket: nil, key: nil))
    }
}

extension S3Address {
    init(bucket: String?, key: String?) {
        self = try! S3Address(WireRequest(method: "GET", rawPath: "/", rawQuery: nil, headers: []))
        self.bucket = bucket
        self.key = key
    }
}
