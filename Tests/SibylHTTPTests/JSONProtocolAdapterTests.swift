import Foundation
import SibylCore
import Testing

@testable import SibylHTTP

@Suite("rest-json binding")
struct JSONProtocolAdapterTests {
    let table = RouteTable(plugins: [LexiconTestPlugin()])

    func invocation(_ request: WireRequest, body: String = "") throws -> [String: JSONValue] {
        let route = table.route(request)
        let invocation = try JSONProtocolAdapter.invocation(
            route: route, request: request, body: Data(body.utf8), requestId: "r", caller: nil)
        return try #require(try JSONDecoder().decode(JSONValue.self, from: invocation.input).objectValue)
    }

    @Test func mergesPathLabelsWithTheBody() throws {
        let request = WireRequest(method: "PUT", rawPath: "/v1/lexicons/abc", rawQuery: nil, headers: [])
        let members = try invocation(request, body: #"{"Content":"<lexicon/>"}"#)
        #expect(members == ["Name": .string("abc"), "Content": .string("<lexicon/>")])
    }

    @Test func convertsQueryAndHeaderMembersToTheirTypes() throws {
        let request = WireRequest(
            method: "GET", rawPath: "/v1/lexicons", rawQuery: "max=5&NextToken=a%2Bb",
            headers: [("x-verbose", "true"), ("x-tags", "a,b")])
        let members = try invocation(request)
        #expect(members["MaxResults"] == .number(5))
        #expect(members["NextToken"] == .string("a+b"))
        #expect(members["Verbose"] == .bool(true))
        #expect(members["Tags"] == .array([.string("a"), .string("b")]))
    }

    @Test func badlyTypedQueryIsAValidationError() {
        let request = WireRequest(method: "GET", rawPath: "/v1/lexicons", rawQuery: "max=five", headers: [])
        #expect(throws: ServiceError.self) { try invocation(request) }
    }

    @Test func nonObjectBodyIsAValidationError() {
        let request = WireRequest(method: "PUT", rawPath: "/v1/lexicons/abc", rawQuery: nil, headers: [])
        do {
            _ = try invocation(request, body: "[1,2]")
            Issue.record("accepted a JSON array body")
        } catch let error as ServiceError {
            #expect(error.code == "ValidationException")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func errorsRenderAsBotocoreReadsThem() throws {
        let error = ServiceError.notFound("no such lexicon")
        let awsJson = ErrorRendering.json(error, style: .awsJson, requestId: "req-1")
        #expect(awsJson.status == 400)
        #expect(awsJson.header("x-amzn-RequestId") == "req-1")
        #expect(awsJson.header("x-amzn-ErrorType") == nil)
        guard case .data(let body) = awsJson.body else { Issue.record("no body"); return }
        let object = try JSONDecoder().decode([String: String].self, from: body)
        #expect(object == ["__type": "ResourceNotFoundException", "message": "no such lexicon"])
        let rest = ErrorRendering.json(error, style: .restJson, requestId: "req-2")
        #expect(rest.header("x-amzn-ErrorType") == "ResourceNotFoundException")
    }
}
