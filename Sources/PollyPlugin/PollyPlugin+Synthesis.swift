import Audio
import Foundation
import SibylCore
import Synthesis

extension PollyPlugin {
    /// Polly's limits per SynthesizeSpeech request.
    static let maxBilledCharacters = 3000
    static let maxTotalCharacters = 6000
    /// The output formats Sibyl encodes (Polly also has ogg_opus, mulaw and alaw).
    static let encodedFormats: Set<String> = ["json", "mp3", "ogg_vorbis", "pcm"]

    func synthesizeSpeech(_ input: SynthesizeSpeechInput, context: OperationContext) async throws -> Reply {
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
        if let lexicon = input.LexiconNames?.first {
            throw ServiceError(code: "LexiconNotFoundException", message: "Lexicon not found: \(lexicon)")
        }
        let billed = isSSML ? try SSMLText.billedCharacters(input.Text) : input.Text.count
        guard billed <= Self.maxBilledCharacters, input.Text.count <= Self.maxTotalCharacters else {
            throw ServiceError(
                code: "TextLengthExceededException",
                message: "Maximum text length has been exceeded: \(billed) billed characters of at most "
                    + "\(Self.maxBilledCharacters), \(input.Text.count) characters of at most \(Self.maxTotalCharacters).")
        }

        let speech: SynthesizedSpeech
        do {
            speech = try await engine().synthesize(
                SynthesisRequest(
                    text: input.Text, isSSML: isSSML, voice: voice.synthesizerVoice,
                    phonemeEvents: marks.contains("viseme")))
        } catch let error as SynthesisError {
            throw Self.serviceError(for: error)
        }
        let headers = ["x-amzn-RequestCharacters": String(billed)]
        switch format {
        case "json":
            let stream = SpeechMarkWriter(text: input.Text, types: marks).write(speech.events)
            return Reply(body: .binary(stream, contentType: "application/x-json-stream"), headers: headers)
        case "pcm":
            let samples = try Resampler.resample(speech.samples, from: speech.sampleRate, to: sampleRate)
            return Reply(body: .binary(PCMEncoding.littleEndianBytes(samples), contentType: "audio/pcm"), headers: headers)
        case "mp3":
            let samples = try Resampler.resample(speech.samples, from: speech.sampleRate, to: sampleRate)
            let mp3 = try MP3Encoder.encode(samples, sampleRate: sampleRate)
            return Reply(body: .binary(mp3, contentType: "audio/mpeg"), headers: headers)
        case "ogg_vorbis":
            let samples = try Resampler.resample(speech.samples, from: speech.sampleRate, to: sampleRate)
            let ogg = try OggVorbisEncoder.encode(samples, sampleRate: sampleRate)
            return Reply(body: .binary(ogg, contentType: "audio/ogg"), headers: headers)
        default:
            preconditionFailure("every format in encodedFormats has a case here")
        }
    }

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
