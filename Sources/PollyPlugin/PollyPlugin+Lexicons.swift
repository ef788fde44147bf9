import Foundation
import SibylCore

/// Pronunciation lexicons, kept in the resource store and applied at synthesis (up to 5 per request).
extension PollyPlugin {
    static let lexiconKind = "lexicon"
    static let maxLexicons = 100

    func putLexicon(_ input: PutLexiconInput, context: OperationContext) throws -> NoOutput {
        let parsed = try PronunciationLexicon(parsing: input.Content, supportedLanguages: Set(voices.map(\.languageCode)))
        let existing = try context.resources.list(StoredLexicon.self, service: "polly", kind: Self.lexiconKind)
        if existing.count >= Self.maxLexicons, !existing.contains(where: { $0.name == input.Name }) {
            throw ServiceError(
                code: "MaxLexiconsNumberExceededException",
                message: "The maximum number of lexicons (\(Self.maxLexicons)) would be exceeded.")
        }
        let stored = StoredLexicon(name: input.Name, content: input.Content, lexicon: parsed, lastModified: Date())
        try context.resources.put(stored, service: "polly", kind: Self.lexiconKind, id: input.Name)
        return NoOutput()
    }

    func getLexicon(_ input: LexiconNameInput, context: OperationContext) throws -> GetLexiconOutput {
        let stored = try storedLexicon(input.Name, resources: context.resources)
        return GetLexiconOutput(
            Lexicon: .init(Content: stored.content, Name: stored.name),
            LexiconAttributes: stored.attributes(region: context.gateway.configuration.region))
    }

    func listLexicons(_ input: ListLexiconsInput, context: OperationContext) throws -> ListLexiconsOutput {
        if input.NextToken != nil {
            throw ServiceError(code: "InvalidNextTokenException", message: "The NextToken is invalid")
        }
        let region = context.gateway.configuration.region
        let all = try context.resources.list(StoredLexicon.self, service: "polly", kind: Self.lexiconKind)
        return ListLexiconsOutput(Lexicons: all.map { .init(Name: $0.name, Attributes: $0.attributes(region: region)) })
    }

    func deleteLexicon(_ input: LexiconNameInput, context: OperationContext) throws -> NoOutput {
        guard try context.resources.delete(service: "polly", kind: Self.lexiconKind, id: input.Name) else {
            throw Self.lexiconNotFound(input.Name)
        }
        return NoOutput()
    }

    /// The named lexicons, in order; a missing one answers `LexiconNotFoundException`.
    func lexicons(_ names: [String], resources: ResourceStore) throws -> [PronunciationLexicon] {
        try names.map { try storedLexicon($0, resources: resources).lexicon }
    }

    private func storedLexicon(_ name: String, resources: ResourceStore) throws -> StoredLexicon {
        guard let stored = try resources.get(StoredLexicon.self, service: "polly", kind: Self.lexiconKind, id: name) else {
            throw Self.lexiconNotFound(name)
        }
        return stored
    }

    private static func lexiconNotFound(_ name: String) -> ServiceError {
        ServiceError(
            code: "LexiconNotFoundException",
            message: "Lexicon not found: \(name). Put it first with PutLexicon.", status: 404)
    }
}
