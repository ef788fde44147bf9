import Audio
import Foundation
import Recognition
import SibylCore
import Synchronization

/// Runs a transcription job: checks the media against the request, recognises it (each channel apart with
/// channel identification), labels speakers, applies the vocabulary filter, and writes the transcript JSON and
/// any subtitles to the output location.
struct TranscriptionJobHandler: JobHandler {
    let plugin: TranscribePlugin

    var kind: String { TranscribePlugin.jobKind }
    /// Media longer than 4 hours is refused, as AWS refuses it.
    static let maxSeconds = 4.0 * 3600

    func run(_ job: Job, context: JobContext) async throws -> Data? {
        let stored = try JSONDecoder().decode(TranscriptionJobInput.self, from: job.input)
        let request = stored.request
        let blobs = context.gateway.blobs
        guard let uri = request.Media.MediaFileUri, let address = try? S3URI(parsing: uri),
            let info = try? blobs.head(address)
        else {
            throw Self.failure("The URI that you provided doesn't point to an S3 object. Make sure that the object exists and try your request again.")
        }
        let file = blobs.fileURL(of: info)
        let probe: AudioFileReader
        do { probe = try AudioFileReader(url: file) } catch {
            throw Self.failure("Invalid file. The media file is corrupt or its format isn't supported (\(error)).")
        }
        let format = probe.formatName
        let channels = probe.channels
        let sampleRate = probe.sampleRate
        if let declared = request.MediaFormat, declared != format {
            throw Self.failure(
                "The media format that you specified doesn't match the detected media format. Check the media format and try your request again.")
        }
        if let declared = request.MediaSampleRateHertz, declared != sampleRate {
            throw Self.failure(
                "The specified sample rate (\(declared)) doesn't match the detected sample rate (\(sampleRate)). Check the sample rate and try your request again.")
        }
        guard probe.duration <= Self.maxSeconds else {
            throw Self.failure(
                "The media file is \(Int(probe.duration)) seconds long; the maximum is 14,400 seconds (4 hours).")
        }
        let settings = request.Settings
        if settings?.ChannelIdentification == true, channels > 2 {
            throw Self.failure("Channel identification supports audio with up to two channels; this file has \(channels).")
        }
        let resources = context.gateway.resources
        var vocabulary: [String] = []
        if let name = settings?.VocabularyName {
            guard let stored = try resources.get(StoredVocabulary.self, service: "transcribe", kind: TranscribePlugin.vocabularyKind, id: name)
            else { throw Self.failure("The vocabulary \(name) was deleted before the job ran.") }
            vocabulary = stored.phrases
        }
        var filter: VocabularyFilterRule?
        if let name = settings?.VocabularyFilterName {
            guard let stored = try resources.get(StoredVocabularyFilter.self, service: "transcribe", kind: TranscribePlugin.filterKind, id: name)
            else { throw Self.failure("The vocabulary filter \(name) was deleted before the job ran.") }
            filter = VocabularyFilterRule(
                words: Set(stored.words.map { $0.lowercased() }), method: settings?.VocabularyFilterMethod ?? "mask")
        }
        let recognizer: WhisperRecognizer
        do { recognizer = try plugin.provider.recognizer() } catch { throw Self.failure("\(error)") }

        let byChannel = settings?.ChannelIdentification == true && channels > 1
        let speakers = settings?.ShowSpeakerLabels == true
        let language = request.LanguageCode.map(TranscribeLanguages.recognizerCode)
        let options = RecognitionOptions(
            language: language, candidateLanguages: (request.LanguageOptions ?? []).map(TranscribeLanguages.recognizerCode),
            vocabulary: vocabulary, voiceprints: speakers)
        let passes: [Int?] = byChannel ? Array(0..<channels) : [nil]
        let progress = ProgressReporter(context: context)
        var transcriptions: [ChannelTranscription] = []
        var identified: (language: String, score: Double?)?
        for (index, channel) in passes.enumerated() {
            var passOptions = options
            if let identified { passOptions.language = identified.language }
            let result = try await Self.recognize(
                recognizer, file: file, channel: channel, options: passOptions
            ) { fraction in progress.report((Double(index) + fraction) / Double(passes.count) * 100) }
            if identified == nil { identified = (result.language, result.languageScore) }
            var transcription = ChannelTranscription(channel: channel, result: result, speakers: nil)
            if speakers {
                transcription.speakers = Self.speakerOfWords(result, maxSpeakers: settings?.MaxSpeakerLabels ?? 2)
            }
            transcriptions.append(transcription)
        }
        let builder = TranscriptBuilder(
            jobName: request.TranscriptionJobName, accountId: stored.accountId, filter: filter, showSpeakers: speakers,
            showChannels: byChannel)
        var (document, segments) = builder.build(transcriptions)
        let output = stored.output
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var transcriptKey = output.key
        var redactedKey: String?
        if let redaction = request.ContentRedaction {
            if redaction.RedactionOutput == "redacted_and_unredacted" {
                try write(try encoder.encode(document), output: output, key: output.key, type: "application/json", blobs: blobs)
            }
            document = try await TranscriptRedaction(requested: redaction.PiiEntityTypes)
                .apply(to: document, gateway: context.gateway)
            let byId = Dictionary(uniqueKeysWithValues: document.results.items.map { ($0.id, $0) })
            for index in segments.indices { segments[index].items = segments[index].items.compactMap { byId[$0.id] } }
            try write(try encoder.encode(document), output: output, key: output.redactedKey, type: "application/json", blobs: blobs)
            redactedKey = output.redactedKey
            if redaction.RedactionOutput == "redacted" { transcriptKey = output.redactedKey }
        } else {
            try write(try encoder.encode(document), output: output, key: output.key, type: "application/json", blobs: blobs)
        }
        var subtitleKeys: [String]?
        if let formats = request.Subtitles?.Formats, !formats.isEmpty {
            let cues = SubtitleWriter.cues(segments)
            let start = request.Subtitles?.OutputStartIndex ?? 0
            subtitleKeys = []
            for format in formats {
                let text = format == "srt" ? SubtitleWriter.srt(cues, startIndex: start) : SubtitleWriter.vtt(cues, startIndex: start)
                let key = output.key(extension: format)
                try write(Data(text.utf8), output: output, key: key, type: format == "srt" ? "application/x-subrip" : "text/vtt", blobs: blobs)
                subtitleKeys?.append(key)
            }
        }
        let recognizedLanguage = identified?.language ?? language ?? "en"
        let outcome = TranscriptionJobOutcome(
            mediaFormat: format, sampleRate: sampleRate,
            languageCode: request.LanguageCode
                ?? TranscribeLanguages.transcribeCode(recognizedLanguage, options: request.LanguageOptions ?? []),
            identifiedLanguageScore: request.IdentifyLanguage == true ? identified?.score : nil,
            durationSeconds: probe.duration, transcriptKey: transcriptKey, redactedTranscriptKey: redactedKey,
            subtitleKeys: subtitleKeys)
        return try ShapeCoding.encode(outcome)
    }

