import Apertium
import Foundation
import Testing

@Suite("Apertium pipelines")
struct ApertiumPipelineTests {
    @Test func largeRequestsDoNotStallThePipes() async throws {
        // `cat` answers as it reads: writing everything before reading would fill both pipes and hang.
        let pool = ApertiumPool(name: "echo", command: "cat", size: 1, timeout: .seconds(20))
        let text = String(repeating: "The cat is in the garden. ", count: 20_000)
        #expect(try await pool.process(text) == text)
        await pool.shutDown()
    }

    @Test func aStuckPipelineTimesOutIsStoppedAndReplaced() async throws {
        let marker = "sibyl-test-\(UUID().uuidString.prefix(8))"
        let pool = ApertiumPool(name: "stuck", command: "sleep 600; echo \(marker)", size: 1, timeout: .milliseconds(300))
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: ApertiumPipelineError.self) { try await pool.process("hello") }
        // A hang detector, not a timing: the stuck command sleeps 600 s, and a loaded CI machine can be slow to stop it.
        #expect(clock.now - start < .seconds(30))
        try await Task.sleep(for: .milliseconds(200))
        let processes = Process()
        let output = Pipe()
        processes.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        processes.arguments = ["-f", marker]
        processes.standardOutput = output
        try processes.run()
        processes.waitUntilExit()
        #expect(processes.terminationStatus == 1, "the stuck pipeline's processes were not stopped")
        await #expect(throws: ApertiumPipelineError.self) { try await pool.process("again") }
        await pool.shutDown()
    }
}
