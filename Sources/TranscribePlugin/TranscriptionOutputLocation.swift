import Foundation
import SibylCore

/// Where a job's transcript and subtitles go in the S3 stand-in, as AWS places them: `OutputKey` ending in
/// `.json` is the file; any other `OutputKey` is a folder for `{job}.json`; without a bucket, the service's own.
struct TranscriptionOutputLocation: Codable, Sendable {
    /// The bucket the gateway keeps transcripts in when the request names none.
    static let serviceBucket = "sibyl-transcribe"

    var bucket: String
    /// The transcript's key, ending in `.json`.
    var key: String
    var customerBucket: Bool

    init(jobName: String, bucket: String?, outputKey: String?) {
        self.bucket = bucket ?? Self.serviceBucket
        customerBucket = bucket != nil
        switch outputKey {
        case .none: key = "\(jobName).json"
        case .some(let given) where given.hasSuffix(".json"): key = given
        case .some(let folder): key = (folder.hasSuffix("/") ? folder : folder + "/") + "\(jobName).json"
        }
    }

    /// The key of a sibling file: the transcript's name with another extension, or a prefix (redacted copies).
    func key(extension fileExtension: String) -> String { String(key.dropLast(5)) + "." + fileExtension }

    /// The redacted transcript's key: `redacted-` before the file name.
    var redactedKey: String {
        guard let slash = key.lastIndex(of: "/") else { return "redacted-" + key }
        return String(key[...slash]) + "redacted-" + key[key.index(after: slash)...]
    }

    /// The URL the gateway serves an object of this bucket at (path style).
    func uri(endpoint: String, key: String) -> String {
        let escaped = key.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? String($0) }
            .joined(separator: "/")
        return "\(endpoint)/\(bucket)/\(escaped)"
    }
}
