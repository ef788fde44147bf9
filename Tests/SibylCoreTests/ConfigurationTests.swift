import Foundation
import SibylCore
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test func defaults() throws {
        let configuration = try SibylConfiguration.resolve(environment: [:])
        #expect(configuration == SibylConfiguration())
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 4566)
        #expect(configuration.auth == .none)
    }

    @Test func flagsOverEnvironmentOverFile() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("sibyl.json")
        try Data(#"{"port": 5000, "dataDirectory": "/from/file", "region": "eu-west-1", "jobWorkers": 3}"#.utf8).write(to: file)
        let configuration = try SibylConfiguration.resolve(
            file: file.path, environment: ["SIBYL_PORT": "6000", "SIBYL_DATA_DIRECTORY": "/from/env"],
            overrides: [.port: "7000"])
        #expect(configuration.port == 7000)
        #expect(configuration.dataDirectory == "/from/env")
        #expect(configuration.region == "eu-west-1")
        #expect(configuration.jobWorkers == 3)
    }

    @Test func configFileFromEnvironment() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("c.json")
        try Data(#"{"logLevel": "debug"}"#.utf8).write(to: file)
        #expect(try SibylConfiguration.resolve(environment: ["SIBYL_CONFIG": file.path]).logLevel == "debug")
    }

    @Test func environmentVariableNames() {
        #expect(SibylConfiguration.Key.dataDirectory.environmentVariable == "SIBYL_DATA_DIRECTORY")
        #expect(SibylConfiguration.Key.maxRequestBodyBytes.environmentVariable == "SIBYL_MAX_REQUEST_BODY_BYTES")
    }

    @Test(arguments: [
        ["SIBYL_PORT": "http"], ["SIBYL_AUTH": "basic"], ["SIBYL_AUTH": "sigv4"], ["SIBYL_HOST": "0.0.0.0"],
        ["SIBYL_JOB_WORKERS": "0"], ["SIBYL_TEST_JOBS": "maybe"], ["SIBYL_LOG_LEVEL": "loud"],
    ])
    func invalidSettingsAreRefusedWithAReason(environment: [String: String]) {
        #expect(throws: ConfigurationError.self) { try SibylConfiguration.resolve(environment: environment) }
    }

    @Test func openListenersNeedSignaturesOrAnExplicitOptIn() throws {
        let open = try SibylConfiguration.resolve(environment: ["SIBYL_HOST": "0.0.0.0", "SIBYL_ALLOW_ANONYMOUS": "true"])
        #expect(open.allowAnonymous)
        let signed = try SibylConfiguration.resolve(
            environment: ["SIBYL_HOST": "0.0.0.0", "SIBYL_AUTH": "sigv4", "SIBYL_CREDENTIALS_FILE": "/x"])
        #expect(signed.auth == .sigv4)
    }

    @Test func unknownKeysInTheFileAreRefused() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("c.json")
        try Data(#"{"prot": 1}"#.utf8).write(to: file)
        #expect(throws: ConfigurationError.self) { try SibylConfiguration.resolve(file: file.path, environment: [:]) }
    }
}
