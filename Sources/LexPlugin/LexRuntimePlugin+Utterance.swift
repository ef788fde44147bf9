import Dialogue
import Foundation
import SibylCore

/// RecognizeUtterance's members: the session path, the request headers and the raw body.
struct RecognizeUtteranceRequest: Codable, Sendable, ValidatableInput {
    var botId: String
    var botAliasId: String
    var localeId: String
    var sessionId: String
    var sessionState: String?
    var requestAttributes: String?
    var requestContentType: String
    var responseContentType: String?

    func validate() throws {
        try SessionPathRequest(botId: botId, botAliasId: botAliasId, localeId: localeId, sessionId: sessionId).validate()
    }
}

/// RecognizeUtterance: speech (or text) in, through the Transcribe plugin's recogniser; the bot's answer out as
/// headers and, when asked for, as speech through Polly.
extension LexRuntimePlugin {
    func recognizeUtterance(_ input: RecognizeUtteranceRequest, context: OperationContext) async throws -> Reply {
        let body = context.payload ?? Data()
        let mediaType = input.requestContentType.lowercased()
        var sessionState: SessionStateShape?
        if let header = input.sessionState {
            guard let data = GzipBase64.decode(header),
                let shape = try? JSONDecoder().decode(SessionStateShape.self, from: data)
            else { throw ServiceError.validation("x-amz-lex-session-state is not gzipped, base64-encoded session state JSON.") }
            try shape.checkEveryMemberRead(from: data, under: "sessionState")
            try shape.validate()
            sessionState = shape
        }
        var attributes: [String: String]?
        if let header = input.requestAttributes {
            guard let data = GzipBase64.decode(header), let map = try? JSONDecoder().decode([String: String].self, from: data)
            else { throw ServiceError.validation("x-amz-lex-request-attributes is not gzipped, base64-encoded JSON.") }
            attributes = map
        }
        let text: String
        let inputMode: String
        if mediaType.hasPrefix("text/plain") {
            text = String(decoding: body, as: UTF8.self)
            inputMode = "Text"
        } else {
            text = try await transcribe(body, mediaType: mediaType, localeId: input.localeId, context: context)
            inputMode = "Speech"
        }
        guard (1...1024).contains(text.count) else {
            throw ServiceError.validation(
                inputMode == "Speech" ? "No speech was recognised in the audio." : "The text must be 1 to 1,024 characters.")
        }
        let answer = try await recognizeText(
            RecognizeTextRequest(
                botId: input.botId, botAliasId: input.botAliasId, localeId: input.localeId, sessionId: input.sessionId,
                text: text, sessionState: sessionState, requestAttributes: attributes),
            context: context
        ).objectValue ?? [:]
        var headers = [
            "x-amz-lex-input-mode": inputMode, "x-amz-lex-session-id": input.sessionId,
            "x-amz-lex-input-transcript": try Self.header(.string(text)),
            "x-amz-lex-messages": try Self.header(answer["messages"] ?? .array([])),
            "x-amz-lex-interpretations": try Self.header(answer["interpretations"] ?? .array([])),
            "x-amz-lex-session-state": try Self.header(answer["sessionState"] ?? .object([:])),
        ]
        if let attributes = answer["requestAttributes"] { headers["x-amz-lex-request-attributes"] = try Self.header(attributes) }
        let responseType = input.responseContentType ?? "text/plain; charset=utf-8"
        guard !responseType.lowercased().hasPrefix("text/plain") else {
            return Reply(body: .binary(Data(), contentType: responseType), headers: headers)
        }
        let spoken = Self.messages(answer["messages"]).filter { $0.format == .plainText || $0.format == .ssml }
        // The locale's voiceSettings name the voice, as in Lex; a locale without them gets its usual Polly voice.
        let path = SessionPathRequest(
            botId: input.botId, botAliasId: input.botAliasId, localeId: input.localeId, sessionId: input.sessionId)
        let locale = try target(path, store: LexStore(resources: context.resources)).locale
        let voice = locale["voiceSettings"]?.objectValue?.string("voiceId") ?? Self.voice(for: input.localeId)
        let audio = try await speak(spoken, responseType: responseType, voice: voice, context: context)
        return Reply(body: .binary(audio, contentType: responseType), headers: headers)
    }