    /// Runs the blocking recognition on its own thread, off the cooperative pool; cancelling the task (the server
    /// shutting down) stops it within a second of audio, and the job goes back to the queue.
    static func recognize(
        _ recognizer: WhisperRecognizer, file: URL, channel: Int?, options: RecognitionOptions,
        progress: @escaping @Sendable (Double) -> Void
    ) async throws -> RecognitionResult {
        let stop = Mutex(false)
        let result: RecognitionResult? = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    do {
                        continuation.resume(
                            returning: try recognizer.recognize(
                                file: file, channel: channel, options: options, progress: progress,
                                shouldStop: { stop.withLock { $0 } }))
                    } catch is RecognitionStopped {
                        continuation.resume(returning: nil)
                    } catch let error as RecognitionError {
                        continuation.resume(throwing: failure("The media could not be transcribed: \(error.description)"))
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        } onCancel: {
            stop.withLock { $0 = true }
        }
        guard let result else { throw CancellationError() }
        return result
    }

    /// A speaker index for each word: the speaker of the voiceprint that covers (or is nearest to) it.
    static func speakerOfWords(_ result: RecognitionResult, maxSpeakers: Int) -> [Int] {
        let labels = SpeakerClustering.labels(result.voiceprints, maxSpeakers: maxSpeakers)
        return result.words.map { word in
            let middle = (word.start + word.end) / 2
            var best = 0
            var bestDistance = Double.infinity
            for (index, print) in result.voiceprints.enumerated() {
                let distance = middle < print.start ? print.start - middle : (middle > print.end ? middle - print.end : 0)
                if distance < bestDistance {
                    bestDistance = distance
                    best = index
                }
            }
            return labels.isEmpty ? 0 : labels[best]
        }
    }

    private func write(_ data: Data, output: TranscriptionOutputLocation, key: String, type: String, blobs: BlobStore) throws {
        do {
            try blobs.write(data, to: S3URI(bucket: output.bucket, key: key), contentType: type)
        } catch {
            throw Self.failure("The output could not be written to s3://\(output.bucket)/\(key): \(error)")
        }
    }

    static func failure(_ reason: String) -> ServiceError {
        ServiceError(code: "BadRequestException", message: reason)
    }
}

/// Forwards recognition progress to the job at most every half second.
private final class ProgressReporter: Sendable {
    let context: JobContext
    private let last = Mutex<Date>(.distantPast)

    init(context: JobContext) { self.context = context }

    func report(_ percent: Double) {
        let due = last.withLock { last -> Bool in
            guard Date().timeIntervalSince(last) > 0.5 else { return false }
            last = Date()
            return true
        }
        guard due else { return }
        let context = context
        Task { try? await context.reportProgress(min(99, percent)) }
    }
}
