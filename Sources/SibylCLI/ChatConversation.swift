import Foundation
import SibylCore

/// One REPL conversation with a bot: sends utterances through RecognizeText and prints what the bot says.
struct ChatConversation {
    let caller: OperationCaller
    let botId: String
    let alias: String
    let locale: String
    var debug: Bool
    var sessionId = "sibyl-chat-" + UUID().uuidString.prefix(8).lowercased()

    init(caller: OperationCaller, botId: String, alias: String, locale: String, debug: Bool) {
        self.caller = caller
        self.botId = botId
        self.alias = alias
        self.locale = locale
        self.debug = debug
    }

    private var path: [String: JSONValue] {
        [
            "botId": .string(botId), "botAliasId": .string(alias), "localeId": .string(locale),
            "sessionId": .string(sessionId),
        ]
    }

    /// Handles one line: a command or an utterance. Answers `false` when the user quits.
    mutating func handle(_ line: String) async throws -> Bool {
        switch line {
        case "/quit", "/exit":
            return false
        case "/debug":
            debug.toggle()
            print("debug \(debug ? "on" : "off")")
        case "/session":
            let session = try await caller.call("lexv2-runtime", "GetSession", .object(path))
            print(Self.pretty(session.objectValue?["sessionState"] ?? .object([:])))
        case "/reset":
            _ = try? await caller.call("lexv2-runtime", "DeleteSession", .object(path))
            sessionId = "sibyl-chat-" + UUID().uuidString.prefix(8).lowercased()
            print("new session \(sessionId)")
        default:
            var input = path
            input["text"] = .string(line)
            let reply = try await caller.call("lexv2-runtime", "RecognizeText", .object(input)).objectValue ?? [:]
            if case .array(let messages) = reply["messages"] {
                for message in messages {
                    let fields = message.objectValue ?? [:]
                    print(fields["content"]?.stringValue ?? fields["imageResponseCard"]?.objectValue?["title"]?.stringValue ?? "")
                }
            }
            if debug { print(Self.debugLine(reply)) }
        }
        return true
    }

    /// `[intent OrderFlowers 0.93 InProgress | ElicitSlot FlowerType | FlowerType=roses PickupDate=-]`.
    static func debugLine(_ reply: [String: JSONValue]) -> String {
        let state = reply["sessionState"]?.objectValue ?? [:]
        let intent = state["intent"]?.objectValue ?? [:]
        let action = state["dialogAction"]?.objectValue ?? [:]
        var confidence = "-"
        if case .array(let interpretations) = reply["interpretations"],
            let top = interpretations.first?.objectValue,
            case .number(let score) = top["nluConfidence"]?.objectValue?["score"]
        {
            confidence = String(format: "%.2f", score)
        }
        let slots = (intent["slots"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { name, slot in
            let value = slot.objectValue?["value"]?.objectValue?["interpretedValue"]?.stringValue ?? "-"
            return "\(name)=\(value)"
        }
        let step = [action["type"]?.stringValue, action["slotToElicit"]?.stringValue].compactMap { $0 }
        return "[intent \(intent["name"]?.stringValue ?? "-") \(confidence) \(intent["state"]?.stringValue ?? "-") | "
            + step.joined(separator: " ") + " | " + slots.joined(separator: " ") + "]"
    }

    static func pretty(_ value: JSONValue) -> String {
        guard let data = try? value.jsonData(), let object = try? JSONSerialization.jsonObject(with: data),
            let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        else { return "{}" }
        return String(decoding: pretty, as: UTF8.self)
    }
}
