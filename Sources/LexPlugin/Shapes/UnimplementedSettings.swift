import SibylCore

/// Settings of Lex V2's models API that change how a conversation goes and that Sibyl's dialogue engine does not
/// carry out. A definition that turns one on is refused with `ValidationException` naming the member, rather than
/// stored and then silently ignored when the bot converses; the same member left at its default (absent, null, an
/// empty list, `active: false`) passes, so AWS exports that spell the defaults out still import.
enum UnimplementedSettings {
    /// CreateIntent's and UpdateIntent's (and an imported intent's) members.
    static func checkIntent(_ intent: LexDocument) throws {
        for member in ["inputContexts", "outputContexts"] {
            if case .array(let contexts)? = intent[member], !contexts.isEmpty {
                throw refusal(member, "Sibyl's bots have no contexts, so the intent would be chosen whatever is active")
            }
        }
        for member in ["kendraConfiguration", "qnAIntentConfiguration", "qInConnectIntentConfiguration"]
        where isSet(intent[member]) {
            throw refusal(member, "no search or question-answering service stands behind it here")
        }
        try checkConditionals(.object(intent), path: "")
    }

    /// CreateSlot's and UpdateSlot's (and an imported slot's) members.
    static func checkSlot(_ slot: LexDocument) throws {
        if case .object(let multiple)? = slot["multipleValuesSetting"], multiple["allowMultipleValues"] == .bool(true) {
            throw refusal("multipleValuesSetting.allowMultipleValues", "a slot here holds one value")
        }
        if isSet(slot["subSlotSetting"]) {
            throw refusal("subSlotSetting", "composite slots are not implemented")
        }
        let elicitation = slot["valueElicitationSetting"]?.objectValue ?? [:]
        if elicitation["slotResolutionSetting"]?.objectValue?["slotResolutionStrategy"] == .string("EnhancedFallback") {
            throw refusal(
                "valueElicitationSetting.slotResolutionSetting.slotResolutionStrategy",
                "there is no generative model to resolve slot values with")
        }
        if case .object(let waiting)? = elicitation["waitAndContinueSpecification"], waiting["active"] != .bool(false) {
            throw refusal(
                "valueElicitationSetting.waitAndContinueSpecification", "a conversation here does not wait and continue")
        }
        try checkConditionals(.object(slot), path: "")
    }

    /// CreateSlotType's and UpdateSlotType's (and an imported slot type's) members.
    static func checkSlotType(_ slotType: LexDocument) throws {
        let regexFilter = slotType["valueSelectionSetting"]?.objectValue?["regexFilter"]?.objectValue
        if case .string(let pattern)? = regexFilter?["pattern"], !pattern.isEmpty {
            throw refusal(
                "valueSelectionSetting.regexFilter", "values are not matched against a pattern, so any would be taken")
        }
        for member in ["compositeSlotTypeSetting", "externalSourceSetting"] where isSet(slotType[member]) {
            throw refusal(member, "composite and grammar slot types are not implemented")
        }
    }

    /// Conditional branching (`conditional`, `captureConditional`, `failureConditional`, …) switched on anywhere in
    /// `value`.
    private static func checkConditionals(_ value: JSONValue, path: String) throws {
        switch value {
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                let memberPath = path.isEmpty ? key : "\(path).\(key)"
                if key == "conditional" || key.hasSuffix("Conditional"), case .object(let branch) = member,
                    branch["active"] == .bool(true)
                {
                    throw refusal(memberPath, "conditional branching is not implemented: the default flow would run")
                }
                try checkConditionals(member, path: memberPath)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() { try checkConditionals(element, path: "\(path)[\(index)]") }
        default:
            break
        }
    }

    private static func isSet(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return false
        case .array(let elements)?: return !elements.isEmpty
        case .object(let members)?: return !members.isEmpty
        default: return true
        }
    }

    private static func refusal(_ member: String, _ reason: String) -> ServiceError {
        .validation("\(member) is not supported here: \(reason). Leave it out (or at its default).")
    }
}
