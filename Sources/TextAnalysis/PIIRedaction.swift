/// Replaces personal information in a text, as Comprehend's and Transcribe's redaction do: each finding by a
/// mask character repeated over its length (`MASK`, e.g. `*****`) or by its type in brackets
/// (`REPLACE_WITH_PII_ENTITY_TYPE`, e.g. `[EMAIL]`).
public enum PIIRedaction: Sendable, Equatable {
    case mask(Character)
    case entityType

    /// The text with the findings (code-point offsets, not overlapping) of the given types replaced; all types
    /// when `types` is nil.
    public func apply(to text: String, findings: [PIIFinding], types: Set<String>? = nil) -> String {
        var scalars = Array(text.unicodeScalars)
        for finding in findings.sorted(by: { $0.begin > $1.begin })
        where types?.contains(finding.type) ?? true && finding.begin >= 0 && finding.end <= scalars.count
            && finding.begin < finding.end
        {
            let replacement: [Unicode.Scalar]
            switch self {
            case .mask(let character):
                let length = String(String.UnicodeScalarView(scalars[finding.begin..<finding.end])).count
                replacement = Array(String(repeating: character, count: length).unicodeScalars)
            case .entityType:
                replacement = Array("[\(finding.type)]".unicodeScalars)
            }
            scalars.replaceSubrange(finding.begin..<finding.end, with: replacement)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
