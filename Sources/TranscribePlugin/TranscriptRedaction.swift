import Foundation
import SibylCore

/// PII redaction of a transcript with Comprehend's detector (called through the gateway): every item inside a
/// finding of a requested type reads `[PII]` and carries the finding's type and confidence.
struct TranscriptRedaction {
    /// Transcribe's PII types (the rest of Comprehend's are not redacted from transcripts).
    static let transcribeTypes: Set<String> = [
        "BANK_ACCOUNT_NUMBER", "BANK_ROUTING", "CREDIT_DEBIT_NUMBER", "CREDIT_DEBIT_CVV", "CREDIT_DEBIT_EXPIRY", "PIN",
        "EMAIL", "ADDRESS", "NAME", "PHONE", "SSN",
    ]
    /// Comprehend answers at most 100 KB per call; transcripts are sent in pieces below that.
    static let pieceBytes = 90_000

    var types: Set<String>

    init(requested: [String]?) {
        let named = Set(requested ?? [])
        types = named.isEmpty || named.contains("ALL") ? Self.transcribeTypes : named
    }

    private struct DetectInput: Encodable {
        var Text: String
        var LanguageCode: String
    }

    private struct DetectOutput: Decodable {
        struct Entity: Decodable {
            var Score: Double?
            var `Type`: String?
            var BeginOffset: Int?
            var EndOffset: Int?
        }
        var Entities: [Entity]?
    }

    /// The document with its PII redacted.
    func apply(to document: TranscriptDocument, gateway: Gateway) async throws -> TranscriptDocument {
        var items = document.results.items
        // The text of the items, and each item's range in code points.
        var pieces: [(text: String, ranges: [(item: Int, range: Range<Int>)])] = [("", [])]
        for (index, item) in items.enumerated() {
            guard let content = item.alternatives.first?.content, !content.isEmpty else { continue }
            if pieces[pieces.count - 1].text.utf8.count > Self.pieceBytes, item.type == "pronunciation" { pieces.append(("", [])) }
            var text = pieces[pieces.count - 1].text
            if item.type == "pronunciation", !text.isEmpty { text += " " }
            let begin = text.unicodeScalars.count
            text += content
            pieces[pieces.count - 1].text = text
            pieces[pieces.count - 1].ranges.append((index, begin..<text.unicodeScalars.count))
        }
        for piece in pieces where !piece.text.isEmpty {
            let found = try await gateway.call(
                "comprehend", "DetectPiiEntities", input: DetectInput(Text: piece.text, LanguageCode: "en"),
                as: DetectOutput.self)
            for entity in found.Entities ?? [] {
                guard let type = entity.Type, types.contains(type), let begin = entity.BeginOffset, let end = entity.EndOffset
                else { continue }
                for (index, range) in piece.ranges where range.overlaps(begin..<end) && items[index].type == "pronunciation" {
                    items[index].alternatives[0].content = "[PII]"
                    items[index].alternatives[0].confidence = "0.0"
                    items[index].alternatives[0].redactions = [
                        TranscriptDocument.Redaction(
                            confidence: TranscriptDocument.confidence(entity.Score ?? 0), type: type, category: "PII")
                    ]
                }
            }
        }
        var redacted = document
        redacted.results.items = items
        let byId = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        redacted.results.transcripts = [
            TranscriptDocument.TranscriptText(transcript: TranscriptDocument.text(of: items))
        ]
        redacted.results.audio_segments = document.results.audio_segments.map { segment in
            var segment = segment
            segment.transcript = TranscriptDocument.text(of: segment.items.compactMap { byId[$0] })
            return segment
        }
        if var channels = redacted.results.channel_labels {
            channels.channels = channels.channels.map { channel in
                var channel = channel
                channel.items = channel.items.map { byId[$0.id] ?? $0 }
                return channel
            }
            redacted.results.channel_labels = channels
        }
        return redacted
    }

}
