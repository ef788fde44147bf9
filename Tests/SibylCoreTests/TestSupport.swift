import Foundation
import Logging
import SibylCore

/// A fresh data directory under the system temporary folder, removed when the test's value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sibyl-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

extension Gateway {
    /// A gateway over a temporary data directory.
    static func forTests(in directory: TemporaryDirectory, plugins: [any ServicePlugin], workers: Int = 1) throws -> Gateway {
        var configuration = SibylConfiguration()
        configuration.dataDirectory = directory.url.path
        configuration.jobWorkers = workers
        return try Gateway(configuration: configuration, plugins: plugins, logger: Logger(label: "test"))
    }
}
