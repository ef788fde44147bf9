import Foundation
import SibylCore
import Testing

@Suite("Blob store")
struct BlobStoreTests {
    let directory: TemporaryDirectory
    let gateway: Gateway
    var blobs: BlobStore { gateway.blobs }

    init() throws {
        directory = try TemporaryDirectory()
        gateway = try Gateway.forTests(in: directory, plugins: [])
        try gateway.blobs.createBucket("media")
    }

    @Test func writeReadReplaceDelete() throws {
        let address = S3URI(bucket: "media", key: "a/b.txt")
        let first = try blobs.write(Data("hello".utf8), to: address, contentType: "text/plain")
        #expect(first.etag == "\"5d41402abc4b2a76b9719d911017c592\"")
        #expect(try blobs.read(address).data == Data("hello".utf8))
        try blobs.write(Data("bye".utf8), to: address, contentType: "text/plain")
        #expect(try blobs.read(address).data == Data("bye".utf8))
        let stored = try FileManager.default.contentsOfDirectory(
            atPath: directory.url.appendingPathComponent("blobs/objects").path)
        #expect(stored.count == 1, "the replaced object's file must be removed")
        try blobs.delete(address)
        #expect(throws: BlobStoreError.noSuchKey("a/b.txt")) { try blobs.head(address) }
        try blobs.delete(address)  // deleting a missing key succeeds, as in S3
    }

    @Test func bucketRules() throws {
        #expect(throws: BlobStoreError.self) { try blobs.createBucket("Upper") }
        #expect(throws: BlobStoreError.self) { try blobs.createBucket("a..b") }
        #expect(throws: BlobStoreError.self) { try blobs.createBucket("192.168.1.1") }
        #expect(throws: BlobStoreError.self) { try blobs.createBucket("-dash") }
        #expect(throws: BlobStoreError.self) { try blobs.createBucket("media") }
        try blobs.write(Data([1]), to: S3URI(bucket: "media", key: "x"), contentType: "binary/octet-stream")
        #expect(throws: BlobStoreError.self) { try blobs.deleteBucket("media") }
        #expect(throws: BlobStoreError.noSuchBucket("none")) { try blobs.deleteBucket("none") }
        #expect(throws: BlobStoreError.noSuchBucket("none")) {
            try blobs.write(Data([1]), to: S3URI(bucket: "none", key: "x"), contentType: "binary/octet-stream")
        }
    }

    @Test(arguments: ["../escape", "a/../../b", "./x", "a/./b", "", "nul\u{0}byte", String(repeating: "k", count: 1025)])
    func keysThatCouldEscapeOrAreInvalidAreRejected(key: String) throws {
        #expect(throws: BlobStoreError.self) {
            try blobs.write(Data([1]), to: S3URI(bucket: "media", key: key), contentType: "text/plain")
        }
        #expect(try blobs.list(bucket: "media").objects.isEmpty)
    }

    @Test func listingWithPrefixDelimiterAndPages() throws {
        let keys = ["a.txt", "docs/1.txt", "docs/2.txt", "docs/sub/3.txt", "img/x.png", "z.txt"]
        for key in keys {
            try blobs.write(Data(key.utf8), to: S3URI(bucket: "media", key: key), contentType: "text/plain")
        }
        let all = try blobs.list(bucket: "media")
        #expect(all.objects.map(\.key) == keys)

        let top = try blobs.list(bucket: "media", delimiter: "/")
        #expect(top.objects.map(\.key) == ["a.txt", "z.txt"])
        #expect(top.commonPrefixes == ["docs/", "img/"])

        let docs = try blobs.list(bucket: "media", prefix: "docs/", delimiter: "/")
        #expect(docs.objects.map(\.key) == ["docs/1.txt", "docs/2.txt"])
        #expect(docs.commonPrefixes == ["docs/sub/"])

        var seen: [String] = []
        var cursor: ListCursor?
        repeat {
            let page = try blobs.list(bucket: "media", delimiter: "/", after: cursor, maxKeys: 1)
            seen += page.objects.map(\.key) + page.commonPrefixes
            cursor = page.isTruncated ? page.next : nil
        } while cursor != nil
        #expect(seen == ["a.txt", "docs/", "img/", "z.txt"])
    }

    @Test func s3URIs() throws {
        #expect(try S3URI(parsing: "s3://media/a/b.wav") == S3URI(bucket: "media", key: "a/b.wav"))
        #expect(try S3URI(parsing: "s3://media") == S3URI(bucket: "media", key: ""))
        #expect(throws: BlobStoreError.self) { try S3URI(parsing: "https://media/a") }
        #expect(throws: BlobStoreError.self) { try S3URI(parsing: "s3://Bad_Bucket/a") }
    }
}
