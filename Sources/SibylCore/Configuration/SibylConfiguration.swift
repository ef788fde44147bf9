import Foundation

/// Everything the gateway can be told, with the embedded defaults.
///
/// Values come from command-line flags, else `SIBYL_*` environment variables, else a JSON config file,
/// else the defaults here (see ``resolve(file:environment:overrides:)``).
public struct SibylConfiguration: Sendable, Codable, Equatable {
    /// How callers are authenticated.
    public enum AuthMode: String, Sendable, Codable, CaseIterable {
        /// No signature check; the default on loopback only.
        case none
        /// Verify AWS Signature Version 4 against a credentials file.
        case sigv4
    }

    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The port to listen on.
    public var port = 4566
    /// The data directory: SQLite store and blob area.
    public var dataDirectory = ".sibyl"
    /// How callers are authenticated.
    public var auth = AuthMode.none
    /// The credentials file (AWS shared-credentials INI) used with `sigv4`.
    public var credentialsFile: String?
    /// Allows `auth none` on a non-loopback address.
    public var allowAnonymous = false
    /// How many jobs run at once.
    public var jobWorkers = 2
    /// The largest JSON request body, in bytes, unless an operation says otherwise.
    public var maxRequestBodyBytes = 16 * 1024 * 1024
    /// The largest S3 object accepted by PutObject, in bytes (streamed to disk, never held in memory).
    public var maxObjectBytes = 5 * 1024 * 1024 * 1024
    /// The region reported to clients.
    public var region = "us-east-1"
    /// The log level: trace, debug, info, notice, warning, error, critical.
    public var logLevel = "info"
    /// Registers the test-only diagnostics job kinds (for crash-recovery tests).
    public var testJobs = false
    /// How many speech synthesis requests may wait for the synthesizer before new ones are refused.
    public var synthesisQueueDepth = 64
    /// The longest one speech synthesis may take, in seconds, before it is stopped.
    public var synthesisTimeoutSeconds = 120
    /// Speech synthesizer processes: 1 synthesizes in the gateway's own process, one request at a time; more
    /// start that many worker processes that synthesize in parallel.
    public var synthesisWorkers = 1
    /// Where the trained text-analysis models are read from; empty: the `Models` folder of the source tree the
    /// executable was built in, else `Models` in the working directory.
    public var modelsDirectory = ""
    /// Whether Translate keeps Apertium's marks on words it could not translate (`*word`), as `apertium`
    /// without `-u` does; off, they come out plain, as Amazon Translate gives them.
    public var translationMarksUnknownWords = false
    /// Whether Translate runs Apertium's HMM tagger once per request (every translation as the command line
    /// gives it, whatever came before) or keeps it alive with the other stages (faster; Apertium's tagger then
    /// carries state from one request to the next).
    public var translationTaggerPerRequest = true

    /// The embedded defaults.
    public init() {}

    /// The keys as they appear in the config file; the environment variable is `SIBYL_` + the key in upper snake case.
    public enum Key: String, CaseIterable, Sendable {
        case host, port, dataDirectory, auth, credentialsFile, allowAnonymous, jobWorkers, maxRequestBodyBytes,
            maxObjectBytes, region, logLevel, testJobs, synthesisQueueDepth, synthesisTimeoutSeconds,
            synthesisWorkers, modelsDirectory, translationMarksUnknownWords, translationTaggerPerRequest

        /// The environment variable that sets this key, e.g. `SIBYL_DATA_DIRECTORY`.
        public var environmentVariable: String {
            var name = "SIBYL_"
            for character in rawValue {
                if character.isUppercase { name += "_" }
                name += character.uppercased()
            }
            return name
        }
    }

    /// Whether `host` is a loopback address.
    public var listensOnLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Layers the configuration: `overrides` (flags) over `environment` over the config `file` over the defaults.
    ///
    /// The file is JSON with the ``Key`` names; `SIBYL_CONFIG` in the environment names one when `file` is nil.
    public static func resolve(
        file: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        overrides: [Key: String] = [:]
    ) throws -> SibylConfiguration {
        var values: [Key: String] = [:]
        if let path = file ?? environment["SIBYL_CONFIG"] {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ConfigurationError("cannot read the config file \(path): \(error.localizedDescription)")
            }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ConfigurationError("the config file \(path) is not a JSON object")
            }
            for (name, value) in object {
                guard let key = Key(rawValue: name) else {
                    throw ConfigurationError("the config file \(path) has an unknown key '\(name)'")
                }
                values[key] = "\(value)"
            }
        }
        for key in Key.allCases {
            if let value = environment[key.environmentVariable] { values[key] = value }
        }
        values.merge(overrides) { _, flag in flag }
        var configuration = SibylConfiguration()
        for (key, value) in values {
            try configuration.set(key, to: value)
        }
        try configuration.validate()
        return configuration
    }

    /// Sets one key from its text form.
    public mutating func set(_ key: Key, to text: String) throws {
        func integer(_ range: ClosedRange<Int>) throws -> Int {
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError("\(key.rawValue) must be an integer in \(range), not '\(text)'")
            }
            return value
        }
        func boolean() throws -> Bool {
            switch text.lowercased() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw ConfigurationError("\(key.rawValue) must be true or false, not '\(text)'")
            }
        }
        switch key {
        case .host: host = text
        case .port: port = try integer(0...65535)
        case .dataDirectory: dataDirectory = text
        case .auth:
            guard let mode = AuthMode(rawValue: text) else {
                throw ConfigurationError("auth must be none or sigv4, not '\(text)'")
            }
            auth = mode
        case .credentialsFile: credentialsFile = text
        case .allowAnonymous: allowAnonymous = try boolean()
        case .jobWorkers: jobWorkers = try integer(1...64)
        case .maxRequestBodyBytes: maxRequestBodyBytes = try integer(1024...(1 << 30))
        case .maxObjectBytes: maxObjectBytes = try integer(1...(5 << 40))
        case .region: region = text
        case .logLevel:
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains(text) else {
                throw ConfigurationError("logLevel must be one of \(levels.joined(separator: ", ")), not '\(text)'")
            }
            logLevel = text
        case .testJobs: testJobs = try boolean()
        case .synthesisQueueDepth: synthesisQueueDepth = try integer(1...10_000)
        case .synthesisTimeoutSeconds: synthesisTimeoutSeconds = try integer(1...3600)
        case .synthesisWorkers: synthesisWorkers = try integer(1...64)
        case .modelsDirectory: modelsDirectory = text
        case .translationMarksUnknownWords: translationMarksUnknownWords = try boolean()
        case .translationTaggerPerRequest: translationTaggerPerRequest = try boolean()
        }
    }

    /// Checks combinations: `sigv4` needs a credentials file; `none` off loopback needs `allowAnonymous`.
    public func validate() throws {
        if auth == .sigv4, credentialsFile == nil {
            throw ConfigurationError("auth sigv4 needs a credentials file (--credentials or SIBYL_CREDENTIALS_FILE)")
        }
        if auth == .none, !listensOnLoopback, !allowAnonymous {
            throw ConfigurationError(
                "listening on \(host) without signatures: use --auth sigv4, or --allow-anonymous to accept unsigned calls")
        }
    }
}

/// A configuration that cannot be used, with the reason.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var description: String

    /// Creates an error with a reason.
    public init(_ description: String) { self.description = description }
}
