import CTesseract
import Foundation

/// One Tesseract instance (English, LSTM) with its model loaded once. Reads the text of upright or turned pictures.
///
/// Not thread-safe: lend it through an ``EnginePool`` so that one caller at a time uses it. A process that pools
/// several should run with `OMP_THREAD_LIMIT=1` (the `sibyl` executable sees to it): Tesseract's own OpenMP
/// threads only oversubscribe the cores.
public final class TesseractReader: @unchecked Sendable {
    private let api: OpaquePointer
    /// A second instance with Tesseract's orientation-and-script model (osd.traineddata), if installed.
    private let orientation: OpaquePointer?
    /// Words below this confidence are taken for noise: Tesseract reads photo texture as junk at 20–25, while real
    /// words on degraded scans still score 25–40 (a floor of 40 measurably lost words in the OCR benchmark).
    public static let noiseConfidence = 20.0

    /// Loads Tesseract's English model from the system's tessdata folder.
    public init(language: String = "eng") throws(VisionError) {
        ImageDecoder.silenceLeptonica
        guard let api = TessBaseAPICreate() else { throw VisionError(.engine, "Tesseract could not be created") }
        guard TessBaseAPIInit3(api, nil, language) == 0 else {
            TessBaseAPIDelete(api)
            throw VisionError(.engine, "Tesseract could not load its '\(language)' model (is tesseract-ocr-\(language) installed?)")
        }
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        self.api = api
        let osd = TessBaseAPICreate()
        if let osd, TessBaseAPIInit3(osd, nil, "osd") == 0 {
            TessBaseAPISetPageSegMode(osd, PSM_OSD_ONLY)
            _ = TessBaseAPISetVariable(osd, "debug_file", "/dev/null")
            orientation = osd
        } else {
            osd.map(TessBaseAPIDelete)
            orientation = nil
        }
    }

    deinit {
        TessBaseAPIDelete(api)
        orientation.map(TessBaseAPIDelete)
    }

    /// The lines of text in a picture, boxes in the picture's pixels. When the upright reading is poor (text that
    /// runs sideways or upside down reads as low-confidence junk), the picture is turned: as Tesseract's orientation
    /// detector says when it is sure (and the turned reading beats the upright one), else by reading all four
    /// orientations and keeping the one with the most confident characters.
    public func read(_ image: RGBImage) -> [RecognizedLine] {
        // Very large photos are read at most `readingSide` pixels a side (text that small in them is unreadable
        // anyway, and the time grows with the area); boxes are scaled back.
        let (reduced, scale) = image.fitting(maxSide: Self.readingSide)
        guard scale == 1 else { return read(reduced).map { $0.scaled(by: 1 / scale) } }
        var best = read(image, quarterTurns: 0)
        guard Self.needsOrientationSearch(best) else { return best }
        if let turns = detectedQuarterTurns(image) {
            guard turns != 0 else { return best }
            // The detector can be sure and wrong (on codes and numbers): the reading with more confident
            // characters decides.
            let turned = read(image.rotated(quarterTurns: turns), quarterTurns: turns, original: image)
            return Self.score(turned) > Self.score(best) ? turned : best
        }
        for turns in 1...3 {
            let candidate = read(image.rotated(quarterTurns: turns), quarterTurns: turns, original: image)
            if Self.score(candidate) > Self.score(best) * 1.2 { best = candidate }
        }
        return best
    }

    /// The clockwise quarter turns that make the picture's text upright, when the orientation detector is sure.
    private func detectedQuarterTurns(_ image: RGBImage) -> Int? {
        guard let orientation else { return nil }
        image.pixels.withUnsafeBufferPointer { pixels in
            TessBaseAPISetImage(
                orientation, pixels.baseAddress, Int32(image.width), Int32(image.height), 3, Int32(image.stride))
        }
        defer { TessBaseAPIClear(orientation) }
        var degrees: Int32 = 0
        var confidence: Float = 0
        var script: UnsafePointer<CChar>?
        var scriptConfidence: Float = 0
        guard TessBaseAPIDetectOrientationScript(orientation, &degrees, &confidence, &script, &scriptConfidence) != 0,
            confidence >= Self.orientationConfidence
        else { return nil }
        // Tesseract reports how far the picture is turned clockwise; turning it on to a full turn makes it upright.
        return (4 - Int(degrees) / 90) % 4
    }

    /// The longest side read at full resolution.
    public static let readingSide = 4000

    /// How sure the orientation detector must be (its confidence is a log-likelihood margin; 2 is clear).
    static let orientationConfidence: Float = 2

