import Apertium
import Foundation
import SibylCore
import Translation

extension TranslatePlugin {
    /// TranslateDocument accepts documents of up to 100 KB.
    static let documentBytes = 102_400
    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    func translateDocument(_ input: TranslateDocumentRequest, context: OperationContext) async throws
        -> TranslateDocumentResponse
    {
        let document = input.Document
        guard document.Content.count <= Self.documentBytes else {
            throw ServiceError(
                code: "LimitExceededException",
                message: "The document is \(document.Content.count) bytes; TranslateDocument accepts up to \(Self.documentBytes).")
        }
        if document.ContentType == Self.docxType {
            return try await translateWordDocument(input, context: context)
        }
        let isHTML = document.ContentType == "text/html"
        guard isHTML || document.ContentType == "text/plain" else {
            throw ServiceError(
                code: "InvalidRequestException",
                message: "\(document.ContentType) is not a supported content type; send text/plain, text/html or \(Self.docxType).")
        }
        guard let text = String(data: document.Content, encoding: .utf8) else {
            throw ServiceError(code: "InvalidRequestException", message: "The document is not UTF-8 text.")
        }
        try checkSettings(input.Settings, target: input.TargetLanguageCode)
        let source =
            input.SourceLanguageCode == "auto"
            ? try await detectLanguage(isHTML ? Self.visibleText(text) : text, context: context) : input.SourceLanguageCode
        guard source != input.TargetLanguageCode else {
            throw ServiceError.validation("The source and target language codes are the same (\(source)).")
        }
        let terminologies = try termProtection(
            input.TerminologyNames, from: source, to: input.TargetLanguageCode, resources: context.resources)
        if isHTML, !terminologies.isEmpty {
            throw ServiceError(
                code: "InvalidRequestException", message: "Terminologies apply to text/plain documents here, not yet to HTML.")
        }
        let translation = try await translating(from: source, to: input.TargetLanguageCode) {
            isHTML
                ? try await engine.translateHTML(text, from: source, to: input.TargetLanguageCode)
                : try await engine.translate(
                    text, from: source, to: input.TargetLanguageCode,
                    terms: terminologies.first?.protection ?? TermProtection(terms: []))
        }
        return TranslateDocumentResponse(
            TranslatedDocument: TranslatedDocument(
                Content: Data(finished(translation.text, settings: input.Settings, target: input.TargetLanguageCode).utf8)),
            SourceLanguageCode: source, TargetLanguageCode: input.TargetLanguageCode,
            AppliedTerminologies: Self.applied(terminologies.first?.name, translation),
            AppliedSettings: Self.appliedSettings(input.Settings))
    }

    /// A Word document, translated with its formatting kept (no language detection or terminologies for Word
    /// documents here).
    func translateWordDocument(_ input: TranslateDocumentRequest, context: OperationContext) async throws
        -> TranslateDocumentResponse
    {
        guard input.SourceLanguageCode != "auto" else {
            throw ServiceError(code: "InvalidRequestException", message: "Word documents need a SourceLanguageCode; auto is not supported for them here.")
        }
        guard input.TerminologyNames?.isEmpty ?? true else {
            throw ServiceError(code: "InvalidRequestException", message: "Terminologies apply to text/plain documents here, not yet to Word documents.")
        }
        try checkSettings(input.Settings, target: input.TargetLanguageCode)
        guard input.Settings?.Profanity == nil else {
            throw ServiceError.validation("Profanity masking applies to text documents here, not yet to Word documents.")
        }
        guard input.SourceLanguageCode != input.TargetLanguageCode else {
            throw ServiceError.validation("The source and target language codes are the same (\(input.SourceLanguageCode)).")
        }
        let content = try await translatingDocx(
            input.Document.Content, from: input.SourceLanguageCode, to: input.TargetLanguageCode, context: context.gateway)
        return TranslateDocumentResponse(
            TranslatedDocument: TranslatedDocument(Content: content), SourceLanguageCode: input.SourceLanguageCode,
            TargetLanguageCode: input.TargetLanguageCode, AppliedTerminologies: nil, AppliedSettings: nil)
    }

    /// A Word document translated in a scratch folder of the data directory, errors as Translate's.
    func translatingDocx(_ document: Data, from source: String, to target: String, context gateway: Gateway) async throws
        -> Data
    {
        let scratch = URL(fileURLWithPath: gateway.configuration.dataDirectory).appendingPathComponent("tmp")
        return try await translating(from: source, to: target) {
            try await engine.translateDocx(document, from: source, to: target, workDirectory: scratch)
        }
    }

    /// The text of an HTML document without its markup (for language detection only).
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    /// Runs a translation, turning engine failures into Translate's errors.
    func translating<Result>(from source: String, to target: String, _ work: () async throws -> Result) async throws
        -> Result
    {
        do {
            return try await work()
        } catch TranslationError.unsupportedPair(let from, let to) {
            var error = ServiceError(
                code: "UnsupportedLanguagePairException",
                message: "Unsupported language pair: \(from) to \(to). No chain of installed Apertium pairs connects them.")
            error.members = ["SourceLanguageCode": from, "TargetLanguageCode": to]
            throw error
        } catch let error as ApertiumPipelineError {
            throw ServiceError(code: "ServiceUnavailableException", message: "\(error)", status: 503)
        } catch let error as ApertiumFormatter.Failure {
            throw ServiceError(code: "InvalidRequestException", message: "The document could not be processed: \(error)")
        }
    }
}
