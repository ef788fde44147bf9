import Foundation
import Hummingbird
import Logging
import SibylCore

/// The S3 stand-in: the subset of the S3 REST API that boto3 and `aws s3` need, on the gateway's blob store.
struct S3Service: Sendable {
    let blobs: BlobStore
    let maxObjectBytes: Int
    /// The region reported by HeadBucket and GetBucketLocation.
    let region: String
    let logger: Logger

    /// Answers one S3 request. `caller` is set when a signature was verified, so the payload hash can be checked.
    func handle(
        _ request: WireRequest, body: RequestBodyReader, caller: VerifiedCaller?, requestId: String
    ) async -> WireResponse {
        do {
            let address = try S3Address(request)
            return try await dispatch(request, address: address, body: body, caller: caller, requestId: requestId)
        } catch let failure as S3Failure {
            return error(failure, request: request, requestId: requestId)
        } catch let failure as BlobStoreError {
            return error(Self.failure(for: failure), request: request, requestId: requestId)
        } catch let failure as SignatureFailure {
            return ErrorRendering.signature(failure, style: .s3, requestId: requestId)
        } catch {
            logger.error("S3 \(request.method) \(request.rawPath) failed: \(error)", metadata: ["request-id": "\(requestId)"])
            return self.error(
                S3Failure(code: "InternalError", message: "We encountered an internal error. Please try again.", status: 500),
                request: request, requestId: requestId)
        }
    }

    private func dispatch(
        _ request: WireRequest, address: S3Address, body: RequestBodyReader, caller: VerifiedCaller?, requestId: String
    ) async throws -> WireResponse {
        let subresources = Set(request.queryItems.map(\.name))
        guard let bucket = address.bucket else {
            guard request.method == "GET" else { throw Self.methodNotAllowed }
            return try listBuckets(requestId: requestId)
        }
        guard let key = address.key else {
            let unsupported = subresources.subtracting(Self.listParameters)
            if request.method == "GET", subresources.contains("location") {
                return try bucketLocation(bucket, requestId: requestId)
            }
            if request.method == "POST", subresources.contains("delete") {
                return try await deleteObjects(
                    bucket: bucket, request: request, body: body, caller: caller, requestId: requestId)
            }
            if let first = unsupported.sorted().first { throw S3Failure.notImplemented("the bucket subresource ?\(first)") }
            switch request.method {
            case "PUT":
                try blobs.createBucket(bucket)
                return ok(requestId, headers: [("Location", "/\(bucket)")])
            case "DELETE":
                try blobs.deleteBucket(bucket)
                return ok(requestId, status: 204)
            case "HEAD":
                guard try blobs.bucketExists(bucket) else { throw BlobStoreError.noSuchBucket(bucket) }
                return ok(requestId, headers: [("x-amz-bucket-region", region)])
            case "GET":
                return try S3Listing.list(request, bucket: bucket, blobs: blobs, requestId: requestId)
            default:
                throw Self.methodNotAllowed
            }
        }
        let object = S3URI(bucket: bucket, key: key)
        try ObjectNaming.validateKey(key)
        if let response = try await multipart(request, object: object, body: body, caller: caller, requestId: requestId) {
            return response
        }
        if let first = subresources.filter({ !$0.hasPrefix("X-Amz-") && $0 != "x-id" }).sorted().first {
            throw S3Failure.notImplemented("the object subresource ?\(first)")
        }
        switch request.method {
        case "PUT":
            if request.header("x-amz-copy-source") != nil {
                return try copyObject(to: object, request: request, requestId: requestId)
            }
            return try await putObject(object, request: request, body: body, caller: caller, requestId: requestId)
        case "GET", "HEAD":
            return try getObject(object, request: request, requestId: requestId)
        case "DELETE":
            try blobs.delete(object)
            return ok(requestId, status: 204)
        default:
            throw Self.methodNotAllowed
        }
    }

    // MARK: - Objects

