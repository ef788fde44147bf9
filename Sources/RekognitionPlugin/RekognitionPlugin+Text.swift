import SibylCore
import Vision

extension RekognitionPlugin {
    static let textModelVersion = "3.0"

    /// DetectText: Tesseract's lines and words, filtered as the request asks, at most 100 words.
    func detectText(_ input: DetectTextRequest, context: OperationContext) async throws -> DetectTextResponse {
        let image = try picture(input.Image, context: context)
        let lines = try await readText(image)
        let geometry = RatioGeometry(image)
        let filter = WordSelection(filters: input.Filters, geometry: geometry)
        var kept: [RecognizedLine] = []
        var wordCount = 0
        for line in lines {
            let words = line.words.filter(filter.keeps).prefix(RekognitionLimits.maxWords - wordCount)
            guard !words.isEmpty else { continue }
            wordCount += words.count
            kept.append(RecognizedLine(words: Array(words)))
            if wordCount == RekognitionLimits.maxWords { break }
        }
        var detections: [TextDetection] = kept.enumerated().map { index, line in
            TextDetection(
                DetectedText: line.text, Type: "LINE", Id: index, ParentId: nil, Confidence: line.confidence,
                Geometry: Self.geometry(box: line.box, corners: line.corners, in: geometry))
        }
        for (lineIndex, line) in kept.enumerated() {
            for word in line.words {
                detections.append(
                    TextDetection(
                        DetectedText: word.text, Type: "WORD", Id: detections.count, ParentId: lineIndex,
                        Confidence: word.confidence, Geometry: Self.geometry(box: word.box, corners: word.corners, in: geometry)))
            }
        }
        return DetectTextResponse(TextDetections: detections, TextModelVersion: Self.textModelVersion)
    }

    /// The lines of text in a picture, read by a pooled Tesseract instance.
    func readText(_ image: RGBImage) async throws -> [RecognizedLine] {
        do {
            return try await readers.withEngine { reader in reader.read(image) }
        } catch {
            throw ServiceError.engineUnavailable("Text detection is unavailable: \(error)")
        }
    }

    static func geometry(box: PixelRect, corners: [(x: Double, y: Double)], in geometry: RatioGeometry) -> Geometry {
        Geometry(BoundingBox: geometry.box(box), Polygon: corners.map { geometry.point(x: $0.x, y: $0.y) })
    }
}

/// Which words a DetectText request keeps: confident and large enough, inside a region of interest if any.
struct WordSelection {
    let minConfidence: Double
    let minHeight: Double
    let minWidth: Double
    let regions: [[(x: Double, y: Double)]]

    init(filters: DetectTextFilters?, geometry: RatioGeometry) {
        minConfidence = filters?.WordFilter?.MinConfidence ?? 0
        minHeight = (filters?.WordFilter?.MinBoundingBoxHeight ?? 0) * geometry.height
        minWidth = (filters?.WordFilter?.MinBoundingBoxWidth ?? 0) * geometry.width
        regions = (filters?.RegionsOfInterest ?? []).compactMap { region in
            if let polygon = region.Polygon, polygon.count >= 3 {
                return polygon.map { (($0.X ?? 0) * geometry.width, ($0.Y ?? 0) * geometry.height) }
            }
            guard let box = region.BoundingBox else { return nil }
            let rect = geometry.pixels(box)
            return [
                (rect.x, rect.y), (rect.x + rect.width, rect.y), (rect.x + rect.width, rect.y + rect.height),
                (rect.x, rect.y + rect.height),
            ]
        }
    }

    func keeps(_ word: RecognizedWord) -> Bool {
        guard word.confidence >= minConfidence, word.box.height >= minHeight, word.box.width >= minWidth else {
            return false
        }
        guard !regions.isEmpty else { return true }
        let centre = word.box.center
        return regions.contains { Self.contains($0, x: centre.x, y: centre.y) }
    }

    /// Even-odd rule point-in-polygon.
    static func contains(_ polygon: [(x: Double, y: Double)], x: Double, y: Double) -> Bool {
        var inside = false
        var previous = polygon[polygon.count - 1]
        for point in polygon {
            if (point.y > y) != (previous.y > y),
                x < (previous.x - point.x) * (y - point.y) / (previous.y - point.y) + point.x
            {
                inside.toggle()
            }
            previous = point
        }
        return inside
    }
}
