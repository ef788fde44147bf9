/// Answers to a yes/no question, as Lex resolves AMAZON.Confirmation: `Yes`, `No`, `Maybe`, `Don't know`.
public enum ConfirmationPhrases {
    /// The answer `words` (lowercased) give, or `nil` when they are not an answer.
    public static func value(of words: [String]) -> String? {
        let phrase = words.joined(separator: " ")
        if let answer = phrases[phrase] { return answer }
        // "yes please", "no thanks", "yeah that's right": the first word decides when it is a plain answer.
        if let first = words.first, let answer = phrases[first], words.count <= 4 { return answer }
        return nil
    }

    private static let phrases: [String: String] = {
        var table: [String: String] = [:]
        for yes in [
            "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "right", "affirmative", "absolutely",
            "definitely", "of course", "that's right", "that is right", "that's correct", "go ahead", "please do",
            "certainly", "indeed", "confirm", "y",
        ] { table[yes] = "Yes" }
        for no in [
            "no", "nope", "nah", "negative", "not really", "no way", "never", "don't", "do not", "cancel", "n",
            "no thanks", "no thank you",
        ] { table[no] = "No" }
        for maybe in ["maybe", "perhaps", "possibly", "probably"] { table[maybe] = "Maybe" }
        for unknown in ["i don't know", "don't know", "not sure", "i'm not sure", "dunno", "no idea"] {
            table[unknown] = "Don't know"
        }
        return table
    }()
}
