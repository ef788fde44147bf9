/// Why the Vision engine could not answer: the image was unusable, or an engine failed.
public struct VisionError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// Not a JPEG or PNG, or data that does not decode.
        case invalidFormat
        /// More pixels than the engine processes.
        case tooLarge
        /// A model is missing or an engine call failed.
        case engine
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
