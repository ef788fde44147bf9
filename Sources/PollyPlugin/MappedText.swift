/// Text being rewritten for the synthesizer (SSML features, lexicons), remembering for each Unicode scalar which
/// scalar of the request text it stands for, so that speech marks always point into what the client sent.
struct MappedText {
    private(set) var scalars: [Unicode.Scalar] = []
    /// For each scalar, its offset in the request text.
    private(set) var origins: [Int] = []
    /// The length of the request text, in scalars.
    let originalCount: Int

    /// The request text itself: every scalar stands for itself.
    init(original: String) {
        scalars = Array(original.unicodeScalars)
        origins = Array(scalars.indices)
        originalCount = scalars.count
    }

    /// An empty text to build on, for rewriting `source`.
    init(rewriting source: MappedText) {
        originalCount = source.originalCount
    }

    var text: String { String(String.UnicodeScalarView(scalars)) }

    /// Appends text that stands for the request-text scalar at `origin`.
    mutating func append(_ text: String, origin: Int) {
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            origins.append(origin)
        }
    }

    /// Appends scalars `range` of `source`, keeping their origins.
    mutating func append(from source: MappedText, _ range: Range<Int>) {
        scalars += source.scalars[range]
        origins += source.origins[range]
    }

    /// The request-text offset for an offset into this text.
    func originalOffset(_ offset: Int) -> Int {
        offset < origins.count ? origins[max(0, offset)] : originalCount
    }
}
