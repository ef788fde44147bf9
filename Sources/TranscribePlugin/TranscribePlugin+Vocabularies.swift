import Foundation
import SibylCore

/// A custom vocabulary: the phrases (as they should be written) that bias recognition.
struct StoredVocabulary: Codable, Sendable {
    var name: String
    var languageCode: String
    var phrases: [String]
    var state: String
    var failureReason: String?
    var lastModified: Date
}

/// A vocabulary filter: the words a job masks, removes or tags.
struct StoredVocabularyFilter: Codable, Sendable {
    var name: String
    var languageCode: String
    var words: [String]
    var lastModified: Date
}

extension TranscribePlugin {
    static let vocabularyKind = "vocabulary"
    static let filterKind = "vocabulary-filter"
    /// Phrases and filter words: at most 256 characters each, 50 KB in all (AWS's limits).
    static let phraseLength = 256
    static let vocabularyBytes = 50 * 1024

    // MARK: - Vocabularies

    func createVocabulary(_ input: VocabularyRequest, context: OperationContext, replacing: Bool) async throws
        -> VocabularyResponse
    {
        try TranscribeLanguages.check(input.LanguageCode, member: "languageCode", known: provider.languages)
        let existing = try storedVocabulary(input.VocabularyName, context: context)
        if replacing, existing == nil { throw Self.vocabularyNotFound }
        if !replacing, existing != nil {
            throw ServiceError(
                code: "ConflictException",
                message: "The requested vocabulary name already exists. Use a different vocabulary name.")
        }
        let phrases = try input.Phrases ?? Self.vocabularyPhrases(try readList(input.VocabularyFileUri!, context: context))
        try Self.checkEntries(phrases, what: "phrase")
        let vocabulary = StoredVocabulary(
            name: input.VocabularyName, languageCode: input.LanguageCode, phrases: phrases, state: "READY",
            lastModified: Date())
        try context.resources.put(vocabulary, service: "transcribe", kind: Self.vocabularyKind, id: vocabulary.name)
        try writeServiceFile(phrases, key: "vocabularies/\(vocabulary.name).txt", context: context)
        return vocabularyResponse(vocabulary, context: context)
    }

    func getVocabulary(_ input: VocabularyNameRequest, context: OperationContext) throws -> VocabularyResponse {
        guard let vocabulary = try storedVocabulary(input.VocabularyName, context: context) else {
            throw Self.vocabularyNotFound
        }
        return vocabularyResponse(vocabulary, context: context)
    }

    func listVocabularies(_ input: ListVocabulariesRequest, context: OperationContext) throws -> ListVocabulariesResponse {
        var all = try context.resources.list(StoredVocabulary.self, service: "transcribe", kind: Self.vocabularyKind)
        if let state = input.StateEquals { all = all.filter { $0.state == state } }
        if let fragment = input.NameContains?.lowercased() { all = all.filter { $0.name.lowercased().contains(fragment) } }
        all.sort { $0.lastModified > $1.lastModified }
        let page = try ListPage(
            all, token: input.NextToken, limit: input.MaxResults ?? 5, errorCode: "BadRequestException", id: \.name)
        return ListVocabulariesResponse(
            Status: input.StateEquals, NextToken: page.nextToken,
            Vocabularies: page.items.map {
                VocabularyInfo(
                    VocabularyName: $0.name, LanguageCode: $0.languageCode, LastModifiedTime: $0.lastModified,
                    VocabularyState: $0.state)
            })
    }

    func deleteVocabulary(_ input: VocabularyNameRequest, context: OperationContext) throws -> EmptyResponse {
        guard try context.resources.delete(service: "transcribe", kind: Self.vocabularyKind, id: input.VocabularyName) else {
            throw Self.vocabularyNotFound
        }
        return EmptyResponse()
    }

    func storedVocabulary(_ name: String, context: OperationContext) throws -> StoredVocabulary? {
        try context.resources.get(StoredVocabulary.self, service: "transcribe", kind: Self.vocabularyKind, id: name)
    }

    private func vocabularyResponse(_ vocabulary: StoredVocabulary, context: OperationContext) -> VocabularyResponse {
        VocabularyResponse(
            VocabularyName: vocabulary.name, LanguageCode: vocabulary.languageCode, VocabularyState: vocabulary.state,
            LastModifiedTime: vocabulary.lastModified, FailureReason: vocabulary.failureReason,
            DownloadUri: "\(context.gateway.endpointURL)/\(TranscriptionOutputLocation.serviceBucket)/vocabularies/\(vocabulary.name).txt")
    }

    static var vocabularyNotFound: ServiceError {
        ServiceError(
            code: "NotFoundException",
            message: "The requested vocabulary couldn't be found. Check the vocabulary name and try your request again.")
    }

