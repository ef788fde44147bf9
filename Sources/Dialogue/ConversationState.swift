import Foundation

/// Where a conversation stands between turns: the intent in progress, what the bot asked last, and the session's
/// attributes. The plugin stores it between requests; the engine reads and returns it.
public struct ConversationState: Sendable, Codable, Equatable {
    /// The intent being worked on, if any.
    public var intent: IntentProgress?
    /// What the bot is waiting for.
    public var step: DialogStep
    /// The slot asked for, when `step` is `.elicitSlot`.
    public var slotToElicit: String?
    /// Attributes the client or a code hook set, kept for the whole session.
    public var attributes: [String: String]
    /// How many replies to the current question could not be used.
    public var failedAttempts: Int
    /// How many times the current question has been asked (chooses the prompt variation).
    public var promptsAsked: Int

    /// A new conversation.
    public init(attributes: [String: String] = [:]) {
        intent = nil
        step = .elicitIntent
        slotToElicit = nil
        self.attributes = attributes
        failedAttempts = 0
        promptsAsked = 0
    }
}

/// An intent in a conversation: its slot values and how far it has got.
public struct IntentProgress: Sendable, Codable, Equatable {
    /// The intent's name.
    public var name: String
    /// The slot values given so far.
    public var slots: [String: SlotValue]
    /// How far it has got.
    public var state: IntentStatus
    /// The user's answer to the confirmation question.
    public var confirmation: ConfirmationStatus

    /// Creates an intent in progress with no confirmation yet.
    public init(name: String, slots: [String: SlotValue] = [:], state: IntentStatus = .inProgress,
        confirmation: ConfirmationStatus = .none)
    {
        self.name = name
        self.slots = slots
        self.state = state
        self.confirmation = confirmation
    }
}

/// How far an intent has got (Lex's intent states).
public enum IntentStatus: String, Sendable, Codable {
    case inProgress = "InProgress"
    case readyForFulfillment = "ReadyForFulfillment"
    case fulfilled = "Fulfilled"
    case failed = "Failed"
}

/// The answer to an intent's confirmation question.
public enum ConfirmationStatus: String, Sendable, Codable {
    case none = "None"
    case confirmed = "Confirmed"
    case denied = "Denied"
}

/// What the bot does next (Lex's dialog action types).
public enum DialogStep: String, Sendable, Codable {
    case elicitIntent = "ElicitIntent"
    case elicitSlot = "ElicitSlot"
    case confirmIntent = "ConfirmIntent"
    case close = "Close"
    case delegate = "Delegate"
}
