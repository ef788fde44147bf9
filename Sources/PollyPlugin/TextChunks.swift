/// Splits long plain text into pieces that end at a sentence end where possible, else at a space.
enum TextChunks {
    /// Ranges covering all of `scalars`, each about `size` long (at most twice that).
    static func split(_ scalars: [Unicode.Scalar], around size: Int) -> [Range<Int>] {
        guard scalars.count > size * 2 else { return [0..<scalars.count] }
        var ranges: [Range<Int>] = []
        var start = 0
        while scalars.count - start > size * 2 {
            let window = (start + size)..<(start + size * 2)
            let sentenceEnd = window.first { index in
                ".!?\n".unicodeScalars.contains(scalars[index - 1]) && scalars[index].properties.isWhitespace
            }
            let end = sentenceEnd ?? window.first { scalars[$0].properties.isWhitespace } ?? window.upperBound
            ranges.append(start..<end)
            start = end
        }
        ranges.append(start..<scalars.count)
        return ranges
    }
}
