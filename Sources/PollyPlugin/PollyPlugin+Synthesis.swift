import Audio
import Foundation
import SibylCore
import Synthesis

/// A validated synthesis request: what to say, with which voice, and how to encode it.
struct PreparedSpeech: Sendable {
    var text: String
    var isSSML: Bool
    var voice: PollyVoice
    var format: String
    var sampleRate: Int
    var marks: Set<String>
    var billedCharacters: Int
    /// What the synthesizer is given: the text with SSML rewritten and lexicons applied, mapped to the request.
    var synthesisText: MappedText
    /// Whether `synthesisText` holds eSpeak NG phoneme input.
    var phonemeInput: Bool

    /// The file extension Polly gives task outputs in this format.
    var fileExtension: String {
        switch format {
        case "mp3": "mp3"
        case "ogg_vorbis": "ogg"
        case "pcm": "pcm"
        default: "marks"
        }
    }
}

/// The character limits of a request: Polly allows far more text in asynchronous tasks.
struct TextLimits {
    var billed: Int
    var total: Int

    static let synchronous = TextLimits(billed: 3000, total: 6000)
    static let task = TextLimits(billed: 100_000, total: 200_000)
}

extension PollyPlugin {
    /// The output formats Sibyl encodes (Polly also has ogg_opus, mulaw and alaw).
    static let encodedFormats: Set<String> = ["json", "mp3", "ogg_vorbis", "pcm"]

    func synthesizeSpeech(_ input: SynthesizeSpeechInput, context: OperationContext) async throws -> Reply {
        let speech = try prepare(input, limits: .synchronous, resources: context.resources)
        let (data, contentType) = try await render(speech)
        return Reply(
            body: .binary(data, contentType: contentType),
            headers: ["x-amzn-RequestCharacters": String(speech.billedCharacters)])
    }

    /// Checks a request against Polly's rules, in the order Polly reports them.
    func prepare(_ input: SynthesizeSpeechInput, limits: TextLimits, resources: ResourceStore) throws -> PreparedSpeech {
        if let engine = input.Engine, engine != "standard" {
            throw ServiceError(
                code: "EngineNotSupportedException",
                message: "This voice does not support the selected engine: Sibyl speaks with the standard engine only.")
        }
        guard let voice = voices.first(where: { $0.id == input.VoiceId }) else {
            throw ServiceError.constraint(
                member: "VoiceId", value: "'\(input.VoiceId)'",
                "Member must satisfy enum value set: [\(voices.map(\.id).joined(separator: ", "))]")
        }
        if let language = input.LanguageCode, language != voice.languageCode,
            !voice.additionalLanguageCodes.contains(language)
        {
            throw ServiceError(
                code: "LanguageNotSupportedException",
                message: "Voice \(voice.id) does not speak \(language); it speaks \(voice.languageCode).")
        }
        let format = input.OutputFormat
        guard Self.encodedFormats.contains(format) else {
            throw ServiceError.validation(
                "OutputFormat \(format) has no encoder in Sibyl yet; use one of \(Self.encodedFormats.sorted().joined(separator: ", "))")
        }
        let marks = Set(input.SpeechMarkTypes ?? [])
        if format == "json" {
            guard !marks.isEmpty else {
                throw ServiceError.validation("SpeechMarkTypes must be specified when the OutputFormat is json")
            }
        } else if !marks.isEmpty {
            throw ServiceError(
                code: "MarksNotSupportedForFormatException",
                message: "Speech marks are only available with the json OutputFormat, not \(format).")
        }
        let isSSML = input.TextType == "ssml"
        if marks.contains("ssml"), !isSSML {
            throw ServiceError(
                code: "SsmlMarksNotSupportedForTextTypeException", message: "SSML speech marks need TextType ssml.")
        }
        let sampleRate = try Self.sampleRate(input.SampleRate, format: format)
        let lexicons = try lexicons(input.LexiconNames ?? [], resources: resources)
        let billed = isSSML ? try SSMLText.billedCharacters(input.Text) : input.Text.count
        guard billed <= limits.billed, input.Text.count <= limits.total else {
            throw ServiceError(
                code: "TextLengthExceededException",
                message: "Maximum text length has been exceeded: \(billed) billed characters of at most "
                    + "\(limits.billed), \(input.Text.count) characters of at most \(limits.total).")
        }
        var synthesisText = MappedText(original: input.Text)
        var phonemeInput = false
        if isSSML {
            (synthesisText, phonemeInput) = try SSMLRewriter(english: voice.languageCode.hasPrefix("en"))
                .rewrite(synthesisText)
        }
        let (applied, lexiconPhonemes) = LexiconApplication.apply(lexicons, to: synthesisText, isSSML: isSSML)
        return PreparedSpeech(
            text: input.Text, isSSML: isSSML, voice: voice, format: format, sampleRate: sampleRate, marks: marks,
            billedCharacters: billed, synthesisText: applied, phonemeInput: phonemeInput || lexiconPhonemes)
    }

