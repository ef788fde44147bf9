import CEspeakNG
import Dispatch
import Foundation

/// eSpeak NG linked in-process. eSpeak keeps global state, so one synthesizer serves the whole process and
/// every request runs, one at a time, on its own serial queue (never on Swift's cooperative pool).
/// A bounded number of requests may wait; each has a time limit enforced from inside the audio callback.
public final class ESpeakSynthesizer: SpeechSynthesizer {
    /// The native sample rate of eSpeak NG's output.
    public let sampleRate: Int
    private let queue = DispatchQueue(label: "sibyl.espeak-ng")
    private let waiting: WaitingLimit
    private let timeout: Duration
    private let voices: [InstalledVoice]

    /// Starts eSpeak NG. Only one instance may exist per process.
    public init(maxWaiting: Int = 64, timeout: Duration = .seconds(30)) throws {
        waiting = WaitingLimit(maxWaiting)
        self.timeout = timeout
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, Int32(espeakINITIALIZE_PHONEME_EVENTS | espeakINITIALIZE_DONT_EXIT))
        guard rate > 0 else {
            throw SynthesisError(code: .engineFailure, description: "eSpeak NG could not start (espeak-ng-data missing?)")
        }
        sampleRate = Int(rate)
        // A C function, so it finds the request's collector through the events' user data.
        espeak_SetSynthCallback { samples, count, events in
            guard let events, let context = events.pointee.user_data else { return 0 }
            return Unmanaged<SynthesisCollector>.fromOpaque(context).takeUnretainedValue()
                .receive(samples: samples, count: count, events: events)
        }
        voices = Self.listVoices()
    }

    public func installedVoices() -> [InstalledVoice] { voices }

    public func synthesize(_ request: SynthesisRequest) async throws -> SynthesizedSpeech {
        try waiting.enter()
        defer { waiting.leave() }
        let deadline = ContinuousClock.now + timeout
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.run(request, deadline: deadline) })
            }
        }
    }

    /// Synthesizes on the calling thread: for a worker process, which has no other user of eSpeak NG.
    func synthesizeHere(_ request: SynthesisRequest) throws -> SynthesizedSpeech {
        try run(request, deadline: ContinuousClock.now + timeout)
    }

    /// Runs on the serial queue only (or, in a worker process, on its one thread).
    private func run(_ request: SynthesisRequest, deadline: ContinuousClock.Instant) throws -> SynthesizedSpeech {
        guard espeak_SetVoiceByName(request.voice) == EE_OK else {
            throw SynthesisError(code: .unknownVoice, description: "eSpeak NG has no voice \(request.voice)")
        }
        espeak_SetParameter(espeakRATE, Int32(max(80, min(450, request.wordsPerMinute))), 0)
        let collector = SynthesisCollector(deadline: deadline, phonemes: request.phonemeEvents)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        var flags = UInt32(espeakCHARS_UTF8)
        if request.isSSML { flags |= UInt32(espeakSSML) }
        if request.phonemeInput { flags |= UInt32(espeakPHONEMES) }
        let status = withExtendedLifetime(collector) {
            request.text.withCString { text in
                espeak_Synth(text, request.text.utf8.count + 1, 0, POS_CHARACTER, 0, flags, nil, context)
            }
        }
        if collector.timedOut {
            throw SynthesisError(code: .timedOut, description: "Synthesis took longer than \(timeout)")
        }
        guard status == EE_OK else {
            throw SynthesisError(code: .engineFailure, description: "eSpeak NG failed with status \(status.rawValue)")
        }
        return SynthesizedSpeech(samples: collector.samples, sampleRate: sampleRate, events: collector.events)
    }

    private static func listVoices() -> [InstalledVoice] {
        guard let list = espeak_ListVoices(nil) else { return [] }
        var voices: [InstalledVoice] = []
        var index = 0
        while let voice = list[index] {
            index += 1
            guard let identifier = voice.pointee.identifier, let languages = voice.pointee.languages else { continue }
            // `languages` is a list of (priority byte, zero-terminated name), ended by an empty name.
            var names: [String] = []
            var cursor = languages
            while cursor.pointee != 0 {
                cursor += 1
                let name = String(cString: cursor)
                names.append(name)
                cursor += name.utf8.count + 1
            }
            voices.append(InstalledVoice(identifier: String(cString: identifier), languages: names))
        }
        return voices
    }
}

/// Gathers what eSpeak's callback hands over during one synthesis. Touched only on the synthesizer's queue.
final class SynthesisCollector {
    var samples: [Int16] = []
    var events: [SpeechEvent] = []
    var timedOut = false
    let deadline: ContinuousClock.Instant
    let phonemes: Bool

    init(deadline: ContinuousClock.Instant, phonemes: Bool) {
        self.deadline = deadline
        self.phonemes = phonemes
    }

    func receive(samples pointer: UnsafeMutablePointer<Int16>?, count: Int32, events list: UnsafeMutablePointer<espeak_EVENT>) -> Int32 {
        if let pointer, count > 0 {
            samples.append(contentsOf: UnsafeBufferPointer(start: pointer, count: Int(count)))
        }
        var event = list
        while event.pointee.type != espeakEVENT_LIST_TERMINATED {
            let position = Int(event.pointee.text_position) - 1
            let time = Int(event.pointee.audio_position)
            switch event.pointee.type {
            case espeakEVENT_WORD:
                events.append(SpeechEvent(kind: .word, characterOffset: position, characterLength: Int(event.pointee.length), milliseconds: time))
            case espeakEVENT_SENTENCE:
                events.append(SpeechEvent(kind: .sentence, characterOffset: position, characterLength: 0, milliseconds: time))
            case espeakEVENT_MARK:
                if let name = event.pointee.id.name {
                    events.append(SpeechEvent(kind: .mark(String(cString: name)), characterOffset: position, characterLength: 0, milliseconds: time))
                }
            case espeakEVENT_PHONEME where phonemes:
                let name = withUnsafeBytes(of: event.pointee.id.string) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                events.append(SpeechEvent(kind: .phoneme(name), characterOffset: position, characterLength: 0, milliseconds: time))
            default:
                break
            }
            event += 1
        }
        if ContinuousClock.now > deadline {
            timedOut = true
            return 1  // tells eSpeak to stop
        }
        return 0
    }
}
