import ArgumentParser
import Synthesis

extension Sibyl {
    /// `sibyl synthesis-worker`: a speech synthesizer process the gateway starts itself (see synthesisWorkers).
    struct SynthesisWorkerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "synthesis-worker",
            abstract: "Run one speech synthesizer for a gateway over standard input and output (started by the gateway).",
            shouldDisplay: false)

        @Option(help: "The longest one synthesis may take, in seconds.")
        var timeoutSeconds = 120

        func run() throws {
            try SynthesisWorker.serve(timeout: .seconds(timeoutSeconds))
        }
    }
}