    /// The words of a recording, from the Transcribe plugin. Raw `audio/l16` (16-bit little-endian PCM) is given
    /// a WAV header first; other formats go as they are.
    private func transcribe(_ audio: Data, mediaType: String, localeId: String, context: OperationContext) async throws
        -> String
    {
        guard !audio.isEmpty else { throw ServiceError.validation("The request carries no audio.") }
        var media = audio
        if mediaType.hasPrefix("audio/l16") || mediaType.hasPrefix("audio/lpcm") {
            let rate = Self.parameter("rate", in: mediaType).flatMap(Int.init) ?? 16000
            let channels = Self.parameter("channels", in: mediaType).flatMap(Int.init) ?? 1
            media = WAVHeader.wrap(audio, sampleRate: rate, channels: channels)
        } else if mediaType.hasPrefix("audio/x-cbr-opus-with-preamble") {
            throw ServiceError.validation("audio/x-cbr-opus-with-preamble is not supported here; send audio/l16 or a WAV, FLAC, Ogg or MP3 file.")
        }
        struct Request: Encodable {
            var Audio: Data
            var LanguageCode: String
        }
        struct Response: Decodable { var Transcript: String }
        do {
            return try await context.gateway.call(
                "transcribe", "RecognizeSpeech",
                input: Request(Audio: media, LanguageCode: String(localeId.prefix { $0 != "_" })), as: Response.self
            ).Transcript
        } catch let error as ServiceError {
            throw LexErrors.dependencyFailed("Speech recognition through the Transcribe plugin failed: \(error.message)")
        }
    }

    /// The bot's messages spoken by the Polly plugin, in `voice` and the format asked for.
    private func speak(_ messages: [DialogueMessage], responseType: String, voice: String, context: OperationContext)
        async throws -> Data
    {
        guard !messages.isEmpty else { return Data() }
        let format: String
        let type = responseType.lowercased()
        if type.hasPrefix("audio/mpeg") {
            format = "mp3"
        } else if type.hasPrefix("audio/ogg") {
            format = "ogg_vorbis"
        } else if type.hasPrefix("audio/pcm") || type.hasPrefix("audio/l16") {
            format = "pcm"
        } else {
            throw ServiceError.validation(
                "Response-Content-Type \(responseType) is not one Lex answers: text/plain; charset=utf-8, audio/mpeg, audio/ogg or audio/pcm.")
        }
        let ssml = messages.contains { $0.format == .ssml }
        let text = ssml
            ? "<speak>" + messages.map { $0.format == .ssml ? Self.stripSpeak($0.content) : Self.escape($0.content) }
                .joined(separator: " ") + "</speak>"
            : messages.map(\.content).joined(separator: " ")
        struct Request: Encodable {
            var Text: String
            var TextType: String
            var OutputFormat: String
            var VoiceId: String
            var SampleRate: String
        }
        let request = Request(
            Text: text, TextType: ssml ? "ssml" : "text", OutputFormat: format, VoiceId: voice,
            SampleRate: format == "pcm" ? "16000" : "22050")
        let encoded = try ShapeCoding.encode(request)
        do {
            let reply = try await context.gateway.invoke(
                Invocation(service: "polly", operation: "SynthesizeSpeech", input: encoded))
            guard case .binary(let audio, _) = reply.body else { return Data() }
            return audio
        } catch {
            throw LexErrors.dependencyFailed("Speech synthesis through the Polly plugin failed: \(error.message)")
        }
    }

    /// The Polly voice a Lex locale without voice settings speaks with.
    static func voice(for localeId: String) -> String {
        [
            "en_US": "Joanna", "en_GB": "Amy", "en_AU": "Nicole", "en_IN": "Aditi", "es_ES": "Lucia", "es_US": "Lupe",
            "es_419": "Mia", "fr_FR": "Celine", "fr_CA": "Chantal", "de_DE": "Marlene", "it_IT": "Carla",
            "pt_BR": "Camila", "pt_PT": "Ines", "nl_NL": "Lotte", "ja_JP": "Mizuki", "ko_KR": "Seoyeon",
            "zh_CN": "Zhiyu", "pl_PL": "Ewa", "sv_SE": "Astrid", "no_NO": "Liv", "fi_FI": "Suvi",
        ][localeId] ?? "Joanna"
    }

    private static func parameter(_ name: String, in mediaType: String) -> String? {
        for part in mediaType.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0] == name { return pair[1] }
        }
        return nil
    }

    private static func stripSpeak(_ ssml: String) -> String {
        ssml.replacingOccurrences(of: "<speak>", with: "").replacingOccurrences(of: "</speak>", with: "")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// A RIFF/WAVE header for raw 16-bit little-endian PCM.
enum WAVHeader {
    static func wrap(_ pcm: Data, sampleRate: Int, channels: Int) -> Data {
        var header = Data()
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) } }
        func append(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) } }
        header.append(contentsOf: Array("RIFF".utf8))
        append(UInt32(36 + pcm.count))
        header.append(contentsOf: Array("WAVEfmt ".utf8))
        append(UInt32(16))
        append(UInt16(1))
        append(UInt16(channels))
        append(UInt32(sampleRate))
        append(UInt32(sampleRate * channels * 2))
        append(UInt16(channels * 2))
        append(UInt16(16))
        header.append(contentsOf: Array("data".utf8))
        append(UInt32(pcm.count))
        return header + pcm
    }
}