    /// Synthesizes and encodes: the body and its content type.
    func render(_ speech: PreparedSpeech) async throws -> (Data, String) {
        let applied = speech.synthesisText
        let synthesized = try await synthesizeInChunks(speech)
        if speech.format == "json" {
            // Events point into the synthesized text; speech marks point into the request's text.
            let events = synthesized.events.map { event in
                var mapped = event
                mapped.characterOffset = applied.originalOffset(event.characterOffset)
                mapped.characterLength = max(
                    0, applied.originalOffset(event.characterOffset + event.characterLength) - mapped.characterOffset)
                return mapped
            }
            let stream = SpeechMarkWriter(text: speech.text, types: speech.marks).write(events)
            return (stream, "application/x-json-stream")
        }
        let samples = try Resampler.resample(synthesized.samples, from: synthesized.sampleRate, to: speech.sampleRate)
        switch speech.format {
        case "pcm": return (PCMEncoding.littleEndianBytes(samples), "audio/pcm")
        case "mp3": return (try MP3Encoder.encode(samples, sampleRate: speech.sampleRate), "audio/mpeg")
        case "ogg_vorbis": return (try OggVorbisEncoder.encode(samples, sampleRate: speech.sampleRate), "audio/ogg")
        default: preconditionFailure("every format in encodedFormats has a case here")
        }
    }

    /// Plain text longer than one chunk is synthesized a chunk at a time, so that a long task takes turns with
    /// other requests on the single synthesizer instead of holding it for its whole duration. Event offsets and
    /// times are shifted to the whole text and the whole audio.
    private func synthesizeInChunks(_ speech: PreparedSpeech) async throws -> SynthesizedSpeech {
        let scalars = speech.synthesisText.scalars
        let chunks = speech.isSSML ? [0..<scalars.count] : TextChunks.split(scalars, around: Self.chunkScalars)
        var whole = SynthesizedSpeech(samples: [], sampleRate: 0, events: [])
        for chunk in chunks {
            let part: SynthesizedSpeech
            do {
                part = try await engine().synthesize(
                    SynthesisRequest(
                        text: String(String.UnicodeScalarView(scalars[chunk])), isSSML: speech.isSSML,
                        voice: speech.voice.synthesizerVoice, phonemeEvents: speech.marks.contains("viseme"),
                        phonemeInput: speech.phonemeInput))
            } catch let error as SynthesisError {
                throw Self.serviceError(for: error)
            }
            let elapsed = whole.sampleRate == 0 ? 0 : whole.samples.count * 1000 / whole.sampleRate
            whole.sampleRate = part.sampleRate
            whole.events += part.events.map { event in
                var shifted = event
                shifted.characterOffset += chunk.lowerBound
                shifted.milliseconds += elapsed
                return shifted
            }
            whole.samples += part.samples
        }
        return whole
    }

    /// About how many characters of plain text are synthesized at once.
    static let chunkScalars = 1500

    /// Polly's sample rates per format, with its defaults (22050 for mp3/ogg, 16000 for pcm).
    static func sampleRate(_ requested: String?, format: String) throws -> Int {
        let allowed: [Int] =
            switch format {
            case "pcm": [8000, 16000]
            case "mp3", "ogg_vorbis": [8000, 16000, 22050, 24000]
            default: []
            }
        let fallback = format == "pcm" ? 16000 : 22050
        guard let requested else { return fallback }
        guard let rate = Int(requested), allowed.contains(rate) else {
            throw ServiceError(
                code: "InvalidSampleRateException",
                message: "The sample rate \(requested) is not valid for \(format); valid rates are "
                    + allowed.map(String.init).joined(separator: ", "))
        }
        return rate
    }

    static func serviceError(for error: SynthesisError) -> ServiceError {
        switch error.code {
        case .busy: ServiceError(code: "ThrottlingException", message: error.description, status: 400)
        case .timedOut, .engineFailure, .unknownVoice:
            ServiceError(code: "ServiceFailureException", message: error.description, status: 500)
        }
    }
}
