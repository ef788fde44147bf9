/// Apertium's stream format for plain text: the characters that are markup in the stream are escaped with a
/// backslash going in and unescaped coming out.
public enum ApertiumStream {
    static let special: Set<Character> = ["^", "$", "[", "]", "{", "}", "/", "@", "<", ">", "\\"]

    /// Plain text as a stream ending in a sentence end and an empty superblank, as `apertium-destxt` writes it.
    public static func deformat(_ text: String) -> String {
        var stream = ""
        stream.reserveCapacity(text.utf8.count + 16)
        for character in text {
            if special.contains(character) { stream.append("\\") }
            stream.append(character)
        }
        return stream + ".[][\n]"
    }

    /// The text of a translated stream: superblanks opened, escapes removed, the full stop `deformat` added
    /// taken back.
    public static func reformat(_ stream: String) -> String {
        var text = ""
        var escaped = false
        var inSuperblank = false
        for character in stream {
            if escaped {
                text.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if !inSuperblank, character == "[" {
                inSuperblank = true
            } else if inSuperblank, character == "]" {
                inSuperblank = false
            } else {
                text.append(character)
            }
        }
        if text.hasSuffix(".\n") { text.removeLast(2) } else if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
