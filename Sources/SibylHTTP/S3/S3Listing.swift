import Foundation
import SibylCore

/// ListObjectsV2 (and the older ListObjects) as S3 answers them.
enum S3Listing {
    static let namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    static func list(_ request: WireRequest, bucket: String, blobs: BlobStore, requestId: String) throws -> WireResponse {
        let isV2 = request.query("list-type") == "2"
        let prefix = request.query("prefix") ?? ""
        let delimiter = request.query("delimiter").flatMap { $0.isEmpty ? nil : $0 }
        let urlEncoded = request.query("encoding-type") == "url"
        if let encoding = request.query("encoding-type"), encoding != "url" {
            throw S3Failure(code: "InvalidArgument", message: "Invalid Encoding Method specified in Request", status: 400)
        }
        var maxKeys = 1000
        if let text = request.query("max-keys") {
            guard let value = Int(text), value >= 0 else {
                throw S3Failure(code: "InvalidArgument", message: "max-keys must be a non-negative integer", status: 400)
            }
            maxKeys = min(value, 1000)
        }
        var cursor: ListCursor?
        if isV2 {
            if let token = request.query("continuation-token") {
                guard let data = Data(base64Encoded: token),
                    let decoded = try? JSONDecoder().decode(ListCursor.self, from: data)
                else {
                    throw S3Failure(
                        code: "InvalidArgument", message: "The continuation token provided is incorrect", status: 400)
                }
                cursor = decoded
            } else if let startAfter = request.query("start-after") {
                cursor = ListCursor(key: startAfter, isCommonPrefix: false)
            }
        } else if let marker = request.query("marker"), !marker.isEmpty {
            cursor = ListCursor(key: marker, isCommonPrefix: delimiter.map { marker.hasSuffix($0) } ?? false)
        }
        let listing =
            maxKeys == 0
            ? ObjectListing.empty
            : try blobs.list(bucket: bucket, prefix: prefix, delimiter: delimiter, after: cursor, maxKeys: maxKeys)

        func text(_ value: String) -> String {
            urlEncoded ? PercentEncoding.encode(value, keeping: [UInt8(ascii: "/")]) : value
        }
        var xml = XMLWriter()
        xml.open("ListBucketResult", namespace: namespace)
        xml.element("Name", bucket)
        xml.element("Prefix", text(prefix))
        if let delimiter { xml.element("Delimiter", text(delimiter)) }
        xml.element("MaxKeys", String(maxKeys))
        if urlEncoded { xml.element("EncodingType", "url") }
        xml.element("IsTruncated", listing.isTruncated ? "true" : "false")
        if isV2 {
            xml.element("KeyCount", String(listing.objects.count + listing.commonPrefixes.count))
            if let token = request.query("continuation-token") { xml.element("ContinuationToken", token) }
            if let startAfter = request.query("start-after") { xml.element("StartAfter", text(startAfter)) }
            if listing.isTruncated, let next = listing.next, let data = try? JSONEncoder().encode(next) {
                xml.element("NextContinuationToken", data.base64EncodedString())
            }
        } else {
            xml.element("Marker", text(request.query("marker") ?? ""))
            if listing.isTruncated, delimiter != nil, let next = listing.next { xml.element("NextMarker", text(next.key)) }
        }
        for object in listing.objects {
            xml.open("Contents")
            xml.element("Key", text(object.key))
            xml.element("LastModified", ISO8601Timestamp.format(object.lastModified))
            xml.element("ETag", object.etag)
            xml.element("Size", String(object.size))
            xml.element("StorageClass", "STANDARD")
            xml.close("Contents")
        }
        for common in listing.commonPrefixes {
            xml.open("CommonPrefixes")
            xml.element("Prefix", text(common))
            xml.close("CommonPrefixes")
        }
        xml.close("ListBucketResult")
        return xmlResponse(xml, requestId: requestId)
    }

    static func xmlResponse(_ xml: XMLWriter, requestId: String) -> WireResponse {
        WireResponse(
            status: 200,
            headers: [("Content-Type", "application/xml"), ("x-amz-request-id", requestId), ("x-amzn-RequestId", requestId)],
            body: .data(Data(xml.document.utf8)))
    }
}

/// Timestamps as S3's XML bodies write them: `2026-11-24T10:00:00.000Z`.
enum ISO8601Timestamp {
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
            .timeSeparator(.colon).timeZone(separator: .omitted))
    }
}

/// Timestamps as HTTP headers write them (RFC 7231 IMF-fixdate): `Tue, 24 Nov 2026 10:00:00 GMT`.
enum HTTPDate {
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
