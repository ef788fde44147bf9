import Foundation

/// A supervised fastText text classifier (format version 12, as `fasttext` 0.9 writes it), e.g. the language
/// identification model lid.176: the text's words and character n-grams are looked up in the input matrix
/// (product-quantized matrices, as in `.ftz` files, are decoded once at load), averaged, and scored against every
/// label through a hierarchical or plain softmax. Answers the same probabilities as fastText's own `predict`.
public struct FastTextClassifier: Sendable {
    /// The labels, without fastText's `__label__` prefix, in the model's order.
    public let labels: [String]

    private let dimension: Int
    private let words: [String: Int32]
    private let wordCount: Int32
    private let buckets: UInt32
    /// Character n-gram lengths; nil when the model uses none (`maxn` 0).
    private let ngramLengths: ClosedRange<Int>?
    private let wordNgrams: Int
    /// For a pruned model, the input row (after the words) of each kept n-gram bucket; nil when nothing was pruned.
    private let keptBuckets: [Int32: Int32]?
    private let input: [Float]
    private let output: [Float]
    private let softmax: Softmax

    private enum Softmax {
        case plain
        /// The Huffman tree fastText builds from the label counts: children of each inner node, leaves are labels.
        case hierarchical(left: [Int], right: [Int])
    }

    /// Reads a model file.
    public init(contentsOf url: URL) throws(FastTextError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .malformed("\(url.path) cannot be read (\(error))") }
        try self.init(bytes: [UInt8](data))
    }

    /// Reads a model from its bytes.
    public init(bytes: [UInt8]) throws(FastTextError) {
        var reader = LittleEndianReader<FastTextError>(bytes) { .malformed("the file ends early (at byte \($0))") }
        guard try reader.integer(Int32.self) == 793_712_314 else { throw .malformed("no fastText magic number") }
        let version = try reader.integer(Int32.self)
        guard version == 12 else { throw .unsupported("format version \(version); 12 is read") }
        // Args: dim ws epoch minCount neg wordNgrams loss model bucket minn maxn lrUpdateRate t.
        var arguments: [Int32] = []
        for _ in 0..<12 { arguments.append(try reader.integer(Int32.self)) }
        _ = try reader.integer(UInt64.self)  // t, a double
        let (dimension, wordNgrams, loss, model, buckets, minN, maxN) =
            (Int(arguments[0]), Int(arguments[5]), arguments[6], arguments[7], arguments[8], Int(arguments[9]), Int(arguments[10]))
        guard model == 3 else { throw .unsupported("not a supervised classifier (model \(model))") }
        guard loss == 1 || loss == 3 else { throw .unsupported("loss \(loss); hierarchical softmax and softmax are read") }
        guard dimension > 0, buckets >= 0, minN >= 0, maxN <= 64, wordNgrams >= 1 else {
            throw .malformed("arguments out of range")
        }

        let size = try reader.integer(Int32.self)
        let wordCount = try reader.integer(Int32.self)
        let labelCount = try reader.integer(Int32.self)
        _ = try reader.integer(Int64.self)  // tokens seen in training
        let prunedCount = try reader.integer(Int64.self)
        guard wordCount >= 0, labelCount > 0, Int(wordCount) + Int(labelCount) == Int(size), prunedCount < 1 << 31 else {
            throw .malformed("dictionary sizes out of range")
        }
        var words: [String: Int32] = [:]
        var labels: [String] = []
        var labelCounts: [Int64] = []
        for index in 0..<size {
            let word = try reader.cString()
            let count = try reader.integer(Int64.self)
            let type = try reader.integer(UInt8.self)
            // fastText writes the words first, then the labels.
            guard (type == 0) == (index < wordCount), type <= 1 else { throw .malformed("dictionary entry \(index)'s type") }
            if type == 0 {
                words[String(decoding: word, as: UTF8.self)] = index
            } else {
                labels.append(String(decoding: word, as: UTF8.self).replacingOccurrences(of: "__label__", with: ""))
                labelCounts.append(count)
            }
        }
        guard words.count == Int(wordCount), labels.count == Int(labelCount) else { throw .malformed("dictionary entry types") }
        var keptBuckets: [Int32: Int32]? = nil
        if prunedCount >= 0 {
            var kept: [Int32: Int32] = [:]
            for _ in 0..<prunedCount { kept[try reader.integer(Int32.self)] = try reader.integer(Int32.self) }
            keptBuckets = kept
        }

        let (inputRows, input) = try Self.readMatrix(&reader, quantized: try reader.integer(UInt8.self) != 0)
        let (outputRows, output) = try Self.readMatrix(&reader, quantized: try reader.integer(UInt8.self) != 0)
        guard reader.isAtEnd else { throw .malformed("\(bytes.count - reader.offset) bytes after the output matrix") }
        guard input.count == inputRows * dimension, output.count == outputRows * dimension else {
            throw .malformed("matrix widths differ from the model's dimension \(dimension)")
        }
        guard outputRows == labels.count else { throw .malformed("\(outputRows) output rows for \(labels.count) labels") }
        let largestRow = Int(wordCount) + (keptBuckets.map { Int($0.values.max() ?? -1) } ?? Int(buckets) - 1)
        guard largestRow < inputRows, (keptBuckets?.values.allSatisfy { $0 >= 0 } ?? true) else {
            throw .malformed("the input matrix has \(inputRows) rows; the dictionary needs \(largestRow + 1)")
        }

        self.labels = labels
        self.dimension = dimension
        self.words = words
        self.wordCount = wordCount
        self.buckets = UInt32(buckets)
        self.ngramLengths = maxN >= max(minN, 1) ? max(minN, 1)...maxN : nil
        self.wordNgrams = wordNgrams
        self.keptBuckets = keptBuckets
        self.input = input
        self.output = output
        self.softmax = loss == 1 ? Self.huffmanTree(counts: labelCounts) : .plain
    }

    /// The probability of every label (in `labels`' order) for one line of text.
    public func probabilities(_ text: String) -> [Double] {
        let rows = inputRows(text)
        var hidden = [Float](repeating: 0, count: dimension)
        for row in rows {
            let start = Int(row) * dimension
            for column in 0..<dimension { hidden[column] += input[start + column] }
        }
        let scale = 1 / Float(rows.count)
        for column in 0..<dimension { hidden[column] *= scale }
        switch softmax {
        case .plain: return plainSoftmax(hidden)
        case .hierarchical(let left, let right): return treeSoftmax(hidden, left: left, right: right)
        }
    }

    // MARK: - Input rows

    /// The input rows of a line: each word's own row (if the model knows it) and its character n-grams' rows, word
    /// n-grams' rows, and the end-of-line token's, as fastText's `Dictionary::getLine` reads them.
    func inputRows(_ text: String) -> [Int32] {
        var rows: [Int32] = []
        // Kept as fastText keeps them (signed), so a word n-gram's hash widens them as it does.
        var wordHashes: [Int32] = []
        let tokens = text.utf8.split(whereSeparator: Self.isSeparator)
        for token in tokens where !token.starts(with: Self.labelPrefix) {
            let word = String(decoding: token, as: UTF8.self)
            if let row = words[word] { rows.append(row) }
            addCharacterNgrams(of: token, to: &rows)
            wordHashes.append(Int32(bitPattern: Self.hash(token)))
        }
        let endOfLine = Array("</s>".utf8)
        if let row = words["</s>"] { rows.append(row) }
        wordHashes.append(Int32(bitPattern: Self.hash(endOfLine)))
        if wordNgrams > 1, buckets > 0 {
            for start in wordHashes.indices {
                var hash = UInt64(bitPattern: Int64(wordHashes[start]))
                for next in (start + 1)..<min(wordHashes.count, start + wordNgrams) {
                    hash = hash &* 116_049_371 &+ UInt64(bitPattern: Int64(wordHashes[next]))
                    addBucket(Int32(truncatingIfNeeded: hash % UInt64(buckets)), to: &rows)
                }
            }
        }
        return rows
    }

    private static let labelPrefix = Array("__label__".utf8)

    /// fastText splits lines on space, tab, vertical tab, form feed, carriage return, newline and NUL.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0
    }

    /// The n-grams of `<word>` counted in characters (UTF-8 sequences), skipping the lone `<` and `>`.
    private func addCharacterNgrams(of token: Substring.UTF8View.SubSequence, to rows: inout [Int32]) {
        guard let ngramLengths, buckets > 0 else { return }
        let word = [UInt8(ascii: "<")] + token + [UInt8(ascii: ">")]
        for start in word.indices where !Self.isContinuation(word[start]) {
            var end = start
            for length in 1...ngramLengths.upperBound {
                guard end < word.count else { break }
                end += 1
                while end < word.count, Self.isContinuation(word[end]) { end += 1 }
                if length >= ngramLengths.lowerBound, !(length == 1 && (start == 0 || end == word.count)) {
                    addBucket(Int32(Self.hash(word[start..<end]) % buckets), to: &rows)
                }
            }
        }
    }

    private func addBucket(_ bucket: Int32, to rows: inout [Int32]) {
        guard let keptBuckets else {
            rows.append(wordCount + bucket)
            return
        }
        if let row = keptBuckets[bucket] { rows.append(wordCount + row) }
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// fastText's 32-bit FNV-1a, which sign-extends each byte before mixing it in.
    static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(bitPattern: Int32(Int8(bitPattern: byte)))
            hash = hash &* 16_777_619
        }
        return hash
    }

    // MARK: - Output

    private func dot(_ hidden: [Float], outputRow row: Int) -> Double {
        var sum: Float = 0
        let start = row * dimension
        for column in 0..<dimension { sum += output[start + column] * hidden[column] }
        return Double(sum)
    }

    private func plainSoftmax(_ hidden: [Float]) -> [Double] {
        let scores = labels.indices.map { dot(hidden, outputRow: $0) }
        let largest = scores.max() ?? 0
        let exponentials = scores.map { Foundation.exp($0 - largest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// Each label's probability is the product of the branch probabilities on its path from the root, with
    /// fastText's `log(p + 1e-5)` smoothing.
    private func treeSoftmax(_ hidden: [Float], left: [Int], right: [Int]) -> [Double] {
        let labelCount = labels.count
        var logProbability = [Double](repeating: 0, count: left.count)
        var probabilities = [Double](repeating: 0, count: labelCount)
        // Inner nodes are numbered after their children, so walking down from the root visits parents first.
        for node in stride(from: left.count - 1, through: labelCount, by: -1) {
            let branch = 1 / (1 + Foundation.exp(-dot(hidden, outputRow: node - labelCount)))
            logProbability[left[node]] = logProbability[node] + Foundation.log(1 - branch + 1e-5)
            logProbability[right[node]] = logProbability[node] + Foundation.log(branch + 1e-5)
        }
        for label in 0..<labelCount { probabilities[label] = Foundation.exp(logProbability[label]) }
        return probabilities
    }

    /// fastText's `HierarchicalSoftmaxLoss::buildTree`: labels are sorted by falling count, and each inner node joins
    /// the two least frequent free nodes.
    private static func huffmanTree(counts: [Int64]) -> Softmax {
        let labelCount = counts.count
        let nodeCount = 2 * labelCount - 1
        var weight = [Int64](repeating: 1_000_000_000_000_000, count: nodeCount)
        var left = [Int](repeating: -1, count: nodeCount)
        var right = [Int](repeating: -1, count: nodeCount)
        for label in 0..<labelCount { weight[label] = counts[label] }
        var leaf = labelCount - 1
        var node = labelCount
        for parent in labelCount..<nodeCount {
            var children = [0, 0]
            for side in 0..<2 {
                if leaf >= 0 && weight[leaf] < weight[node] {
                    children[side] = leaf
                    leaf -= 1
                } else {
                    children[side] = node
                    node += 1
                }
            }
            left[parent] = children[0]
            right[parent] = children[1]
            weight[parent] = weight[children[0]] + weight[children[1]]
        }
        return .hierarchical(left: left, right: right)
    }

    // MARK: - Matrices

    /// A dense matrix, or a product-quantized one decoded to dense: (rows, row-major values).
    private static func readMatrix(_ reader: inout LittleEndianReader<FastTextError>, quantized: Bool) throws(FastTextError) -> (Int, [Float]) {
        guard quantized else {
            let (rows, columns) = (try reader.integer(Int64.self), try reader.integer(Int64.self))
            guard (0..<1 << 31).contains(rows), (0..<1 << 16).contains(columns), rows * columns < 1 << 30 else {
                throw .malformed("matrix size out of range")
            }
            return (Int(rows), try reader.floats(Int(rows * columns)))
        }
        let hasNorms = try reader.integer(UInt8.self) != 0
        let (rows, columns) = (try reader.integer(Int64.self), try reader.integer(Int64.self))
        let codeCount = try reader.integer(Int32.self)
        guard (0..<1 << 31).contains(rows), (1..<1 << 16).contains(columns), rows * columns < 1 << 30, codeCount >= 0 else {
            throw .malformed("quantized matrix size out of range")
        }
        let codes = try reader.bytes(Int(codeCount))
        let quantizer = try ProductQuantizer(&reader)
        guard quantizer.dimension == Int(columns), Int(codeCount) == Int(rows) * quantizer.parts else {
            throw .malformed("quantizer shape")
        }
        var norms = [Float](repeating: 1, count: Int(rows))
        if hasNorms {
            let normCodes = try reader.bytes(Int(rows))
            let normQuantizer = try ProductQuantizer(&reader)
            guard normQuantizer.dimension == 1 else { throw .malformed("norm quantizer shape") }
            for (row, code) in normCodes.enumerated() { norms[row] = normQuantizer.centroid(part: 0, code: code).first! }
        }
        var values = [Float](repeating: 0, count: Int(rows * columns))
        for row in 0..<Int(rows) {
            let rowCodes = codes[(codes.startIndex + row * quantizer.parts)...]
            for part in 0..<quantizer.parts {
                let centroid = quantizer.centroid(part: part, code: rowCodes[rowCodes.startIndex + part])
                for (step, value) in centroid.enumerated() {
                    values[row * Int(columns) + part * quantizer.partWidth + step] = value * norms[row]
                }
            }
        }
        return (Int(rows), values)
    }
}

/// fastText's product quantizer: each row is cut into `parts` pieces, each stored as one of 256 centroids (the
/// last piece may be narrower).
private struct ProductQuantizer {
    let dimension: Int
    let parts: Int
    let partWidth: Int
    let lastPartWidth: Int
    let centroids: [Float]

    init(_ reader: inout LittleEndianReader<FastTextError>) throws(FastTextError) {
        dimension = Int(try reader.integer(Int32.self))
        parts = Int(try reader.integer(Int32.self))
        partWidth = Int(try reader.integer(Int32.self))
        lastPartWidth = Int(try reader.integer(Int32.self))
        guard dimension > 0, dimension < 1 << 16, parts > 0, partWidth > 0, lastPartWidth > 0,
            (parts - 1) * partWidth + lastPartWidth == dimension
        else { throw .malformed("product quantizer shape") }
        centroids = try reader.floats(dimension * 256)
    }

    func centroid(part: Int, code: UInt8) -> ArraySlice<Float> {
        let start = part == parts - 1
            ? part * 256 * partWidth + Int(code) * lastPartWidth
            : (part * 256 + Int(code)) * partWidth
        return centroids[start..<start + (part == parts - 1 ? lastPartWidth : partWidth)]
    }
}

/// Why a fastText model could not be read.
public enum FastTextError: Error, CustomStringConvertible {
    case malformed(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .malformed(let why): "not a readable fastText model: \(why)"
        case .unsupported(let what): "unsupported fastText model: \(what)"
        }
    }
}
