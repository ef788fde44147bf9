import Dialogue
import Foundation
import SibylCore

/// Amazon Lex V2's runtime API: text conversations with a built bot through one of its aliases, on the Dialogue
/// engine, with sessions kept in the resource store (a restart loses no conversation).
public struct LexRuntimePlugin: ServicePlugin {
    let engines = EngineCache()
    /// The place names AMAZON.City, Country and State are read with, loaded when the first bot is.
    let places: @Sendable () -> PlaceNames

    /// A plugin reading places with `places` (by default this system's names, without the world's city list).
    public init(places: @escaping @Sendable () -> PlaceNames = { .system }) {
        self.places = places
    }

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "lexv2-runtime", wireProtocol: .restJson, signingName: "lex", apiVersion: "2020-08-07",
            botocoreModel: "lexv2-runtime")
    }

    static let sessionPath = "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}"

    public var operations: [ServiceOperation] {
        [
            ServiceOperation("RecognizeText", http: HTTPBinding("POST", Self.sessionPath + "/text")) {
                (input: RecognizeTextRequest, context: OperationContext) in
                try await recognizeText(input, context: context)
            },
            ServiceOperation(
                "RecognizeUtterance",
                http: HTTPBinding(
                    "POST", Self.sessionPath + "/utterance",
                    headers: [
                        .init("x-amz-lex-session-state", member: "sessionState"),
                        .init("x-amz-lex-request-attributes", member: "requestAttributes"),
                        .init("Content-Type", member: "requestContentType"),
                        .init("Response-Content-Type", member: "responseContentType"),
                    ], payloadMember: "inputStream"),
                maxBodyBytes: 10_000_000
            ) { (input: RecognizeUtteranceRequest, context: OperationContext) -> Reply in
                try await recognizeUtterance(input, context: context)
            },
            ServiceOperation("GetSession", http: HTTPBinding("GET", Self.sessionPath)) {
                (input: SessionPathRequest, context: OperationContext) in
                try await getSession(input, context: context)
            },
            ServiceOperation(
                "PutSession",
                http: HTTPBinding(
                    "POST", Self.sessionPath, headers: [.init("ResponseContentType", member: "responseContentType")])
            ) { (input: PutSessionRequest, context: OperationContext) -> Reply in
                try await putSession(input, context: context)
            },
            ServiceOperation("DeleteSession", http: HTTPBinding("DELETE", Self.sessionPath)) {
                (input: SessionPathRequest, context: OperationContext) in
                try deleteSession(input, context: context)
            },
        ]
    }

    public func readiness() async -> EngineReadiness {
        .ready("text conversations on the Dialogue engine (intent classifier trained at BuildBotLocale)")
    }
}
