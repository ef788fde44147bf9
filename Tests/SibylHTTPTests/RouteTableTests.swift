import Foundation
import SibylCore
import Testing

@testable import SibylHTTP

/// A rest-json service declared only for these tests, shaped like Polly's lexicon API.
struct LexiconTestPlugin: ServicePlugin {
    struct PutLexiconInput: Codable, Sendable {
        var Name: String
        var Content: String
    }

    struct ListInput: Codable, Sendable {
        var MaxResults: Int?
        var NextToken: String?
        var Verbose: Bool?
        var Tags: [String]?
    }

    var descriptor: ServiceDescriptor {
        ServiceDescriptor(name: "lexicons", wireProtocol: .restJson, signingName: "polly", apiVersion: "2016-06-10")
    }

    var operations: [ServiceOperation] {
        [
            ServiceOperation("PutLexicon", http: HTTPBinding("PUT", "/v1/lexicons/{Name}")) {
                (input: PutLexiconInput, _: OperationContext) in input
            },
            ServiceOperation(
                "ListLexicons",
                http: HTTPBinding(
                    "GET", "/v1/lexicons",
                    query: [.init("NextToken", member: "NextToken"), .init("max", member: "MaxResults", type: .integer)],
                    headers: [.init("x-verbose", member: "Verbose", type: .boolean), .init("x-tags", member: "Tags", type: .stringList)])
            ) { (input: ListInput, _: OperationContext) in input },
            ServiceOperation("GetObjectLike", http: HTTPBinding("GET", "/v1/files/{Key+}")) {
                (input: [String: String], _: OperationContext) in input
            },
        ]
    }
}

@Suite("Routing")
struct RouteTableTests {
    let table = RouteTable(plugins: [LexiconTestPlugin(), JSONTestPlugin()])

    func request(_ method: String, _ path: String, query: String? = nil, headers: [(String, String)] = []) -> WireRequest {
        WireRequest(method: method, rawPath: path, rawQuery: query, headers: headers.map { (name: $0.0, value: $0.1) })
    }

    @Test func healthAndMetrics() {
        guard case .health = table.route(request("GET", "/health")) else { Issue.record("not health"); return }
        guard case .metrics = table.route(request("GET", "/metrics")) else { Issue.record("not metrics"); return }
        // A bucket called "health" listed with ListObjectsV2 is S3, not the health check.
        guard case .s3 = table.route(request("GET", "/health", query: "list-type=2")) else {
            Issue.record("not s3"); return
        }
    }

    @Test func awsJsonByTarget() {
        let route = table.route(request("POST", "/", headers: [("X-Amz-Target", "Test_20200101.DoThing")]))
        guard case .awsJson(let service, let operation) = route else { Issue.record("\(route)"); return }
        #expect(service == "jsontest")
        #expect(operation == "DoThing")
        guard case .awsJson(nil, "Detect") = table.route(request("POST", "/", headers: [("X-Amz-Target", "Other.Detect")]))
        else { Issue.record("unknown prefix must still route to awsJson"); return }
    }

    @Test func restJsonByMethodAndPath() {
        let route = table.route(request("PUT", "/v1/lexicons/my%20lexicon"))
        guard case .restJson(let service, let operation, let labels) = route else { Issue.record("\(route)"); return }
        #expect(service == "lexicons")
        #expect(operation.name == "PutLexicon")
        #expect(labels == ["Name": "my lexicon"])
        guard case .restJson(_, let greedy, let keyLabels) = table.route(request("GET", "/v1/files/a/b/c.txt")) else {
            Issue.record("greedy label"); return
        }
        #expect(greedy.name == "GetObjectLike")
        #expect(keyLabels == ["Key": "a/b/c.txt"])
    }

    @Test func nativeRouteForRegisteredServices() {
        guard case .native("jsontest", "DoThing") = table.route(request("POST", "/v1/jsontest/DoThing")) else {
            Issue.record("native"); return
        }
    }

    @Test func credentialScopeSeparatesS3FromServices() {
        let s3Auth = "AWS4-HMAC-SHA256 Credential=AK/20261124/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00"
        // Path-style bucket "v1" with key "lexicons" would otherwise look like a rest-json route.
        guard case .s3 = table.route(request("GET", "/v1/lexicons", headers: [("Authorization", s3Auth)])) else {
            Issue.record("s3 scope"); return
        }
        guard case .s3 = table.route(request("PUT", "/bucket/key")) else { Issue.record("unsigned s3"); return }
        let lexAuth = "AWS4-HMAC-SHA256 Credential=AK/20261124/us-east-1/lex/aws4_request, SignedHeaders=host, Signature=00"
        guard case .unknown(service: "lex") = table.route(request("GET", "/bots", headers: [("Authorization", lexAuth)]))
        else { Issue.record("unknown rest route"); return }
    }

    @Test func pathTemplates() {
        let template = PathTemplate("/bots/{botId}/botAliases/{botAliasId}")
        #expect(template.match(["bots", "B1", "botAliases", "A1"]) == ["botId": "B1", "botAliasId": "A1"])
        #expect(template.match(["bots", "B1", "botAliases"]) == nil)
        #expect(template.match(["bots", "B1", "botAliases", "A1", "extra"]) == nil)
        #expect(template.match(["bots", "", "botAliases", "A1"]) == nil)
        #expect(template.literalCount == 2)
    }
}

/// An awsJson service declared only for these tests.
struct JSONTestPlugin: ServicePlugin {
    var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "jsontest", wireProtocol: .awsJson11(targetPrefix: "Test_20200101"), signingName: "jsontest",
            apiVersion: "2020-01-01")
    }

    var operations: [ServiceOperation] {
        [ServiceOperation("DoThing") { (_: NoInput, _: OperationContext) in NoOutput() }]
    }
}
