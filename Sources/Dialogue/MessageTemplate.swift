/// Fills `{SlotName}` references in a bot message with the slot's value, as Lex does; `[AttributeName]` with a
/// session attribute.
public enum MessageTemplate {
    /// The message with every known reference replaced; unknown references stay as written.
    public static func fill(_ text: String, slots: [String: SlotValue], attributes: [String: String]) -> String {
        guard text.contains("{") || text.contains("[") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "[" }) {
            let closing: Character = rest[open] == "{" ? "}" : "]"
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: closing) else { break }
            let name = String(rest[rest.index(after: open)..<close])
            let value = closing == "}" ? slots[name]?.interpretedValue : attributes[name]
            result += value ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
