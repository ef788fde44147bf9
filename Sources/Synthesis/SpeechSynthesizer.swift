/// What a synthesizer produces: mono 16-bit samples and the events that locate words and sentences in them.
public struct SynthesizedSpeech: Sendable {
    /// Signed 16-bit mono samples.
    public var samples: [Int16]
    /// Samples per second.
    public var sampleRate: Int
    /// Word, sentence, mark and phoneme events in time order.
    public var events: [SpeechEvent]

    /// Creates a result.
    public init(samples: [Int16], sampleRate: Int, events: [SpeechEvent]) {
        self.samples = samples
        self.sampleRate = sampleRate
        self.events = events
    }
}

/// An event during synthesis, located in the input text and in the audio.
public struct SpeechEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: Sendable, Equatable {
        case word
        case sentence
        /// An SSML `<mark name>`.
        case mark(String)
        /// A phoneme, by the synthesizer's own phoneme name.
        case phoneme(String)
    }

    public var kind: Kind
    /// Offset of the first character in the input, in Unicode scalars from 0.
    public var characterOffset: Int
    /// Length in Unicode scalars (words only; 0 otherwise).
    public var characterLength: Int
    /// Time from the start of the audio, in milliseconds.
    public var milliseconds: Int

    /// Creates an event.
    public init(kind: Kind, characterOffset: Int, characterLength: Int, milliseconds: Int) {
        self.kind = kind
        self.characterOffset = characterOffset
        self.characterLength = characterLength
        self.milliseconds = milliseconds
    }
}

/// One synthesis request, in the engine's own terms.
public struct SynthesisRequest: Sendable, Codable {
    /// The text, plain or SSML.
    public var text: String
    /// Whether `text` is SSML markup.
    public var isSSML: Bool
    /// The synthesizer voice name, e.g. `en-us+f3` (language voice plus variant).
    public var voice: String
    /// Speaking rate in words per minute.
    public var wordsPerMinute: Int
    /// Whether to report phoneme events (for visemes).
    public var phonemeEvents: Bool
    /// Whether `[[…]]` in the text holds phonemes in eSpeak NG's own mnemonics rather than words.
    public var phonemeInput: Bool

    /// Creates a request.
    public init(
        text: String, isSSML: Bool = false, voice: String, wordsPerMinute: Int = 175, phonemeEvents: Bool = false,
        phonemeInput: Bool = false
    ) {
        self.text = text
        self.isSSML = isSSML
        self.voice = voice
        self.wordsPerMinute = wordsPerMinute
        self.phonemeEvents = phonemeEvents
        self.phonemeInput = phonemeInput
    }
}

/// A voice the synthesizer has installed.
public struct InstalledVoice: Sendable, Equatable {
    /// The name to select it by (e.g. `en-us`).
    public var identifier: String
    /// The languages it speaks, best first (e.g. `["en-us", "en"]`).
    public var languages: [String]
}

/// Why synthesis failed.
public struct SynthesisError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable {
        /// Too many requests are waiting for the synthesizer.
        case busy
        /// The request took longer than allowed and was stopped.
        case timedOut
        /// The synthesizer does not have the voice.
        case unknownVoice
        /// The synthesizer could not start or failed.
        case engineFailure
    }

    public var code: Code
    public var description: String
}

/// Text to speech: the narrow interface plugins use, so a backend can be swapped.
public protocol SpeechSynthesizer: Sendable {
    /// Synthesizes speech for a request.
    func synthesize(_ request: SynthesisRequest) async throws -> SynthesizedSpeech
    /// The voices installed.
    func installedVoices() -> [InstalledVoice]
}