    private func putObject(
        _ object: S3URI, request: WireRequest, body: RequestBodyReader, caller: VerifiedCaller?, requestId: String
    ) async throws -> WireResponse {
        guard try blobs.bucketExists(object.bucket) else { throw BlobStoreError.noSuchBucket(object.bucket) }
        let upload = try await receive(body, request: request, caller: caller, limit: maxObjectBytes)
        let info = try blobs.commit(
            upload, to: object, contentType: request.header("content-type") ?? "binary/octet-stream",
            metadata: Self.userMetadata(request))
        return ok(requestId, headers: [("ETag", info.etag)])
    }

    /// Streams a request body into a new upload, checking its size, signed payload hash, `Content-MD5` and
    /// flexible checksum; `aws-chunked` bodies are decoded on the way.
    func receive(_ body: RequestBodyReader, request: WireRequest, caller: VerifiedCaller?, limit: Int) async throws
        -> BlobUpload
    {
        let payloadClaim = request.header("x-amz-content-sha256") ?? ""
        let chunked = request.header("content-encoding")?.contains("aws-chunked") == true
            || payloadClaim.hasPrefix("STREAMING-")
        if chunked, caller != nil, payloadClaim.hasPrefix("STREAMING-AWS4-HMAC-SHA256-PAYLOAD") {
            throw S3Failure.notImplemented(
                "chunk-signed aws-chunked uploads under --auth sigv4 (send STREAMING-UNSIGNED-PAYLOAD-TRAILER or a signed single-part body)")
        }
        let tooLarge = S3Failure(
            code: "EntityTooLarge", message: "Your proposed upload exceeds the maximum allowed size of \(limit) bytes",
            status: 400)
        let lengthHeader = chunked ? "x-amz-decoded-content-length" : "content-length"
        if let length = request.header(lengthHeader).flatMap(Int.init), length > limit { throw tooLarge }
        var checksum = FlexibleChecksum.requested(by: request).map(FlexibleChecksum.init)
        var decoder = chunked ? AWSChunkedDecoder() : nil
        let upload = try blobs.beginUpload()
        do {
            func take(_ bytes: UnsafeRawBufferPointer) throws {
                guard upload.size + bytes.count <= limit else { throw tooLarge }
                try upload.append(bytes)
                checksum?.update(bytes)
            }
            while let chunk = try await body.next() {
                if decoder != nil {
                    try decoder!.feed(chunk, emit: take)
                } else {
                    try chunk.withUnsafeReadableBytes(take)
                }
            }
            if let decoder, !decoder.isComplete { throw AWSChunkedDecoder.malformed("the body ended before the final chunk") }
            let digests = try upload.finish()
            if let caller { try SigV4Verifier.checkPayload(digests.sha256, of: caller) }
            if let md5 = request.header("content-md5") {
                guard Data(base64Encoded: md5)?.hexString == digests.md5 else {
                    throw S3Failure(
                        code: "BadDigest", message: "The Content-MD5 you specified did not match what we received.",
                        status: 400)
                }
            }
            if let checksum {
                let name = "x-amz-checksum-\(checksum.algorithm.rawValue)"
                if let expected = decoder?.trailers[name] ?? request.header(name), expected != checksum.finalize() {
                    throw S3Failure(
                        code: "BadDigest",
                        message: "The \(checksum.algorithm.rawValue.uppercased()) you specified did not match the calculated checksum.",
                        status: 400)
                }
            }
            return upload
        } catch {
            upload.discard()
            throw error
        }
    }

