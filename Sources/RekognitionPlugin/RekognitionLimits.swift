import SibylCore

/// Rekognition's limits and input constraints, worded as AWS words its validation errors.
enum RekognitionLimits {
    /// Inline image bytes (after base64 decoding).
    static let inlineImageBytes = 5 * 1024 * 1024
    /// Images read from the S3 stand-in.
    static let s3ImageBytes = 15 * 1024 * 1024
    /// DetectText reads at most this many words (AWS's documented limit).
    static let maxWords = 100
    /// DetectFaces, IndexFaces and CompareFaces consider the largest 100 faces.
    static let maxFaces = 100
    /// Tags on one resource.
    static let maxTags = 200

    static func checkTags(_ tags: [String: String]) throws {
        guard tags.count <= maxTags else {
            throw ServiceError.constraint(member: "tags", value: "{…}", "Member must have length less than or equal to 200")
        }
        for (key, value) in tags {
            guard (1...128).contains(key.count), !key.hasPrefix("aws:"),
                key.allSatisfy({ $0.isLetter || $0.isNumber || $0.isWhitespace || "_.:/=+-@".contains($0) })
            else {
                throw ServiceError.constraint(
                    member: "tags", value: key,
                    "Map keys must have length 1 to 128, not start with aws:, and use letters, digits, spaces and _.:/=+-@")
            }
            guard value.count <= 256,
                value.allSatisfy({ $0.isLetter || $0.isNumber || $0.isWhitespace || "_.:/=+-@".contains($0) })
            else {
                throw ServiceError.constraint(
                    member: "tags", value: value,
                    "Map values must have length at most 256 and use letters, digits, spaces and _.:/=+-@")
            }
        }
    }

    static func checkCollectionId(_ id: String) throws {
        guard (1...255).contains(id.count), id.wholeMatch(of: /[a-zA-Z0-9_.\-]+/) != nil else {
            throw ServiceError.constraint(
                member: "collectionId", value: id,
                "Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+ and have length 1 to 255")
        }
    }

    static func checkFaceIds(_ ids: [String], member: String = "faceIds") throws {
        guard (1...4096).contains(ids.count) else {
            throw ServiceError.constraint(member: member, value: "[…]", "Member must have length between 1 and 4096")
        }
        for id in ids where id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) == nil {
            throw ServiceError.constraint(
                member: member, value: id,
                "Member must satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        }
    }

    static func checkPercent(_ value: Double?, member: String) throws {
        guard let value else { return }
        guard value.isFinite, (0...100).contains(value) else {
            throw ServiceError.constraint(member: member, value: "\(value)", "Member must have value between 0 and 100")
        }
    }

    static func checkRatio(_ value: Double?, member: String) throws {
        guard let value else { return }
        guard value.isFinite, (0...1).contains(value) else {
            throw ServiceError.constraint(member: member, value: "\(value)", "Member must have value between 0 and 1")
        }
    }

    static func checkPageSize(_ value: Int?) throws {
        guard let value else { return }
        guard (0...4096).contains(value) else {
            throw ServiceError.constraint(member: "maxResults", value: String(value), "Member must have value between 0 and 4096")
        }
    }

    static func checkMaxFaces(_ value: Int?) throws {
        guard let value else { return }
        guard (1...4096).contains(value) else {
            throw ServiceError.constraint(member: "maxFaces", value: String(value), "Member must have value between 1 and 4096")
        }
    }

    static func checkQualityFilter(_ value: String?) throws {
        guard let value else { return }
        guard ["NONE", "AUTO", "LOW", "MEDIUM", "HIGH"].contains(value) else {
            throw ServiceError.constraint(
                member: "qualityFilter", value: value, "Member must satisfy enum value set: [NONE, AUTO, LOW, MEDIUM, HIGH]")
        }
    }

    static func checkAttributes(_ values: [String]?, member: String) throws {
        for (index, value) in (values ?? []).enumerated() where !knownFaceAttributes.contains(value) {
            throw ServiceError.constraint(
                member: "\(member).\(index + 1).member", value: value,
                "Member must satisfy enum value set: [\(knownFaceAttributes.sorted().joined(separator: ", "))]")
        }
    }
}
