/// A bot's language model as the dialogue engine runs it: intents with their slots, and the slot types they use.
///
/// The plugin builds one from the stored bot locale; the engine knows nothing of how it was stored.
public struct DialogueBot: Sendable {
    /// The intents the user can ask for (the fallback intent is implicit).
    public var intents: [DialogueIntent]
    /// Custom slot types by name.
    public var slotTypes: [String: CustomSlotType]
    /// Below this confidence an utterance goes to the fallback intent.
    public var confidenceThreshold: Double
    /// The fallback intent's name.
    public var fallbackIntent: String

    /// Creates a bot.
    public init(
        intents: [DialogueIntent], slotTypes: [String: CustomSlotType], confidenceThreshold: Double,
        fallbackIntent: String = "FallbackIntent"
    ) {
        self.intents = intents
        self.slotTypes = slotTypes
        self.confidenceThreshold = confidenceThreshold
        self.fallbackIntent = fallbackIntent
    }

    /// The intent named `name`.
    public func intent(named name: String) -> DialogueIntent? { intents.first { $0.name == name } }
}

/// One intent: what users say to ask for it, what it needs to know, and what the bot answers.
public struct DialogueIntent: Sendable {
    /// The name.
    public var name: String
    /// Example utterances; `{SlotName}` marks where a slot's value goes.
    public var sampleUtterances: [String] {
        didSet { (templates, templateWords) = Self.parse(sampleUtterances) }
    }
    /// The sample utterances parsed, once.
    public private(set) var templates: [UtteranceTemplate]
    /// The words the sample utterances use around their slots ("book", "hotel", "room").
    public private(set) var templateWords: Set<String>
    /// The slots, in the order they are elicited (the intent's slot priorities).
    public var slots: [DialogueSlot]
    /// The yes/no question asked once every required slot is filled, if any.
    public var confirmationPrompt: Prompt?
    /// What the bot says when the user answers no to the confirmation.
    public var declinationResponse: [DialogueMessage]
    /// What the bot says after the intent is fulfilled.
    public var closingResponse: [DialogueMessage]
    /// What the bot says when fulfilment succeeds (before the closing response).
    public var fulfillmentSuccessResponse: [DialogueMessage]
    /// Whether fulfilment is handed to a code hook (else it succeeds at once).
    public var fulfillmentHookEnabled: Bool
    /// Whether each turn is handed to a dialog code hook.
    public var dialogHookEnabled: Bool

    /// Creates an intent.
    public init(
        name: String, sampleUtterances: [String], slots: [DialogueSlot] = [], confirmationPrompt: Prompt? = nil,
        declinationResponse: [DialogueMessage] = [], closingResponse: [DialogueMessage] = [],
        fulfillmentSuccessResponse: [DialogueMessage] = [], fulfillmentHookEnabled: Bool = false,
        dialogHookEnabled: Bool = false
    ) {
        self.name = name
        self.sampleUtterances = sampleUtterances
        (templates, templateWords) = Self.parse(sampleUtterances)
        self.slots = slots
        self.confirmationPrompt = confirmationPrompt
        self.declinationResponse = declinationResponse
        self.closingResponse = closingResponse
        self.fulfillmentSuccessResponse = fulfillmentSuccessResponse
        self.fulfillmentHookEnabled = fulfillmentHookEnabled
        self.dialogHookEnabled = dialogHookEnabled
    }

    private static func parse(_ utterances: [String]) -> ([UtteranceTemplate], Set<String>) {
        let templates = utterances.map(UtteranceTemplate.init)
        var words = Set<String>()
        for template in templates {
            for case .word(let word) in template.elements { words.insert(word) }
        }
        return (templates, words)
    }
}

/// A slot of an intent.
public struct DialogueSlot: Sendable {
    /// The name.
    public var name: String
    /// The kind of value it takes.
    public var kind: SlotKind
    /// Whether the intent needs it before it can be fulfilled.
    public var required: Bool
    /// The question that elicits it.
    public var prompt: Prompt?
    /// Utterances that answer its prompt, with `{SlotName}` where the value goes ("I want {FlowerType}").
    public var sampleUtterances: [String]
    /// Values used when the user gives none.
    public var defaultValues: [String]

    /// Creates a slot.
    public init(
        name: String, kind: SlotKind, required: Bool, prompt: Prompt? = nil, sampleUtterances: [String] = [],
        defaultValues: [String] = []
    ) {
        self.name = name
        self.kind = kind
        self.required = required
        self.prompt = prompt
        self.sampleUtterances = sampleUtterances
        self.defaultValues = defaultValues
    }
}

/// A question with its variations and how often it is asked again when the answer is not understood.
public struct Prompt: Sendable {
    /// The messages asked; each turn takes the next variation.
    public var variations: [[DialogueMessage]]
    /// How many times the question is repeated after a reply it could not use.
    public var maxRetries: Int

    /// Creates a prompt.
    public init(variations: [[DialogueMessage]], maxRetries: Int) {
        self.variations = variations
        self.maxRetries = maxRetries
    }
}

/// A message the bot says.
public struct DialogueMessage: Sendable, Equatable, Codable {
    /// How the content is written.
    public enum Format: String, Sendable, Codable {
        case plainText = "PlainText"
        case ssml = "SSML"
        case customPayload = "CustomPayload"
        case imageResponseCard = "ImageResponseCard"
    }

    /// The format.
    public var format: Format
    /// The text (plain, SSML or the custom payload); for a card, its title.
    public var content: String

    /// Creates a message.
    public init(format: Format, content: String) {
        self.format = format
        self.content = content
    }
}
