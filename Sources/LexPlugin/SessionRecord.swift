import Dialogue
import Foundation

/// A runtime conversation as stored between turns: the engine's state, what the last turn answered, and when the
/// user last spoke (for the bot's idle session timeout).
struct SessionRecord: Codable, Sendable {
    var botId: String
    var botAliasId: String
    var localeId: String
    var sessionId: String
    var state: ConversationState
    var lastMessages: [DialogueMessage]
    var lastInterpretations: [StoredInterpretation]
    var originatingRequestId: String?
    var lastActive: Double

    /// An interpretation as the last turn answered it.
    struct StoredInterpretation: Codable, Sendable {
        var intent: IntentProgress
        var confidence: Double?
    }
}
