/// A decoded picture: 8-bit RGB pixels, row by row, three bytes a pixel, no padding.
public struct RGBImage: Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    /// Wraps pixels (`width * height * 3` bytes).
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "RGB pixels must be width * height * 3 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Bytes between the starts of two rows.
    public var stride: Int { width * 3 }

    /// Rec. 601 luma of every pixel, 0–255, row by row.
    public func luminance() -> [Float] {
        var luma = [Float](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { rgb in
            for index in 0..<(width * height) {
                luma[index] =
                    0.299 * Float(rgb[3 * index]) + 0.587 * Float(rgb[3 * index + 1]) + 0.114 * Float(rgb[3 * index + 2])
            }
        }
        return luma
    }

    /// The pixels inside a rectangle (clipped to the image; at least one pixel).
    public func cropped(to rect: PixelRect) -> RGBImage {
        let left = min(max(Int(rect.x.rounded(.down)), 0), width - 1)
        let top = min(max(Int(rect.y.rounded(.down)), 0), height - 1)
        let right = max(min(Int((rect.x + rect.width).rounded(.up)), width), left + 1)
        let bottom = max(min(Int((rect.y + rect.height).rounded(.up)), height), top + 1)
        var out = [UInt8]()
        out.reserveCapacity((right - left) * (bottom - top) * 3)
        for y in top..<bottom {
            out.append(contentsOf: pixels[(y * width + left) * 3..<(y * width + right) * 3])
        }
        return RGBImage(width: right - left, height: bottom - top, pixels: out)
    }

    /// The image shrunk (area averaging) so that its longer side is at most `maxSide`, and the factor applied
    /// (1 when it was small enough already).
    public func fitting(maxSide: Int) -> (image: RGBImage, scale: Double) {
        let longer = max(width, height)
        guard longer > maxSide else { return (self, 1) }
        let scale = Double(maxSide) / Double(longer)
        let newWidth = max(1, Int((Double(width) * scale).rounded()))
        let newHeight = max(1, Int((Double(height) * scale).rounded()))
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * 3)
        for y in 0..<newHeight {
            let y0 = y * height / newHeight
            let y1 = max(y0 + 1, (y + 1) * height / newHeight)
            for x in 0..<newWidth {
                let x0 = x * width / newWidth
                let x1 = max(x0 + 1, (x + 1) * width / newWidth)
                var sums = (0, 0, 0)
                for sy in y0..<y1 {
                    var index = (sy * width + x0) * 3
                    for _ in x0..<x1 {
                        sums.0 += Int(pixels[index])
                        sums.1 += Int(pixels[index + 1])
                        sums.2 += Int(pixels[index + 2])
                        index += 3
                    }
                }
                let count = (y1 - y0) * (x1 - x0)
                let target = (y * newWidth + x) * 3
                out[target] = UInt8(sums.0 / count)
                out[target + 1] = UInt8(sums.1 / count)
                out[target + 2] = UInt8(sums.2 / count)
            }
        }
        return (RGBImage(width: newWidth, height: newHeight, pixels: out), Double(newWidth) / Double(width))
    }

    /// The image turned clockwise by `quarterTurns` right angles.
    public func rotated(quarterTurns: Int) -> RGBImage {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0 else { return self }
        let newWidth = turns == 2 ? width : height
        let newHeight = turns == 2 ? height : width
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<height {
            for x in 0..<width {
                let (nx, ny): (Int, Int)
                switch turns {
                case 1: (nx, ny) = (height - 1 - y, x)
                case 2: (nx, ny) = (width - 1 - x, height - 1 - y)
                default: (nx, ny) = (y, width - 1 - x)
                }
                let source = (y * width + x) * 3
                let target = (ny * newWidth + nx) * 3
                out[target] = pixels[source]
                out[target + 1] = pixels[source + 1]
                out[target + 2] = pixels[source + 2]
            }
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: out)
    }

    /// The image mirrored left to right.
    public func mirrored() -> RGBImage {
        var out = pixels
        for y in 0..<height {
            for x in 0..<width {
                let source = (y * width + x) * 3
                let target = (y * width + width - 1 - x) * 3
                out[target] = pixels[source]
                out[target + 1] = pixels[source + 1]
                out[target + 2] = pixels[source + 2]
            }
        }
        return RGBImage(width: width, height: height, pixels: out)
    }
}

/// A rectangle in pixels of an image, from its top-left corner.
public struct PixelRect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The smallest rectangle holding both.
    public func union(_ other: PixelRect) -> PixelRect {
        let left = min(x, other.x)
        let top = min(y, other.y)
        return PixelRect(
            x: left, y: top, width: max(x + width, other.x + other.width) - left,
            height: max(y + height, other.y + other.height) - top)
    }

    /// The rectangle's centre.
    public var center: (x: Double, y: Double) { (x + width / 2, y + height / 2) }
}
