import Foundation
import SibylCore

/// A Lex resource as stored and described: the members of its Describe output, as JSON.
///
/// Lex's definitions are deep (prompts, conditional branches, code-hook settings); they are kept member for member
/// as the client sent them and read back unchanged, while the parts the dialogue engine runs on are decoded into
/// typed shapes when the locale is built.
typealias LexDocument = [String: JSONValue]

extension Dictionary where Key == String, Value == JSONValue {
    /// A string member.
    func string(_ name: String) -> String? { self[name]?.stringValue }

    /// A number member.
    func number(_ name: String) -> Double? {
        if case .number(let value) = self[name] { return value }
        return nil
    }

    /// The document without the members named.
    func removing(_ names: [String]) -> LexDocument {
        var copy = self
        for name in names { copy[name] = nil }
        return copy
    }

    /// The document with only the members named (those present).
    func keeping(_ names: [String]) -> LexDocument {
        filter { names.contains($0.key) }
    }

    /// Decodes the document as a typed shape (Lex's timestamps as epoch seconds).
    func decode<Shape: Decodable>(_ type: Shape.Type) throws -> Shape {
        try ShapeCoding.decode(type, from: try JSONValue.object(self).jsonData())
    }
}

extension JSONValue {
    /// A timestamp as Lex's JSON carries it: epoch seconds.
    static func timestamp(_ date: Date = Date()) -> JSONValue { .number((date.timeIntervalSince1970 * 1000).rounded() / 1000) }
}

/// A typed input together with every member the client sent, so definitions can be stored whole.
struct RawRequest<Typed: Decodable & Sendable>: Decodable, Sendable {
    /// The members Sibyl checks and reads.
    let typed: Typed
    /// All members, as sent (path labels included).
    let members: LexDocument

    init(from decoder: any Decoder) throws {
        typed = try Typed(from: decoder)
        members = try JSONValue(from: decoder).objectValue ?? [:]
    }
}

extension RawRequest: ValidatableInput where Typed: ValidatableInput {
    func validate() throws { try typed.validate() }
}
