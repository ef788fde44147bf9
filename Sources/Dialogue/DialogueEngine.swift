import Foundation

/// The outcome of one turn: the new state, what the bot says, and how the utterance was understood.
public struct DialogueTurn: Sendable {
    /// The conversation after the turn.
    public var state: ConversationState
    /// The bot's messages, in order.
    public var messages: [DialogueMessage]
    /// The intents the utterance may mean, most likely first; the fallback intent is among them.
    public var interpretations: [Interpretation]
}

/// One reading of an utterance.
public struct Interpretation: Sendable {
    /// The intent, with its slot values and state when it is the one the conversation follows.
    public var intent: IntentProgress
    /// The classifier's confidence; `nil` for the fallback intent.
    public var confidence: Double?
}

/// A trained bot: understands utterances (intent classification and slot filling) and runs the dialogue — slots
/// elicited in priority order with prompt variations and retries, confirmation and declination, fulfilment and
/// closing responses.
public struct DialogueEngine: Sendable {
    /// The bot.
    public let bot: DialogueBot
    /// The intent classifier trained from the bot's sample utterances.
    public let classifier: IntentClassifier
    /// Finds slot values.
    public var extractor: SlotExtractor
    private let annotator: ValueAnnotator

    /// Trains the bot's classifier; throws when no intent has a sample utterance.
    public init(bot: DialogueBot, resolver: SlotValueResolver = SlotValueResolver()) throws(DialogueBuildError) {
        let trained = bot.intents.filter { $0.name != bot.fallbackIntent && !$0.sampleUtterances.isEmpty }
        guard !trained.isEmpty else {
            throw DialogueBuildError(reasons: ["The bot has no intent with a sample utterance to learn from."])
        }
        var problems: [String] = []
        for intent in bot.intents {
            let names = Set(intent.slots.map(\.name))
            for utterance in intent.sampleUtterances {
                for slot in UtteranceTemplate(utterance).slotNames where !names.contains(slot) {
                    problems.append("Intent \(intent.name): sample utterance \"\(utterance)\" refers to slot {\(slot)}, which the intent does not have.")
                }
            }
            for slot in intent.slots where slot.required && slot.prompt == nil && slot.defaultValues.isEmpty {
                problems.append("Intent \(intent.name): required slot \(slot.name) has no prompt.")
            }
        }
        guard problems.isEmpty else { throw DialogueBuildError(reasons: problems) }
        self.bot = bot
        self.extractor = SlotExtractor(resolver: resolver)
        let examples = TrainingUtterances.expand(trained)
        let annotator = ValueAnnotator(bot.slotTypes.values)
        self.annotator = annotator
        self.classifier = IntentClassifier(examples: examples.map { (annotator.annotate($0.text), $0.intent) })
        if bot.intents.contains(where: { !$0.slots.isEmpty }) { self.extractor.tagger = SlotTagger(examples) }
    }

    /// Answers one user utterance.
    public func turn(_ text: String, state previous: ConversationState) -> DialogueTurn {
        var state = previous
        let scores = understand(text)
        if let active = state.intent, active.state == .inProgress, let intent = bot.intent(named: active.name) {
            switch state.step {
            case .elicitSlot:
                if let turn = continueElicitation(text, intent: intent, state: state, scores: scores) { return turn }
            case .confirmIntent:
                if let turn = continueConfirmation(text, intent: intent, state: state, scores: scores) { return turn }
            default:
                break
            }
        }
        state.failedAttempts = 0
        state.promptsAsked = 0
        guard let top = scores.first, top.confidence >= bot.confidenceThreshold, let intent = bot.intent(named: top.intent)
        else {
            return fallback(state: state, scores: scores)
        }
        var progress = IntentProgress(name: intent.name)
        progress.slots = extractor.extract(text, intent: intent)
        state.intent = progress
        return advance(intent: intent, state: state, scores: scores)
    }

