import Foundation
import SibylCore
import Vision

extension RekognitionPlugin {
    /// The upright picture a request names, decoded; every way an image can be wrong answers Rekognition's error,
    /// naming the request's `member` (`Image`, or CompareFaces' `SourceImage` and `TargetImage`).
    func picture(_ input: ImageInput, member: String = "Image", context: OperationContext) throws -> RGBImage {
        let data: Data
        switch (input.Bytes, input.S3Object) {
        case (let bytes?, nil):
            guard bytes.count <= RekognitionLimits.inlineImageBytes else {
                throw ServiceError(
                    code: "ImageTooLargeException",
                    message: "Image size is too large: \(bytes.count) bytes; inline images may be at most 5 MB (use S3Object for up to 15 MB).")
            }
            guard !bytes.isEmpty else { throw Self.invalidParameter("\(member).Bytes must not be empty.") }
            data = bytes
        case (nil, let object?):
            data = try s3Image(object, member: member, context: context)
        default:
            throw Self.invalidParameter("\(member) must have exactly one of Bytes and S3Object.")
        }
        do {
            return try ImageDecoder.decode(data)
        } catch {
            switch error.kind {
            case .tooLarge: throw ServiceError(code: "ImageTooLargeException", message: error.description)
            default: throw ServiceError(code: "InvalidImageFormatException", message: error.description)
            }
        }
    }

    private func s3Image(_ object: S3ObjectInput, member: String, context: OperationContext) throws -> Data {
        guard let bucket = object.Bucket, let name = object.Name, !bucket.isEmpty, !name.isEmpty else {
            throw Self.invalidParameter("\(member).S3Object must name a Bucket and an object Name.")
        }
        let unreadable = ServiceError(
            code: "InvalidS3ObjectException",
            message: "Unable to get object metadata from S3. Check object key, region and/or access permissions (s3://\(bucket)/\(name)).")
        let address = S3URI(bucket: bucket, key: name)
        guard let info = try? context.blobs.head(address) else { throw unreadable }
        guard info.size <= RekognitionLimits.s3ImageBytes else {
            throw ServiceError(
                code: "ImageTooLargeException",
                message: "Image size is too large: s3://\(bucket)/\(name) is \(info.size) bytes; S3 images may be at most 15 MB.")
        }
        guard let (_, data) = try? context.blobs.read(address) else { throw unreadable }
        return data
    }

    static func invalidParameter(_ message: String) -> ServiceError {
        ServiceError(code: "InvalidParameterException", message: message)
    }
}

/// Pixel geometry as Rekognition writes it: ratios of the picture's width and height.
struct RatioGeometry {
    let width: Double
    let height: Double

    init(_ image: RGBImage) {
        width = Double(image.width)
        height = Double(image.height)
    }

    func box(_ rect: PixelRect) -> BoundingBox {
        BoundingBox(Width: rect.width / width, Height: rect.height / height, Left: rect.x / width, Top: rect.y / height)
    }

    func point(x: Double, y: Double) -> Point { Point(X: x / width, Y: y / height) }

    /// A ratio box back in pixels.
    func pixels(_ box: BoundingBox) -> PixelRect {
        PixelRect(
            x: (box.Left ?? 0) * width, y: (box.Top ?? 0) * height, width: (box.Width ?? 0) * width,
            height: (box.Height ?? 0) * height)
    }
}
