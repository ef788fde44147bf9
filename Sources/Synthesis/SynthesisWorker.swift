import Foundation

/// The loop of a synthesizer worker process (`sibyl synthesis-worker`): one eSpeak NG of its own, requests on
/// standard input, replies on standard output, until standard input closes.
public enum SynthesisWorker {
    /// Serves requests until the gateway closes the pipe.
    public static func serve(timeout: Duration) throws {
        let synthesizer = try ESpeakSynthesizer(maxWaiting: 1, timeout: timeout)
        let input = FileHandle.standardInput
        let output = FileHandle.standardOutput
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        while let message = try SpeechWire.read(from: input) {
            var header: WorkerReplyHeader
            var samples: [Int16] = []
            do {
                let request = try decoder.decode(SynthesisRequest.self, from: message)
                let speech = try synthesizer.synthesizeHere(request)
                header = WorkerReplyHeader(sampleRate: speech.sampleRate, events: speech.events)
                samples = speech.samples
            } catch let error as SynthesisError {
                header = WorkerReplyHeader(
                    sampleRate: 0, events: [], errorCode: error.code.wireName, errorDescription: error.description)
            } catch {
                header = WorkerReplyHeader(
                    sampleRate: 0, events: [], errorCode: "engineFailure", errorDescription: "\(error)")
            }
            try SpeechWire.write(try encoder.encode(header), to: output)
            try SpeechWire.write(samples.withUnsafeBytes { Data($0) }, to: output)
        }
    }
}
