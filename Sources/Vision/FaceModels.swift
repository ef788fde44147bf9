import CFaces
import Foundation

/// dlib's face detector, 5-point landmark predictor and embedding network, loaded once.
///
/// Not thread-safe: lend it through an ``EnginePool`` so that one caller at a time uses it.
public final class FaceModels: @unchecked Sendable {
    private let handle: OpaquePointer

    /// The model files expected in a models folder (from the PyPI package `face-recognition-models`).
    public static let landmarkFile = "shape_predictor_5_face_landmarks.dat"
    public static let embeddingFile = "dlib_face_recognition_resnet_model_v1.dat"

    /// Loads the models from a folder holding ``landmarkFile`` and ``embeddingFile``.
    public init(directory: URL) throws(VisionError) {
        var message = [CChar](repeating: 0, count: 512)
        let landmarks = directory.appendingPathComponent(Self.landmarkFile).path
        let embedding = directory.appendingPathComponent(Self.embeddingFile).path
        guard FileManager.default.fileExists(atPath: landmarks), FileManager.default.fileExists(atPath: embedding) else {
            throw VisionError(.engine, "the face models are not installed in \(directory.path) (run Scripts/setup)")
        }
        guard let handle = sibyl_faces_open(landmarks, embedding, &message, message.count) else {
            throw VisionError(.engine, "the face models in \(directory.path) could not be loaded: \(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        self.handle = handle
    }

    deinit { sibyl_faces_close(handle) }

    /// Frontal faces with the detector's margin (0 at its threshold), best first.
    func detect(_ image: RGBImage, upsample: Int, threshold: Double = 0, capacity: Int = 100) throws(VisionError)
        -> [(box: PixelRect, score: Double)]
    {
        var boxes = [sibyl_face_box](repeating: sibyl_face_box(), count: capacity)
        let found = image.pixels.withUnsafeBufferPointer { pixels in
            sibyl_faces_detect(
                handle, pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.stride), Int32(upsample),
                threshold, &boxes, Int32(capacity))
        }
        guard found >= 0 else { throw VisionError(.engine, "the face detector failed") }
        return boxes.prefix(min(Int(found), capacity)).map {
            (PixelRect(x: $0.left, y: $0.top, width: $0.right - $0.left, height: $0.bottom - $0.top), $0.score)
        }
    }

    /// The five landmark points of the face in `box`.
    func landmarks(_ image: RGBImage, box: PixelRect) throws(VisionError) -> [(x: Double, y: Double)] {
        var points = [Double](repeating: 0, count: 10)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            sibyl_faces_landmarks(
                handle, pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.stride), Self.cBox(box),
                &points)
        }
        guard status == 0 else { throw VisionError(.engine, "the landmark predictor failed") }
        return (0..<5).map { (points[2 * $0], points[2 * $0 + 1]) }
    }

    /// The 128-dimensional embedding of the face in `box`.
    func embedding(_ image: RGBImage, box: PixelRect) throws(VisionError) -> [Float] {
        var vector = [Float](repeating: 0, count: 128)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            sibyl_faces_embed(
                handle, pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.stride), Self.cBox(box),
                &vector)
        }
        guard status == 0 else { throw VisionError(.engine, "the face embedding network failed") }
        return vector
    }

    private static func cBox(_ box: PixelRect) -> sibyl_face_box {
        sibyl_face_box(left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height, score: 0)
    }
}
