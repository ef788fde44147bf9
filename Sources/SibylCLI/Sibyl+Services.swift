import ArgumentParser
import Foundation
import SibylCore

extension Sibyl {
    /// `sibyl services`: the registered plugins, their operations, and whether their engines are ready.
    struct Services: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the services, their protocols and operations, and whether each engine is ready.")

        @OptionGroup var options: ConfigurationOptions

        func run() async throws {
            let configuration = try options.resolve()
            print(await ServiceTable.render(plugins: PluginList.make(configuration)))
        }
    }
}

/// The text table `sibyl services` prints.
enum ServiceTable {
    static func render(plugins: [any ServicePlugin]) async -> String {
        var rows = [["SERVICE", "PROTOCOL", "SIGNING NAME", "READY", "OPERATIONS"]]
        for plugin in plugins {
            let descriptor = plugin.descriptor
            let wire =
                switch descriptor.wireProtocol {
                case .awsJson11(let prefix): "awsJson1.1 (\(prefix))"
                case .restJson: "rest-json"
                }
            let readiness = await plugin.readiness()
            rows.append([
                descriptor.name, wire, descriptor.signingName,
                readiness.ready ? "yes" : "no: \(readiness.detail)",
                plugin.operations.map(\.name).sorted().joined(separator: ", "),
            ])
        }
        let widths = (0..<rows[0].count - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index < widths.count ? cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0) : cell
            }.joined()
        }.joined(separator: "\n")
    }
}
