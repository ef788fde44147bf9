import ArgumentParser
import Foundation
import SibylCore

extension Sibyl {
    /// `sibyl services`: the registered plugins, their operations, and whether their engines are ready.
    struct Services: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the services, their protocols and operations, and whether each engine is ready.")

        @OptionGroup var options: ConfigurationOptions

        @Flag(help: "Print JSON (for tools such as Scripts/generate-coverage) instead of a table.")
        var json = false

        func run() async throws {
            let configuration = try options.resolve()
            let plugins = PluginList.make(configuration)
            print(json ? try await ServiceTable.json(plugins: plugins) : await ServiceTable.render(plugins: plugins))
        }
    }
}

/// The text table (or JSON) `sibyl services` prints.
enum ServiceTable {
    struct Entry: Encodable {
        var name: String
        var `protocol`: String
        var signingName: String
        var apiVersion: String
        var botocoreModel: String?
        var ready: Bool
        var detail: String
        /// Operations answered by an engine.
        var operations: [String]
        /// Operations of the service refused by name (no engine here), with the reason.
        var refused: [String: String]
    }

    static func json(plugins: [any ServicePlugin]) async throws -> String {
        var entries: [Entry] = []
        for plugin in plugins {
            let descriptor = plugin.descriptor
            let readiness = await plugin.readiness()
            entries.append(
                Entry(
                    name: descriptor.name, protocol: wireName(descriptor.wireProtocol),
                    signingName: descriptor.signingName, apiVersion: descriptor.apiVersion,
                    botocoreModel: descriptor.botocoreModel, ready: readiness.ready, detail: readiness.detail,
                    operations: plugin.operations.filter { $0.refusal == nil }.map(\.name).sorted(),
                    refused: Dictionary(
                        uniqueKeysWithValues: plugin.operations.compactMap { operation in
                            operation.refusal.map { (operation.name, $0) }
                        })))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }

    static func wireName(_ wire: ServiceDescriptor.WireProtocol) -> String {
        switch wire {
        case .awsJson11(let prefix): "awsJson1.1 (\(prefix))"
        case .restJson: "rest-json"
        }
    }

    static func render(plugins: [any ServicePlugin]) async -> String {
        var rows = [["SERVICE", "PROTOCOL", "SIGNING NAME", "READY", "OPERATIONS"]]
        for plugin in plugins {
            let descriptor = plugin.descriptor
            let wire = wireName(descriptor.wireProtocol)
            let readiness = await plugin.readiness()
            rows.append([
                descriptor.name, wire, descriptor.signingName,
                readiness.ready ? "yes" : "no: \(readiness.detail)",
                plugin.operations.filter { $0.refusal == nil }.map(\.name).sorted().joined(separator: ", "),
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
