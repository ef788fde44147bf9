import Foundation

// The framing between the gateway and its synthesizer worker processes: each message is a 4-byte big-endian
// length and that many bytes. A request is one JSON message; a reply is a JSON header followed by the samples.


extension SpeechEvent: Codable {
    private enum CodingKeys: String, CodingKey { case type, name, offset, length, time }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        switch try container.decode(String.self, forKey: .type) {
        case "word": kind = .word
        case "sentence": kind = .sentence
        case "mark": kind = .mark(name)
        default: kind = .phoneme(name)
        }
        characterOffset = try container.decode(Int.self, forKey: .offset)
        characterLength = try container.decode(Int.self, forKey: .length)
        milliseconds = try container.decode(Int.self, forKey: .time)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .word: try container.encode("word", forKey: .type)
        case .sentence: try container.encode("sentence", forKey: .type)
        case .mark(let name):
            try container.encode("mark", forKey: .type)
            try container.encode(name, forKey: .name)
        case .phoneme(let name):
            try container.encode("phoneme", forKey: .type)
            try container.encode(name, forKey: .name)
        }
        try container.encode(characterOffset, forKey: .offset)
        try container.encode(characterLength, forKey: .length)
        try container.encode(milliseconds, forKey: .time)
    }
}

/// The header of a worker's reply; the samples follow as their own message.
struct WorkerReplyHeader: Codable {
    var sampleRate: Int
    var events: [SpeechEvent]
    /// Set when synthesis failed: `busy`, `timedOut`, `unknownVoice` or `engineFailure`, and the description.
    var errorCode: String?
    var errorDescription: String?
}

enum SpeechWire {
    static func write(_ message: Data, to handle: FileHandle) throws {
        var length = UInt32(message.count).bigEndian
        try handle.write(contentsOf: Data(bytes: &length, count: 4) + message)
    }

    /// The next message, or `nil` when the other side has closed the pipe.
    static func read(from handle: FileHandle) throws -> Data? {
        guard let header = try readExactly(4, from: handle) else { return nil }
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        return try readExactly(length, from: handle)
    }

    private static func readExactly(_ count: Int, from handle: FileHandle) throws -> Data? {
        var data = Data()
        while data.count < count {
            guard let chunk = try handle.read(upToCount: count - data.count), !chunk.isEmpty else { return nil }
            data += chunk
        }
        return data
    }
}

extension SynthesisError.Code {
    var wireName: String {
        switch self {
        case .busy: "busy"
        case .timedOut: "timedOut"
        case .unknownVoice: "unknownVoice"
        case .engineFailure: "engineFailure"
        }
    }

    init(wireName: String) {
        switch wireName {
        case "busy": self = .busy
        case "timedOut": self = .timedOut
        case "unknownVoice": self = .unknownVoice
        default: self = .engineFailure
        }
    }
}