    /// The lines of an image that was turned clockwise by `quarterTurns` from `original`, mapped back to it.
    private func read(_ turned: RGBImage, quarterTurns: Int, original: RGBImage? = nil) -> [RecognizedLine] {
        let original = original ?? turned
        turned.pixels.withUnsafeBufferPointer { pixels in
            TessBaseAPISetImage(api, pixels.baseAddress, Int32(turned.width), Int32(turned.height), 3, Int32(turned.stride))
        }
        defer { TessBaseAPIClear(api) }
        guard TessBaseAPIRecognize(api, nil) == 0, let iterator = TessBaseAPIGetIterator(api) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        let page = TessResultIteratorGetPageIterator(iterator)
        let map = TurnMapping(quarterTurns: quarterTurns, width: Double(original.width), height: Double(original.height))
        var lines: [RecognizedLine] = []
        var current: [RecognizedWord] = []
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0, !current.isEmpty {
                lines.append(RecognizedLine(words: current))
                current = []
            }
            guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
            TessDeleteText(raw)
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD))
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard !text.isEmpty, confidence >= Self.noiseConfidence,
                TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0
            else { continue }
            // Tesseract reads sideways blocks itself; its block orientation says where the text's top points, so the
            // box's corners can be listed in reading order (top-left of the text first).
            var textUp = ORIENTATION_PAGE_UP
            var direction = WRITING_DIRECTION_LEFT_TO_RIGHT
            var order = TEXTLINE_ORDER_TOP_TO_BOTTOM
            var deskew: Float = 0
            TessPageIteratorOrientation(page, &textUp, &direction, &order, &deskew)
            let boxCorners = [
                (Double(left), Double(top)), (Double(right), Double(top)), (Double(right), Double(bottom)),
                (Double(left), Double(bottom)),
            ]
            let shift = Self.readingStart(textUp, direction: direction)
            let corners = (0..<4).map { boxCorners[($0 + shift) % 4] }.map { map.original(x: $0.0, y: $0.1) }
            current.append(
                RecognizedWord(
                    text: text, box: Self.bounds(corners), corners: corners, confidence: min(confidence, 100),
                    isDictionaryWord: TessResultIteratorWordIsFromDictionary(iterator) != 0))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        if !current.isEmpty { lines.append(RecognizedLine(words: current)) }
        return lines
    }

    /// Which corner of an upright box (top-left, top-right, bottom-right, bottom-left) is the text's own top-left.
    /// Latin text turned a quarter clockwise comes back as "upright, written top to bottom": its top points right.
    static func readingStart(_ textUp: TessOrientation, direction: TessWritingDirection) -> Int {
        let turned = direction == WRITING_DIRECTION_TOP_TO_BOTTOM ? 1 : 0
        switch textUp {
        case ORIENTATION_PAGE_RIGHT: return (1 + turned) % 4
        case ORIENTATION_PAGE_DOWN: return (2 + turned) % 4
        case ORIENTATION_PAGE_LEFT: return (3 + turned) % 4
        default: return turned
        }
    }

    /// Confident characters read: what the orientation search maximises.
    static func score(_ lines: [RecognizedLine]) -> Double {
        lines.flatMap(\.words).reduce(0) { $0 + Double($1.text.count) * $1.confidence / 100 }
    }

    /// Whether the upright reading is weak enough that the picture may be turned: nothing read, low confidence, or
    /// (text turned over reads as confident junk) fewer than half its words in the dictionary.
    static func needsOrientationSearch(_ lines: [RecognizedLine]) -> Bool {
        let words = lines.flatMap(\.words)
        guard !words.isEmpty else { return true }
        if words.map(\.confidence).reduce(0, +) / Double(words.count) < 75 { return true }
        let wordsOfLetters = words.filter { $0.text.filter(\.isLetter).count >= 2 }
        guard !wordsOfLetters.isEmpty else { return false }
        return Double(wordsOfLetters.filter(\.isDictionaryWord).count) / Double(wordsOfLetters.count) < 0.5
    }

    static func bounds(_ corners: [(x: Double, y: Double)]) -> PixelRect {
        let xs = corners.map(\.x)
        let ys = corners.map(\.y)
        return PixelRect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }
}

/// Maps points of a picture turned clockwise by quarter turns back onto the original picture.
struct TurnMapping {
    let quarterTurns: Int
    let width: Double
    let height: Double

    func original(x: Double, y: Double) -> (x: Double, y: Double) {
        switch ((quarterTurns % 4) + 4) % 4 {
        case 1: (y, height - x)
        case 2: (width - x, height - y)
        case 3: (width - y, x)
        default: (x, y)
        }
    }
}
