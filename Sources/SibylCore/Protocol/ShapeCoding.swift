import Foundation

/// JSON coding of AWS shapes: timestamps as epoch seconds, blobs as base64, errors named by member path.
public enum ShapeCoding {
    /// Decodes an input shape, mapping every decoding failure to a `ValidationException` naming the member; an
    /// ``ExhaustiveInput`` also refuses members it does not read.
    public static func decode<Input: Decodable>(_ type: Input.Type, from data: Data) throws -> Input {
        let body = data.isEmpty ? Data("{}".utf8) : data
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let input: Input
        do {
            input = try decoder.decode(Input.self, from: body)
        } catch let error as DecodingError {
            throw validationError(for: error)
        }
        if let exhaustive = input as? any ExhaustiveInput {
            try exhaustive.checkEveryMemberRead(from: body)
        }
        if let validatable = input as? any ValidatableInput {
            try validatable.validate()
        }
        return input
    }

    /// Encodes an output shape the way botocore reads it.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// The `ValidationException` a client sees for a decoding failure.
    static func validationError(for error: DecodingError) -> ServiceError {
        switch error {
        case .keyNotFound(let key, let context):
            let member = memberPath(context.codingPath + [key])
            return .constraint(member: member, "Member must not be null")
        case .valueNotFound(_, let context):
            return .constraint(member: memberPath(context.codingPath), "Member must not be null")
        case .typeMismatch(let type, let context):
            return .validation(
                "1 validation error detected: Value at '\(memberPath(context.codingPath))' failed to satisfy constraint: "
                    + "Member must be of type \(typeName(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .validation("Request body is not valid JSON")
            }
            return .validation(
                "1 validation error detected: Value at '\(memberPath(context.codingPath))' failed to satisfy constraint: "
                    + context.debugDescription)
        @unknown default:
            return .validation("Request does not match the operation's input shape")
        }
    }

    /// `Settings.Formality` or `TextList[2]` from a coding path.
    static func memberPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "input" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Bool.Type: "boolean"
        case is Int.Type, is Int32.Type, is Int64.Type: "integer"
        case is Double.Type, is Float.Type: "number"
        case is Data.Type: "blob (base64 string)"
        case is Date.Type: "timestamp (epoch seconds)"
        default:
            String(describing: type).hasPrefix("Array") ? "list" : "structure"
        }
    }
}