    /// Phrases of a vocabulary file: a list (one phrase per line) or a table (`Phrase`, `SoundsLike`, `IPA`,
    /// `DisplayAs` columns, tab-separated), where `DisplayAs` is how the phrase should be written.
    static func vocabularyPhrases(_ lines: [String]) throws -> [String] {
        guard let header = lines.first, header.split(separator: "\t").first?.trimmingCharacters(in: .whitespaces) == "Phrase"
        else { return lines }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let display = columns.firstIndex(of: "DisplayAs")
        return lines.dropFirst().compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if let display, display < cells.count, !cells[display].trimmingCharacters(in: .whitespaces).isEmpty {
                return cells[display].trimmingCharacters(in: .whitespaces)
            }
            return cells.first.map { $0.replacingOccurrences(of: "-", with: " ") }
        }
    }

    // MARK: - Vocabulary filters

    func createVocabularyFilter(_ input: VocabularyFilterRequest, context: OperationContext, replacing: Bool) throws
        -> VocabularyFilterResponse
    {
        let existing = try storedFilter(input.VocabularyFilterName, context: context)
        if replacing, existing == nil { throw Self.filterNotFound }
        if !replacing, existing != nil {
            throw ServiceError(
                code: "ConflictException",
                message: "The requested vocabulary filter name already exists. Use a different vocabulary filter name.")
        }
        guard let languageCode = input.LanguageCode ?? existing?.languageCode else {
            throw ServiceError(code: "BadRequestException", message: "LanguageCode is required.")
        }
        try TranscribeLanguages.check(languageCode, member: "languageCode", known: provider.languages)
        let words = try input.Words ?? readList(input.VocabularyFilterFileUri!, context: context)
        try Self.checkEntries(words, what: "word")
        let filter = StoredVocabularyFilter(
            name: input.VocabularyFilterName, languageCode: languageCode, words: words, lastModified: Date())
        try context.resources.put(filter, service: "transcribe", kind: Self.filterKind, id: filter.name)
        try writeServiceFile(words, key: "vocabulary-filters/\(filter.name).txt", context: context)
        return filterResponse(filter, context: context)
    }

    func getVocabularyFilter(_ input: VocabularyFilterNameRequest, context: OperationContext) throws
        -> VocabularyFilterResponse
    {
        guard let filter = try storedFilter(input.VocabularyFilterName, context: context) else { throw Self.filterNotFound }
        return filterResponse(filter, context: context)
    }

    func listVocabularyFilters(_ input: ListVocabularyFiltersRequest, context: OperationContext) throws
        -> ListVocabularyFiltersResponse
    {
        var all = try context.resources.list(StoredVocabularyFilter.self, service: "transcribe", kind: Self.filterKind)
        if let fragment = input.NameContains?.lowercased() { all = all.filter { $0.name.lowercased().contains(fragment) } }
        all.sort { $0.lastModified > $1.lastModified }
        let page = try ListPage(
            all, token: input.NextToken, limit: input.MaxResults ?? 5, errorCode: "BadRequestException", id: \.name)
        return ListVocabularyFiltersResponse(
            NextToken: page.nextToken,
            VocabularyFilters: page.items.map {
                VocabularyFilterInfo(VocabularyFilterName: $0.name, LanguageCode: $0.languageCode, LastModifiedTime: $0.lastModified)
            })
    }

    func deleteVocabularyFilter(_ input: VocabularyFilterNameRequest, context: OperationContext) throws -> EmptyResponse {
        guard try context.resources.delete(service: "transcribe", kind: Self.filterKind, id: input.VocabularyFilterName)
        else { throw Self.filterNotFound }
        return EmptyResponse()
    }

    func storedFilter(_ name: String, context: OperationContext) throws -> StoredVocabularyFilter? {
        try context.resources.get(StoredVocabularyFilter.self, service: "transcribe", kind: Self.filterKind, id: name)
    }

    private func filterResponse(_ filter: StoredVocabularyFilter, context: OperationContext) -> VocabularyFilterResponse {
        VocabularyFilterResponse(
            VocabularyFilterName: filter.name, LanguageCode: filter.languageCode, LastModifiedTime: filter.lastModified,
            DownloadUri: "\(context.gateway.endpointURL)/\(TranscriptionOutputLocation.serviceBucket)/vocabulary-filters/\(filter.name).txt")
    }

    static var filterNotFound: ServiceError {
        ServiceError(
            code: "NotFoundException",
            message: "The requested vocabulary filter couldn't be found. Check the vocabulary filter name and try your request again.")
    }

    // MARK: - Shared

    /// Keeps a list as a text file in the service bucket, where `DownloadUri` points.
    private func writeServiceFile(_ lines: [String], key: String, context: OperationContext) throws {
        if try !context.blobs.bucketExists(TranscriptionOutputLocation.serviceBucket) {
            try? context.blobs.createBucket(TranscriptionOutputLocation.serviceBucket)
        }
        _ = try context.blobs.write(
            Data(lines.joined(separator: "\n").utf8), to: S3URI(bucket: TranscriptionOutputLocation.serviceBucket, key: key),
            contentType: "text/plain")
    }

    /// The non-empty lines of a text file in the S3 stand-in.
    private func readList(_ uri: String, context: OperationContext) throws -> [String] {
        let address = try mediaObject(uri, context: context)
        let (info, data) = try context.blobs.read(address)
        guard info.size <= Self.vocabularyBytes, let text = String(data: data, encoding: .utf8) else {
            throw ServiceError(
                code: "BadRequestException", message: "The file \(uri) must be UTF-8 text of at most \(Self.vocabularyBytes) bytes.")
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func checkEntries(_ entries: [String], what: String) throws {
        guard !entries.isEmpty else {
            throw ServiceError(code: "BadRequestException", message: "The list holds no \(what)s.")
        }
        if let long = entries.first(where: { $0.isEmpty || $0.count > phraseLength }) {
            throw ServiceError(
                code: "BadRequestException", message: "The \(what) '\(long.prefix(40))' must be 1 to \(phraseLength) characters.")
        }
        guard entries.reduce(0, { $0 + $1.utf8.count + 1 }) <= vocabularyBytes else {
            throw ServiceError(code: "LimitExceededException", message: "The list exceeds \(vocabularyBytes) bytes.")
        }
    }
}
