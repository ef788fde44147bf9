import Foundation
import SibylCore
import Testing

/// A plugin declared for these tests: typed input with nested members and model constraints.
struct EchoPlugin: ServicePlugin {
    struct TranslationSettings: Codable, Sendable {
        var Formality: String
    }

    struct EchoRequest: Codable, Sendable, ValidatableInput {
        var Text: String
        var Count: Int?
        var Settings: TranslationSettings?
        var TextList: [String]?

        func validate() throws {
            guard !Text.isEmpty else {
                throw ServiceError.constraint(member: "Text", value: "''", "Member must have length greater than or equal to 1")
            }
        }
    }

    struct EchoResponse: Codable, Sendable {
        var Text: String
        var At: Date
    }

    struct Failure: Error {}

    var descriptor: ServiceDescriptor {
        ServiceDescriptor(name: "echo", wireProtocol: .awsJson11(targetPrefix: "Echo"), signingName: "echo", apiVersion: "1")
    }

    var operations: [ServiceOperation] {
        [
            ServiceOperation("Echo") { (input: EchoRequest, _: OperationContext) in
                EchoResponse(Text: input.Text, At: Date(timeIntervalSince1970: 1_700_000_000))
            },
            ServiceOperation("Crash") { (_: NoInput, _: OperationContext) -> NoOutput in throw Failure() },
            ServiceOperation("Relay") { (input: EchoRequest, context: OperationContext) in
                try await context.gateway.call("echo", "Echo", input: input, as: EchoResponse.self)
            },
        ]
    }
}

@Suite("Gateway")
struct GatewayTests {
    let directory: TemporaryDirectory
    let gateway: Gateway

    init() throws {
        directory = try TemporaryDirectory()
        gateway = try Gateway.forTests(in: directory, plugins: [EchoPlugin()])
    }

    func invoke(_ operation: String, _ json: String) async throws(ServiceError) -> Reply {
        try await gateway.invoke(Invocation(service: "echo", operation: operation, input: Data(json.utf8)))
    }

    func error(_ operation: String, _ json: String) async -> ServiceError? {
        do {
            _ = try await invoke(operation, json)
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesRunsAndEncodesTimestampsAsEpochSeconds() async throws {
        let reply = try await invoke("Echo", #"{"Text":"hello"}"#)
        let json = String(decoding: try #require(reply.jsonData), as: UTF8.self)
        #expect(json.contains(#""Text":"hello""#))
        #expect(json.contains(#""At":1700000000"#))
    }

    @Test func emptyBodyMeansEmptyInput() async {
        let failure = await error("Echo", "")
        #expect(failure?.code == "ValidationException")
        #expect(failure?.message.contains("'Text'") == true)
    }

    @Test(arguments: [
        (#"{}"#, "'Text'"),
        (#"{"Text": 5}"#, "'Text'"),
        (#"{"Text":"a","Count":"x"}"#, "'Count'"),
        (#"{"Text":"a","Settings":{}}"#, "'Settings.Formality'"),
        (#"{"Text":"a","TextList":["ok", 3]}"#, "'TextList[1]'"),
        (#"{"Text":""}"#, "'Text'"),
        (#"{"Text": "a""#, "not valid JSON"),
    ])
    func invalidInputIsAValidationErrorNamingTheMember(json: String, named: String) async {
        let failure = await error("Echo", json)
        #expect(failure?.code == "ValidationException")
        #expect(failure?.status == 400)
        #expect(failure?.message.contains(named) == true, "\(failure?.message ?? "no error")")
    }

    @Test func unknownServiceAndOperation() async {
        #expect(await error("Nope", "{}")?.code == "UnknownOperationException")
        do {
            _ = try await gateway.invoke(Invocation(service: "nope", operation: "Echo"))
            Issue.record("unknown service answered")
        } catch {
            #expect(error.code == "UnknownOperationException")
        }
    }

    @Test func unexpectedErrorsBecomeInternalServerErrorsWithoutDetails() async {
        let failure = await error("Crash", "{}")
        #expect(failure?.code == "InternalServerException")
        #expect(failure?.status == 500)
        #expect(failure?.message.contains("Failure") == false)
    }

    @Test func pluginsCallEachOtherThroughTheGateway() async throws {
        let reply = try await invoke("Relay", #"{"Text":"relayed"}"#)
        #expect(String(decoding: try #require(reply.jsonData), as: UTF8.self).contains("relayed"))
    }
}