    /// Every intent with the engine's confidence that `text` means it, most confident first: the classifier's
    /// probability times the utterance's likeness to the intent — the nearer of its content-word likeness to an
    /// example and its alignment with a sample utterance (slots standing where the sample puts them). An utterance
    /// like nothing the intent was taught scores low however the probabilities fall.
    public func understand(_ text: String) -> [IntentScore] {
        let evidence = classifier.evidence(annotator.annotate(text)).sorted { $0.probability > $1.probability }
        return evidence.enumerated().map { rank, item in
            var likeness = item.likeness
            // Aligning costs more than the classifier; only the likeliest intents are worth it.
            if rank < 3, item.probability >= 0.05, likeness < 0.9, let intent = bot.intent(named: item.intent) {
                likeness = max(likeness, extractor.likeness(text, intent: intent))
            }
            let confidence = ((item.probability * likeness) * 100).rounded() / 100
            return IntentScore(intent: item.intent, confidence: confidence)
        }.sorted { $0.confidence > $1.confidence || $0.confidence == $1.confidence && $0.intent < $1.intent }
    }

    /// The next step from a state someone else changed (a code hook that delegated back, a client's PutSession):
    /// the next required slot, the confirmation, or fulfilment.
    public func resume(_ state: ConversationState) -> DialogueTurn {
        guard let progress = state.intent, progress.state == .inProgress, let intent = bot.intent(named: progress.name)
        else { return finish(state: state, messages: [], scores: []) }
        return advance(intent: intent, state: state, scores: [])
    }

    /// The closing messages of an intent that a fulfilment hook fulfilled without saying anything itself.
    public func closingMessages(for state: ConversationState) -> [DialogueMessage] {
        guard let progress = state.intent, let intent = bot.intent(named: progress.name) else { return [] }
        return (intent.fulfillmentSuccessResponse + intent.closingResponse).map { message in
            var message = message
            message.content = MessageTemplate.fill(message.content, slots: progress.slots, attributes: state.attributes)
            return message
        }
    }

    // MARK: - Steps

    private func continueElicitation(
        _ text: String, intent: DialogueIntent, state: ConversationState, scores: [IntentScore]
    ) -> DialogueTurn? {
        var state = state
        let slot = state.slotToElicit ?? ""
        let values = extractor.extract(text, intent: intent, elicited: slot)
        if values[slot] != nil {
            state.intent!.slots.merge(values) { _, new in new }
            state.failedAttempts = 0
            state.promptsAsked = 0
            return advance(intent: intent, state: state, scores: scores)
        }
        if switchesIntent(scores, from: intent) { return nil }
        state.failedAttempts += 1
        let prompt = intent.slots.first { $0.name == slot }?.prompt
        guard state.failedAttempts <= (prompt?.maxRetries ?? 0) else { return fail(intent: intent, state: state, scores: scores) }
        return ask(prompt, intent: intent, state: state, scores: scores)
    }

    private func continueConfirmation(
        _ text: String, intent: DialogueIntent, state: ConversationState, scores: [IntentScore]
    ) -> DialogueTurn? {
        var state = state
        switch ConfirmationPhrases.value(of: UtteranceTokens.split(text).map(\.key)) {
        case "Yes":
            state.intent!.confirmation = .confirmed
            return fulfil(intent: intent, state: state, scores: scores)
        case "No":
            state.intent!.confirmation = .denied
            state.intent!.state = .failed
            state.step = .close
            state.slotToElicit = nil
            return finish(state: state, messages: intent.declinationResponse, scores: scores)
        default:
            if switchesIntent(scores, from: intent) { return nil }
            state.failedAttempts += 1
            guard state.failedAttempts <= (intent.confirmationPrompt?.maxRetries ?? 0) else {
                return fail(intent: intent, state: state, scores: scores)
            }
            return ask(intent.confirmationPrompt, intent: intent, state: state, scores: scores)
        }
    }

