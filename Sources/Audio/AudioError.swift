/// Why an audio conversion failed.
public struct AudioError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}
