import SibylCore

/// Comprehend's request limits, as its documentation states them.
enum ComprehendLimits {
    /// DetectDominantLanguage accepts up to 100 KB of UTF-8 text.
    static let dominantLanguageBytes = 100_000
    /// A batch holds 1 to 25 documents.
    static let batchDocuments = 25

    static func checkNotEmpty(_ text: String, member: String) throws {
        guard !text.isEmpty else {
            throw ServiceError.constraint(
                member: member, value: "''", "Member must have length greater than or equal to 1")
        }
    }

    static func checkBatch(_ documents: [String]) throws {
        guard !documents.isEmpty else {
            throw ServiceError.constraint(member: "TextList", value: "[]", "Member must have length greater than or equal to 1")
        }
        guard documents.count <= batchDocuments else {
            throw ServiceError(
                code: "BatchSizeLimitExceededException",
                message: "The number of documents in the request exceeds the limit of \(batchDocuments).")
        }
    }

    static func textTooLarge(_ bytes: Int, limit: Int) -> ServiceError {
        ServiceError(
            code: "TextSizeLimitExceededException",
            message: "Input text size exceeds limit. Max length of request text allowed is \(limit) bytes "
                + "while in this request the text size is \(bytes) bytes")
    }
}
