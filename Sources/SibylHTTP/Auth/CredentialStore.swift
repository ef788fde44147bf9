import Foundation

/// Access key ids and their secrets, read from an AWS shared-credentials file (`[profile]` sections with
/// `aws_access_key_id` and `aws_secret_access_key`).
public struct CredentialStore: Sendable {
    let secrets: [String: String]

    /// Creates a store from access key id → secret pairs.
    public init(secrets: [String: String]) {
        self.secrets = secrets
    }

    /// Reads a credentials file; every section must name both a key id and a secret.
    public init(contentsOf path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CredentialsFileError("cannot read the credentials file \(path): \(error.localizedDescription)")
        }
        try self.init(parsing: text, source: path)
    }

    /// Parses credentials-file text.
    public init(parsing text: String, source: String = "credentials") throws {
        var secrets: [String: String] = [:]
        var section: String?
        var keyID: String?
        var secret: String?
        func closeSection() throws {
            guard let name = section else { return }
            guard let keyID, let secret, !keyID.isEmpty, !secret.isEmpty else {
                throw CredentialsFileError(
                    "\(source): section [\(name)] needs both aws_access_key_id and aws_secret_access_key")
            }
            secrets[keyID] = secret
        }
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                try closeSection()
                section = String(line.dropFirst().dropLast())
                keyID = nil
                secret = nil
                continue
            }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, section != nil else {
                throw CredentialsFileError("\(source): cannot read the line '\(line)'")
            }
            switch parts[0] {
            case "aws_access_key_id": keyID = parts[1]
            case "aws_secret_access_key": secret = parts[1]
            default: continue
            }
        }
        try closeSection()
        guard !secrets.isEmpty else { throw CredentialsFileError("\(source) lists no credentials") }
        self.secrets = secrets
    }

    /// The secret of an access key id, or `nil` when the key is unknown.
    public func secret(for accessKeyID: String) -> String? { secrets[accessKeyID] }

    /// How many keys the store holds.
    public var count: Int { secrets.count }
}

/// A credentials file that cannot be used, with the reason.
public struct CredentialsFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
