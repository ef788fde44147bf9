/// What kind of value a slot takes.
public enum SlotKind: Sendable {
    /// One of a list of values with synonyms.
    case custom(CustomSlotType)
    /// A number, resolved to digits.
    case number
    /// A date, resolved to `yyyy-MM-dd` (or an ISO week).
    case date
    /// A time of day, resolved to `HH:mm` or a period of the day.
    case time
    /// A duration, resolved to ISO 8601.
    case duration
    /// A yes/no answer.
    case confirmation
    /// Letters and digits.
    case alphanumeric
    /// An e-mail address.
    case email
    /// A phone number, resolved to its digits.
    case phone
    /// Whatever the user says, whole.
    case freeForm
    /// A name said in reply to its prompt or where a sample utterance puts it (a first or last name, a street):
    /// taken as said.
    case phrase
    /// A city, country or state: recognised anywhere when the system's place names list it, else taken as said
    /// where a phrase would be.
    case place(PlaceKind)
}

/// One value of a custom slot type and the other ways of saying it.
public struct CustomSlotValue: Sendable {
    /// The value.
    public var value: String
    /// Synonyms that resolve to it.
    public var synonyms: [String]

    /// Creates a value.
    public init(value: String, synonyms: [String] = []) {
        self.value = value
        self.synonyms = synonyms
    }
}

/// A custom slot type: its values, and whether the user's own words or the matched value are reported.
public struct CustomSlotType: Sendable {
    /// How a matched value is reported.
    public enum Resolution: Sendable {
        /// The words the user said (any words when the slot is being elicited), with matches as resolved values.
        case originalValue
        /// The listed value the words match; words that match none are not a value.
        case topResolution
    }

    /// The name.
    public var name: String
    /// The values.
    public let values: [CustomSlotValue]
    /// The resolution strategy.
    public var resolution: Resolution
    /// The values by their normalised words.
    let index: CustomValueIndex

    /// Creates a slot type.
    public init(name: String, values: [CustomSlotValue], resolution: Resolution) {
        self.name = name
        self.values = values
        self.resolution = resolution
        self.index = CustomValueIndex(values)
    }
}

/// A slot value as the user said it and as it was understood.
public struct SlotValue: Sendable, Equatable, Codable {
    /// The words the user said.
    public var originalValue: String
    /// The value the bot understood.
    public var interpretedValue: String
    /// The listed values the words resolved to.
    public var resolvedValues: [String]

    /// Creates a value.
    public init(originalValue: String, interpretedValue: String, resolvedValues: [String] = []) {
        self.originalValue = originalValue
        self.interpretedValue = interpretedValue
        self.resolvedValues = resolvedValues
    }
}