    /// Asks for the next required slot, or for confirmation, or fulfils.
    private func advance(intent: DialogueIntent, state: ConversationState, scores: [IntentScore]) -> DialogueTurn {
        var state = state
        for slot in intent.slots where slot.required && state.intent!.slots[slot.name] == nil {
            if let value = slot.defaultValues.first {
                state.intent!.slots[slot.name] = SlotValue(originalValue: value, interpretedValue: value, resolvedValues: [value])
                continue
            }
            if state.slotToElicit != slot.name || state.step != .elicitSlot {
                state.promptsAsked = 0
                state.failedAttempts = 0
            }
            state.step = .elicitSlot
            state.slotToElicit = slot.name
            return ask(slot.prompt, intent: intent, state: state, scores: scores)
        }
        if let prompt = intent.confirmationPrompt, state.intent!.confirmation == .none {
            if state.step != .confirmIntent {
                state.promptsAsked = 0
                state.failedAttempts = 0
            }
            state.step = .confirmIntent
            state.slotToElicit = nil
            return ask(prompt, intent: intent, state: state, scores: scores)
        }
        return fulfil(intent: intent, state: state, scores: scores)
    }

    private func fulfil(intent: DialogueIntent, state: ConversationState, scores: [IntentScore]) -> DialogueTurn {
        var state = state
        state.step = .close
        state.slotToElicit = nil
        state.failedAttempts = 0
        state.promptsAsked = 0
        // With a fulfilment code hook, fulfilment is the hook's to do; without one it succeeds at once.
        if intent.fulfillmentHookEnabled {
            state.intent!.state = .readyForFulfillment
            return finish(state: state, messages: [], scores: scores)
        }
        state.intent!.state = .fulfilled
        return finish(state: state, messages: intent.fulfillmentSuccessResponse + intent.closingResponse, scores: scores)
    }

    private func fail(intent: DialogueIntent, state: ConversationState, scores: [IntentScore]) -> DialogueTurn {
        var state = state
        state.intent!.state = .failed
        state.step = .close
        state.slotToElicit = nil
        return finish(state: state, messages: [], scores: scores)
    }

    private func fallback(state: ConversationState, scores: [IntentScore]) -> DialogueTurn {
        var state = state
        let intent = bot.intent(named: bot.fallbackIntent) ?? DialogueIntent(name: bot.fallbackIntent, sampleUtterances: [])
        state.intent = IntentProgress(name: intent.name)
        state.slotToElicit = nil
        return fulfil(intent: intent, state: state, scores: scores)
    }

    private func ask(_ prompt: Prompt?, intent: DialogueIntent, state: ConversationState, scores: [IntentScore])
        -> DialogueTurn
    {
        var state = state
        var messages: [DialogueMessage] = []
        if let prompt, !prompt.variations.isEmpty {
            messages = prompt.variations[state.promptsAsked % prompt.variations.count]
        }
        state.promptsAsked += 1
        return finish(state: state, messages: messages, scores: scores)
    }

    /// A clearly different intent while the bot waits on an answer: the user has changed the subject.
    private func switchesIntent(_ scores: [IntentScore], from intent: DialogueIntent) -> Bool {
        guard let top = scores.first else { return false }
        return top.intent != intent.name && top.confidence >= max(bot.confidenceThreshold, 0.6)
    }

    private func finish(state: ConversationState, messages: [DialogueMessage], scores: [IntentScore]) -> DialogueTurn {
        let slots = state.intent?.slots ?? [:]
        let rendered = messages.map { message in
            var message = message
            message.content = MessageTemplate.fill(message.content, slots: slots, attributes: state.attributes)
            return message
        }
        var interpretations: [Interpretation] = []
        let active = state.intent?.name
        if let current = state.intent {
            interpretations.append(
                Interpretation(intent: current, confidence: scores.first { $0.intent == current.name }?.confidence))
        }
        for score in scores.prefix(4) where score.intent != active {
            interpretations.append(Interpretation(intent: IntentProgress(name: score.intent), confidence: score.confidence))
        }
        if active != bot.fallbackIntent {
            interpretations.append(Interpretation(intent: IntentProgress(name: bot.fallbackIntent), confidence: nil))
        }
        return DialogueTurn(state: state, messages: rendered, interpretations: interpretations)
    }
}

/// Why a bot could not be built, in words a bot author can act on.
public struct DialogueBuildError: Error, Sendable {
    /// One reason per problem.
    public var reasons: [String]

    /// Creates an error with its reasons.
    public init(reasons: [String]) {
        self.reasons = reasons
    }
}
