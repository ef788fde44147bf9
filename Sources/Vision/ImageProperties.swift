/// The quality and dominant colours of a region of a picture.
public struct RegionProperties: Sendable {
    public var quality: ImageQuality
    public var colors: [DominantColor]
}

/// Quality and dominant colours of a whole picture, and of its foreground and background apart.
///
/// The split is a border prior: the colours along the picture's edge (its outer 6%) are clustered, and a pixel
/// whose colour is far (ΔE > 15) from all of them is foreground. Pictures whose foreground covers less than 2%
/// or more than 95% of them have no split (both parts are then nil).
public struct ImageProperties: Sendable {
    public var whole: RegionProperties
    public var foreground: RegionProperties?
    public var background: RegionProperties?

    /// The side pictures are reduced to before measuring (colours and quality are statistics of many pixels).
    static let workingSide = 160

    /// Measures a picture, with up to `maxColors` dominant colours per region.
    public init(measuring image: RGBImage, maxColors: Int) {
        let (small, _) = image.fitting(maxSide: Self.workingSide)
        let luma = small.luminance()
        whole = RegionProperties(
            quality: ImageQuality(luma: luma, width: small.width, height: small.height, mask: nil),
            colors: ColorClustering.dominantColors(small, mask: nil, count: maxColors))
        let mask = Self.foregroundMask(small)
        let share = Double(mask.filter { $0 }.count) / Double(mask.count)
        guard share > 0.02, share < 0.95 else { return }
        let backgroundMask = mask.map { !$0 }
        foreground = RegionProperties(
            quality: ImageQuality(luma: luma, width: small.width, height: small.height, mask: mask),
            colors: ColorClustering.dominantColors(small, mask: mask, count: maxColors))
        background = RegionProperties(
            quality: ImageQuality(luma: luma, width: small.width, height: small.height, mask: backgroundMask),
            colors: ColorClustering.dominantColors(small, mask: backgroundMask, count: maxColors))
    }

    /// True where a pixel's colour is unlike every colour of the picture's border.
    static func foregroundMask(_ image: RGBImage) -> [Bool] {
        let ring = max(1, Int(Double(min(image.width, image.height)) * 0.06))
        var border = [Bool](repeating: false, count: image.width * image.height)
        for y in 0..<image.height {
            for x in 0..<image.width where x < ring || y < ring || x >= image.width - ring || y >= image.height - ring {
                border[y * image.width + x] = true
            }
        }
        let edgeColors = ColorClustering.dominantColors(image, mask: border, count: 6)
            .filter { $0.pixelPercent >= 3 }
            .map { Lab(red: $0.red, green: $0.green, blue: $0.blue) }
        return (0..<(image.width * image.height)).map { index in
            let lab = Lab(
                red: Int(image.pixels[3 * index]), green: Int(image.pixels[3 * index + 1]),
                blue: Int(image.pixels[3 * index + 2]))
            return edgeColors.allSatisfy { lab.distance(to: $0) > 225 }
        }
    }
}
