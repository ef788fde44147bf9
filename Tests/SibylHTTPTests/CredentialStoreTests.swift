import Testing

@testable import SibylHTTP

@Suite("Credentials file")
struct CredentialStoreTests {
    @Test func readsSharedCredentialsSections() throws {
        let store = try CredentialStore(parsing: """
            # team keys
            [default]
            aws_access_key_id = AKIA1
            aws_secret_access_key = secret/one
            region = eu-west-1

            [ci]
            aws_access_key_id=AKIA2
            aws_secret_access_key=secret=two
            """)
        #expect(store.count == 2)
        #expect(store.secret(for: "AKIA1") == "secret/one")
        #expect(store.secret(for: "AKIA2") == "secret=two")
        #expect(store.secret(for: "AKIA3") == nil)
    }

    @Test(arguments: ["", "[only]\naws_access_key_id = A\n", "aws_access_key_id = A\n", "[x]\nnonsense\n"])
    func rejectsUnusableFiles(text: String) {
        #expect(throws: CredentialsFileError.self) { try CredentialStore(parsing: text) }
    }
}
