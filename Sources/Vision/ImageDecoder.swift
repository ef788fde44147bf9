import CTesseract
import Foundation

/// Decodes JPEG and PNG data through Leptonica into upright RGB pixels (Exif orientation applied).
public enum ImageDecoder {
    /// The formats accepted, told apart by their first bytes.
    public enum Format: String, Sendable {
        case jpeg, png

        /// The format of data by its signature, or nil for anything else.
        public init?(sniffing data: [UInt8]) {
            if data.starts(with: [0xFF, 0xD8, 0xFF]) {
                self = .jpeg
            } else if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self = .png
            } else {
                return nil
            }
        }
    }

    /// The largest picture decoded, in pixels (a 5 MB upload can declare far more than it holds).
    public static let maxPixels = 40_000_000

    /// Decodes a JPEG or PNG; anything else, or data that does not decode, throws `.invalidFormat`, and a picture
    /// of more than `maxPixels` throws `.tooLarge` before any pixel is decoded.
    public static func decode(_ data: Data) throws(VisionError) -> RGBImage {
        let bytes = [UInt8](data)
        guard let format = Format(sniffing: bytes) else {
            throw VisionError(.invalidFormat, "Request has unsupported image format: only JPEG and PNG are accepted")
        }
        silenceLeptonica
        var width: Int32 = 0
        var height: Int32 = 0
        let header = bytes.withUnsafeBufferPointer {
            pixReadHeaderMem($0.baseAddress, $0.count, nil, &width, &height, nil, nil, nil)
        }
        guard header == 0, width > 0, height > 0 else {
            throw VisionError(.invalidFormat, "Request has invalid image format: the \(format.rawValue) data cannot be read")
        }
        guard Int(width) * Int(height) <= maxPixels else {
            throw VisionError(
                .tooLarge, "The image is \(width)x\(height) pixels: more than the \(maxPixels) pixels processed")
        }
        guard let decoded = bytes.withUnsafeBufferPointer({ pixReadMem($0.baseAddress, $0.count) }) else {
            throw VisionError(.invalidFormat, "Request has invalid image format: the \(format.rawValue) data is corrupt")
        }
        var source: UnsafeMutablePointer<PIX>? = decoded
        defer { pixDestroy(&source) }
        guard let convertedPix = pixConvertTo32(decoded) else {
            throw VisionError(.invalidFormat, "Request has invalid image format: unsupported pixel layout")
        }
        var converted: UnsafeMutablePointer<PIX>? = convertedPix
        defer { pixDestroy(&converted) }
        let image = rgb(of: convertedPix)
        return format == .jpeg ? ExifOrientation.apply(ExifOrientation.value(inJPEG: bytes), to: image) : image
    }

    /// Copies a 32-bit Leptonica picture's red, green and blue bytes.
    static func rgb(of pix: UnsafeMutablePointer<PIX>) -> RGBImage {
        let width = Int(pixGetWidth(pix))
        let height = Int(pixGetHeight(pix))
        let wordsPerLine = Int(pixGetWpl(pix))
        let data = pixGetData(pix)!
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let row = data + y * wordsPerLine
            for x in 0..<width {
                let word = row[x]
                let target = (y * width + x) * 3
                pixels[target] = UInt8(truncatingIfNeeded: word >> 24)
                pixels[target + 1] = UInt8(truncatingIfNeeded: word >> 16)
                pixels[target + 2] = UInt8(truncatingIfNeeded: word >> 8)
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    /// Leptonica prints every decoding complaint on stderr; corrupt uploads are the client's problem, not the log's.
    static let silenceLeptonica: Void = { _ = setMsgSeverity(Int32(L_SEVERITY_NONE)) }()
}