    private func getObject(_ object: S3URI, request: WireRequest, requestId: String) throws -> WireResponse {
        let info = try blobs.head(object)
        var headers: [(name: String, value: String)] = [
            ("x-amz-request-id", requestId), ("x-amzn-RequestId", requestId), ("Content-Type", info.contentType),
            ("ETag", info.etag),
            ("Last-Modified", HTTPDate.format(info.lastModified)), ("Accept-Ranges", "bytes"),
        ]
        headers += info.metadata.sorted { $0.key < $1.key }.map { ("x-amz-meta-\($0.key)", $0.value) }
        let range = try ByteRange.resolve(request.header("range"), size: info.size)
        let bytes = range ?? 0..<info.size
        headers.append(("Content-Length", String(bytes.count)))
        if let range {
            headers.append(("Content-Range", "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(info.size)"))
        }
        let status = range == nil ? 200 : 206
        if request.method == "HEAD" {
            return WireResponse(status: status, headers: headers, body: .none(contentLength: bytes.count))
        }
        return WireResponse(status: status, headers: headers, body: .file(blobs.fileURL(of: info), range: bytes))
    }

    // MARK: - Buckets

    private func listBuckets(requestId: String) throws -> WireResponse {
        var xml = XMLWriter()
        xml.open("ListAllMyBucketsResult", namespace: S3Listing.namespace)
        xml.open("Owner")
        xml.element("ID", "sibyl")
        xml.element("DisplayName", "sibyl")
        xml.close("Owner")
        xml.open("Buckets")
        for bucket in try blobs.listBuckets() {
            xml.open("Bucket")
            xml.element("Name", bucket.name)
            xml.element("CreationDate", ISO8601Timestamp.format(bucket.creationDate))
            xml.close("Bucket")
        }
        xml.close("Buckets")
        xml.close("ListAllMyBucketsResult")
        return S3Listing.xmlResponse(xml, requestId: requestId)
    }

    private func bucketLocation(_ bucket: String, requestId: String) throws -> WireResponse {
        guard try blobs.bucketExists(bucket) else { throw BlobStoreError.noSuchBucket(bucket) }
        // us-east-1 is written as an empty constraint, as S3 does.
        var xml = XMLWriter()
        xml.open("LocationConstraint", namespace: S3Listing.namespace)
        if region != "us-east-1" { xml.text(region) }
        xml.close("LocationConstraint")
        return S3Listing.xmlResponse(xml, requestId: requestId)
    }

    // MARK: - Helpers

    /// `x-amz-meta-*` headers without their prefix.
    static func userMetadata(_ request: WireRequest) -> [String: String] {
        Dictionary(
            request.headers.filter { $0.name.hasPrefix("x-amz-meta-") }
                .map { (String($0.name.dropFirst("x-amz-meta-".count)), $0.value) }
        ) { first, _ in first }
    }

    private static let listParameters: Set<String> = [
        "list-type", "prefix", "delimiter", "max-keys", "continuation-token", "start-after", "encoding-type",
        "fetch-owner", "marker", "x-id",
    ]

    private static let methodNotAllowed = S3Failure(
        code: "MethodNotAllowed", message: "The specified method is not allowed against this resource.", status: 405)

    func ok(_ requestId: String, status: Int = 200, headers: [(name: String, value: String)] = []) -> WireResponse {
        WireResponse(status: status, headers: [("x-amz-request-id", requestId), ("x-amzn-RequestId", requestId)] + headers)
    }

    private func error(_ failure: S3Failure, request: WireRequest, requestId: String) -> WireResponse {
        var response = ErrorRendering.s3(
            code: failure.code, message: failure.message, status: failure.status, resource: request.rawPath,
            requestId: requestId)
        if request.method == "HEAD" { response.body = .none(contentLength: nil) }
        return response
    }

    static func failure(for error: BlobStoreError) -> S3Failure {
        let status: Int =
            switch error.code {
            case .noSuchBucket, .noSuchKey: 404
            case .bucketAlreadyOwnedByYou, .bucketNotEmpty: 409
            case .noSuchUpload: 404
            case .invalidBucketName, .invalidKey, .invalidURI, .invalidArgument, .invalidPart, .invalidPartOrder,
                .entityTooSmall, .malformedXML:
                400
            }
        return S3Failure(code: error.code.rawValue, message: error.message, status: status)
    }
}
