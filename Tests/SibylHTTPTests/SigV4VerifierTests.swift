import Foundation
import Testing

@testable import SibylHTTP

@Suite("SigV4 verification")
struct SigV4VerifierTests {
    static let iamTime = SigV4Verifier.parseAmzDate("20150830T123600Z")!

    /// The IAM ListUsers example from AWS's SigV4 documentation, as botocore signs it.
    static func iamRequest(signature: String = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
                           date: String = "20150830T123600Z") -> WireRequest {
        WireRequest(
            method: "GET", rawPath: "/", rawQuery: "Action=ListUsers&Version=2010-05-08",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Host", "iam.amazonaws.com"),
                ("X-Amz-Date", date),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, Signature=\(signature)"
                ),
            ])
    }

    static func verifier(at time: Date = iamTime) -> SigV4Verifier {
        SigV4Verifier(
            credentials: CredentialStore(secrets: ["AKIDEXAMPLE": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"]),
            now: { time })
    }

    @Test func acceptsTheDocumentedExample() throws {
        let caller = try Self.verifier().verify(Self.iamRequest(), bodyHash: SigV4Verifier.emptyPayloadHash)
        #expect(caller == VerifiedCaller(
            accessKeyID: "AKIDEXAMPLE", region: "us-east-1", service: "iam",
            payloadHash: SigV4Verifier.emptyPayloadHash))
    }

    @Test func rejectsAnAlteredSignature() {
        let request = Self.iamRequest(signature: "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d8")
        #expect(throws: SignatureFailure.mismatch) {
            try Self.verifier().verify(request, bodyHash: SigV4Verifier.emptyPayloadHash)
        }
    }

    @Test func rejectsAnAlteredBody() {
        let otherBody = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        #expect(throws: SignatureFailure.mismatch) {
            try Self.verifier().verify(Self.iamRequest(), bodyHash: otherBody)
        }
    }

    @Test func rejectsAnUnknownKey() {
        let verifier = SigV4Verifier(credentials: CredentialStore(secrets: ["OTHER": "x"]), now: { Self.iamTime })
        #expect(throws: SignatureFailure.unknownAccessKey("AKIDEXAMPLE")) {
            try verifier.verify(Self.iamRequest(), bodyHash: SigV4Verifier.emptyPayloadHash)
        }
    }

    @Test(arguments: [-16.0, 16.0])
    func rejectsAClockSkewedByMoreThanFifteenMinutes(minutes: Double) {
        let verifier = Self.verifier(at: Self.iamTime.addingTimeInterval(minutes * 60))
        #expect(throws: SignatureFailure.self) {
            try verifier.verify(Self.iamRequest(), bodyHash: SigV4Verifier.emptyPayloadHash)
        }
    }

    @Test func acceptsAClockSkewWithinFifteenMinutes() throws {
        let verifier = Self.verifier(at: Self.iamTime.addingTimeInterval(14 * 60))
        _ = try verifier.verify(Self.iamRequest(), bodyHash: SigV4Verifier.emptyPayloadHash)
    }

    @Test func missingAuthorizationIsReportedAsMissing() {
        let request = WireRequest(method: "GET", rawPath: "/", rawQuery: nil, headers: [("Host", "x")])
        #expect(throws: SignatureFailure.missing) { try Self.verifier().verify(request, bodyHash: nil) }
    }

    /// botocore signs non-S3 paths encoded twice: `my%20lex` is signed as `my%2520lex`.
    @Test func nonS3PathsAreEncodedTwice() throws {
        let request = WireRequest(
            method: "POST", rawPath: "/v1/lexicons/my%20lex%2Fx", rawQuery: nil,
            headers: [
                ("Host", "127.0.0.1:4566"), ("X-Amz-Date", "20261124T100000Z"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AK/20261124/us-east-1/polly/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=501e01e5744346bcaf934c66e87301eefad1b4087e4180d831b657cac49d41a7"
                ),
            ])
        let verifier = SigV4Verifier(
            credentials: CredentialStore(secrets: ["AK": "SECRET"]),
            now: { SigV4Verifier.parseAmzDate("20261124T100500Z")! })
        let bodyHash = "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"  // {"a":1}
        let caller = try verifier.verify(request, bodyHash: bodyHash)
        #expect(caller.service == "polly")
        #expect(SigV4Verifier.canonicalURI("/v1/lexicons/my%20lex%2Fx", service: "polly") == "/v1/lexicons/my%2520lex%252Fx")
        #expect(SigV4Verifier.canonicalURI("/b/a%20b", service: "s3") == "/b/a%20b")
    }

    @Test func queryIsDecodedReencodedAndSorted() {
        #expect(SigV4Verifier.canonicalQuery("prefix=a%2Fb&list-type=2&delimiter=%2F&location", dropSignature: false)
            == "delimiter=%2F&list-type=2&location=&prefix=a%2Fb")
        #expect(SigV4Verifier.canonicalQuery("X-Amz-Signature=abc&b=1", dropSignature: true) == "b=1")
    }

    @Test func payloadHashClaimsAreChecked() throws {
        let caller = VerifiedCaller(accessKeyID: "a", region: "r", service: "s3", payloadHash: SigV4Verifier.emptyPayloadHash)
        try SigV4Verifier.checkPayload(SigV4Verifier.emptyPayloadHash, of: caller)
        #expect(throws: SignatureFailure.self) { try SigV4Verifier.checkPayload(String(repeating: "0", count: 64), of: caller) }
        let unsigned = VerifiedCaller(accessKeyID: "a", region: "r", service: "s3", payloadHash: "UNSIGNED-PAYLOAD")
        try SigV4Verifier.checkPayload(String(repeating: "0", count: 64), of: unsigned)
    }

    @Test func amzDatesRoundTripAndRejectNonsense() {
        #expect(SigV4Verifier.formatAmzDate(Self.iamTime) == "20150830T123600Z")
        #expect(SigV4Verifier.parseAmzDate("20151330T123600Z") == nil)
        #expect(SigV4Verifier.parseAmzDate("2015-08-30T12:36:00Z") == nil)
    }
}
