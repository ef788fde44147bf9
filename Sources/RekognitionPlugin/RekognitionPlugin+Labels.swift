import SibylCore
import Vision

extension RekognitionPlugin {
    static let labelModelVersion = "3.0"

    /// DetectLabels: the labels a real detector here supports (faces → Face and Person; OCR → Text and Document),
    /// and measured image properties when asked.
    func detectLabels(_ input: DetectLabelsRequest, context: OperationContext) async throws -> DetectLabelsResponse {
        let image = try picture(input.Image, context: context)
        let features = Set(input.Features ?? ["GENERAL_LABELS"])
        var response = DetectLabelsResponse(Labels: nil, LabelModelVersion: Self.labelModelVersion, ImageProperties: nil)
        if features.contains("GENERAL_LABELS") {
            let labels = try await generalLabels(image)
            let filter = LabelFilter(settings: input.Settings?.GeneralLabels)
            response.Labels = Array(
                labels.filter { $0.Confidence >= (input.MinConfidence ?? 55) && filter.keeps($0) }
                    .sorted { $0.Confidence > $1.Confidence }
                    .prefix(input.MaxLabels ?? 1000))
        }
        if features.contains("IMAGE_PROPERTIES") {
            let properties = ImageProperties(
                measuring: image, maxColors: input.Settings?.ImageProperties?.MaxDominantColors ?? 10)
            response.ImageProperties = ImagePropertiesShape(
                Quality: Self.quality(properties.whole.quality), DominantColors: properties.whole.colors.map(Self.color),
                Foreground: properties.foreground.map(Self.region), Background: properties.background.map(Self.region))
        }
        return response
    }

    private func generalLabels(_ image: RGBImage) async throws -> [LabelShape] {
        let geometry = RatioGeometry(image)
        var labels: [LabelShape] = []
        let faces = try await findFaces(in: image, embeddings: false)
        if let best = faces.map(\.confidence).max() {
            let people = [LabelName(Name: "Person Description")]
            labels.append(
                LabelShape(
                    Name: "Face", Confidence: best,
                    Instances: faces.map { LabelInstance(BoundingBox: geometry.box($0.box), Confidence: $0.confidence, DominantColors: []) },
                    Parents: [LabelName(Name: "Person")], Aliases: [], Categories: people))
            labels.append(
                LabelShape(
                    Name: "Person", Confidence: best, Instances: [], Parents: [], Aliases: [LabelName(Name: "Human")],
                    Categories: people))
        }
        let lines = try await readText(image)
        let words = lines.flatMap(\.words)
        if !words.isEmpty {
            let confidence = words.map(\.confidence).reduce(0, +) / Double(words.count)
            let documents = [LabelName(Name: "Text and Documents")]
            labels.append(LabelShape(Name: "Text", Confidence: confidence, Instances: [], Parents: [], Aliases: [], Categories: documents))
            let textArea = lines.reduce(0) { $0 + $1.box.width * $1.box.height }
            if lines.count >= 3, textArea >= 0.15 * geometry.width * geometry.height {
                labels.append(
                    LabelShape(
                        Name: "Document", Confidence: confidence, Instances: [], Parents: [LabelName(Name: "Text")],
                        Aliases: [], Categories: documents))
            }
        }
        return labels
    }

    static func quality(_ quality: ImageQuality) -> ImagePropertiesQuality {
        ImagePropertiesQuality(Brightness: quality.brightness, Sharpness: quality.sharpness, Contrast: quality.contrast)
    }

    static func region(_ region: RegionProperties) -> ImageRegionShape {
        ImageRegionShape(Quality: quality(region.quality), DominantColors: region.colors.map(color))
    }

    static func color(_ color: DominantColor) -> DominantColorShape {
        DominantColorShape(
            Red: color.red, Blue: color.blue, Green: color.green, HexCode: color.hexCode.uppercased(),
            CSSColor: color.cssName, SimplifiedColor: color.simplifiedName, PixelPercent: color.pixelPercent)
    }
}

/// DetectLabels' GeneralLabels settings: names and categories to keep or drop.
struct LabelFilter {
    let include: Set<String>
    let exclude: Set<String>
    let includeCategories: Set<String>
    let excludeCategories: Set<String>

    init(settings: GeneralLabelsSettings?) {
        include = Set(settings?.LabelInclusionFilters ?? [])
        exclude = Set(settings?.LabelExclusionFilters ?? [])
        includeCategories = Set(settings?.LabelCategoryInclusionFilters ?? [])
        excludeCategories = Set(settings?.LabelCategoryExclusionFilters ?? [])
    }

    func keeps(_ label: LabelShape) -> Bool {
        let categories = Set(label.Categories.map(\.Name))
        if exclude.contains(label.Name) || !categories.isDisjoint(with: excludeCategories) { return false }
        if !include.isEmpty || !includeCategories.isEmpty {
            return include.contains(label.Name) || !categories.isDisjoint(with: includeCategories)
        }
        return true
    }
}
