import Foundation

/// Brightness, sharpness and contrast of a picture, a face crop or a region of a picture, on AWS's 0–100 scale.
public struct ImageQuality: Sendable, Equatable {
    /// Mean luma as a share of white, 0–100.
    public var brightness: Double
    /// Focus: the variance of the Laplacian of luma (on the picture scaled to at most 256 pixels a side), mapped
    /// onto 0–100 by `100 · (1 − e^(−variance / 400))`: sharp photos score 70–99, the same photos blurred (Gaussian,
    /// radius 2) 5–35.
    public var sharpness: Double
    /// The standard deviation of luma as a share of its largest possible value (127.5), 0–100.
    public var contrast: Double

    /// Measures a whole picture.
    public init(measuring image: RGBImage) {
        let (small, _) = image.fitting(maxSide: 256)
        self.init(luma: small.luminance(), width: small.width, height: small.height, mask: nil)
    }

    /// Measures the pixels of a luma plane where `mask` is set (all of them without a mask).
    init(luma: [Float], width: Int, height: Int, mask: [Bool]?) {
        var count = 0.0
        var sum = 0.0
        var squares = 0.0
        for index in luma.indices where mask?[index] ?? true {
            let value = Double(luma[index])
            count += 1
            sum += value
            squares += value * value
        }
        let mean = count > 0 ? sum / count : 0
        let variance = count > 0 ? max(0, squares / count - mean * mean) : 0
        brightness = mean / 255 * 100
        contrast = min(100, variance.squareRoot() / 127.5 * 100)
        let focus = Self.laplacianVariance(luma, width: width, height: height, mask: mask)
        sharpness = 100 * (1 - exp(-focus / 400))
    }

    /// The variance of the 4-neighbour Laplacian over the interior pixels inside the mask.
    static func laplacianVariance(_ luma: [Float], width: Int, height: Int, mask: [Bool]?) -> Double {
        guard width > 2, height > 2 else { return 0 }
        var count = 0.0
        var sum = 0.0
        var squares = 0.0
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) {
                let at = y * width + x
                if let mask, !mask[at] { continue }
                let laplacian = Double(luma[at - 1] + luma[at + 1] + luma[at - width] + luma[at + width] - 4 * luma[at])
                count += 1
                sum += laplacian
                squares += laplacian * laplacian
            }
        }
        guard count > 0 else { return 0 }
        return squares / count - (sum / count) * (sum / count)
    }
}
