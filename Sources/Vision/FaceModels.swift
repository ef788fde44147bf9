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

    /// A face the models found: its box, the detector's margin (0 at its threshold), the five landmark points, and
    /// the embedding when asked for.
    struct Finding {
        var box: PixelRect
        var score: Double
        var points: [(x: Double, y: Double)]
        var embedding: [Float]?
    }

    /// Frontal faces with their landmarks (and embeddings), best first, in one pass over the picture.
    func analyze(_ image: RGBImage, upsample: Int, threshold: Double, embeddings: Bool, capacity: Int = 100)
        throws(VisionError) -> [Finding]
    {
        var found = [sibyl_face](repeating: sibyl_face(), count: capacity)
        var vectors = [Float](repeating: 0, count: embeddings ? 128 * capacity : 0)
        let written = image.pixels.withUnsafeBufferPointer { pixels in
            vectors.withUnsafeMutableBufferPointer { vectors in
                sibyl_faces_analyze(
                    handle, pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.stride),
                    Int32(upsample), threshold, &found, embeddings ? vectors.baseAddress : nil, Int32(capacity))
            }
        }
        guard written >= 0 else { throw VisionError(.engine, "the face models failed on this picture") }
        return found.prefix(Int(written)).enumerated().map { index, face in
            let box = face.box
            let points = withUnsafeBytes(of: face.points) { Array($0.bindMemory(to: Double.self)) }
            return Finding(
                box: PixelRect(x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top),
                score: box.score, points: (0..<5).map { (points[2 * $0], points[2 * $0 + 1]) },
                embedding: embeddings ? Array(vectors[(128 * index)..<(128 * index + 128)]) : nil)
        }
    }
}
