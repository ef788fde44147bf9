import Foundation

/// A point in pixels of a picture.
public struct PixelPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Head orientation in degrees, estimated from the landmarks' geometry (no 3-D model): `roll` is the tilt of the
/// eye line, `yaw` the nose's sideways shift between the eyes, `pitch` its shift along the face's vertical axis.
public struct FacePose: Sendable, Equatable {
    public var roll: Double
    public var yaw: Double
    public var pitch: Double
}

/// The five points a face is described by: eyes measured by the landmark model, the nose at its base, and the
/// mouth corners placed on the lip line (see ``FaceLandmarks/init(points:luma:width:height:)``).
public struct FaceLandmarks: Sendable, Equatable {
    public var eyeLeft: PixelPoint
    public var eyeRight: PixelPoint
    public var nose: PixelPoint
    public var mouthLeft: PixelPoint
    public var mouthRight: PixelPoint
}

/// A face found in a picture.
public struct DetectedFace: Sendable {
    /// The face's box in pixels of the picture.
    public var box: PixelRect
    /// How sure the detector is, 0–100 (a monotonic map of its margin: 88 at its threshold, 99 a clear face).
    public var confidence: Double
    public var landmarks: FaceLandmarks
    public var pose: FacePose
    /// Brightness and sharpness of the face crop.
    public var quality: ImageQuality
    /// The face's 128-dimensional embedding, when asked for.
    public var embedding: [Float]?
}

/// Finds faces and measures them: dlib's HOG detector, 5-point landmarks and ResNet embeddings.
public struct FaceAnalyzer: Sendable {
    private let pool: EnginePool<FaceModels>
    /// Pictures are searched at most this large (longer side), and small ones are enlarged once to find small faces.
    public static let searchSide = 1600

    /// An analyzer loading its models from `directory` on first use, with up to `concurrency` copies.
    public init(directory: URL, concurrency: Int) {
        pool = EnginePool(size: concurrency) { try FaceModels(directory: directory) }
    }

    /// The faces in a picture, largest first, with their embeddings when `embeddings` is set.
    public func faces(in image: RGBImage, embeddings: Bool) async throws -> [DetectedFace] {
        try await pool.withEngine { models in
            let (searched, scale) = image.fitting(maxSide: Self.searchSide)
            // Small pictures are searched enlarged (the detector's window is 80 pixels), where it is less sure of
            // itself: a higher bar there keeps texture from passing for a face.
            let upsample = max(searched.width, searched.height) < 1200 ? 1 : 0
            let luma = searched.luminance()
            var faces: [DetectedFace] = []
            let findings = try models.analyze(
                searched, upsample: upsample, threshold: upsample == 1 ? 0.4 : 0, embeddings: embeddings)
            for finding in findings {
                let points = finding.points.map { PixelPoint(x: $0.x, y: $0.y) }
                let landmarks = FaceLandmarks(points: points, luma: luma, width: searched.width, height: searched.height)
                faces.append(
                    DetectedFace(
                        box: finding.box.scaled(by: 1 / scale),
                        confidence: 100 / (1 + Foundation.exp(-(3 * finding.score + 2))),
                        landmarks: landmarks.scaled(by: 1 / scale), pose: FacePose(landmarks: landmarks),
                        quality: ImageQuality(measuring: searched.cropped(to: finding.box)), embedding: finding.embedding))
            }
            return faces.sorted { $0.box.width * $0.box.height > $1.box.width * $1.box.height }
        }
    }
}

extension PixelRect {
    func scaled(by factor: Double) -> PixelRect {
        PixelRect(x: x * factor, y: y * factor, width: width * factor, height: height * factor)
    }
}

extension FaceLandmarks {
    /// Builds the five points from dlib's 5-point shape (two corners of each eye, then the base of the nose).
    /// The model has no mouth points: the mouth corners are placed on the darkest row (the lips' parting line) of
    /// the band where a face's proportions put the mouth, half an eye-distance apart around the face's midline.
    init(points: [PixelPoint], luma: [Float], width: Int, height: Int) {
        let first = PixelPoint(x: (points[0].x + points[1].x) / 2, y: (points[0].y + points[1].y) / 2)
        let second = PixelPoint(x: (points[2].x + points[3].x) / 2, y: (points[2].y + points[3].y) / 2)
        eyeLeft = first.x <= second.x ? first : second
        eyeRight = first.x <= second.x ? second : first
        nose = points[4]
        let across = (x: eyeRight.x - eyeLeft.x, y: eyeRight.y - eyeLeft.y)
        let distance = max(1, (across.x * across.x + across.y * across.y).squareRoot())
        let unit = (x: across.x / distance, y: across.y / distance)
        let down = (x: -unit.y, y: unit.x)
        // The lips part about 0.45 eye-distances below the nose base; search 0.25–0.7 for the darkest row.
        var bestOffset = 0.45
        var darkest = Double.infinity
        for step in 0...18 {
            let offset = 0.25 + Double(step) * 0.025
            var sum = 0.0
            var samples = 0
            for across in stride(from: -0.3, through: 0.3, by: 0.05) {
                let x = Int((nose.x + down.x * offset * distance + unit.x * across * distance).rounded())
                let y = Int((nose.y + down.y * offset * distance + unit.y * across * distance).rounded())
                guard x >= 0, y >= 0, x < width, y < height else { continue }
                sum += Double(luma[y * width + x])
                samples += 1
            }
            if samples > 0, sum / Double(samples) < darkest {
                darkest = sum / Double(samples)
                bestOffset = offset
            }
        }
        let mouth = PixelPoint(
            x: nose.x + down.x * bestOffset * distance, y: nose.y + down.y * bestOffset * distance)
        mouthLeft = PixelPoint(x: mouth.x - unit.x * 0.5 * distance, y: mouth.y - unit.y * 0.5 * distance)
        mouthRight = PixelPoint(x: mouth.x + unit.x * 0.5 * distance, y: mouth.y + unit.y * 0.5 * distance)
    }

    func scaled(by factor: Double) -> FaceLandmarks {
        func scale(_ point: PixelPoint) -> PixelPoint { PixelPoint(x: point.x * factor, y: point.y * factor) }
        return FaceLandmarks(
            eyeLeft: scale(eyeLeft), eyeRight: scale(eyeRight), nose: scale(nose), mouthLeft: scale(mouthLeft),
            mouthRight: scale(mouthRight))
    }
}

extension FacePose {
    /// The nose base of a frontal face lies this many eye-distances below the eye line: 0.74 measured with the
    /// 5-point model on the one frontal portrait available here (scikit-image's astronaut, who looks slightly down),
    /// rounded towards the 0.6–0.7 of typical adult proportions. A calibration on more faces would improve pitch.
    static let frontalNoseDrop = 0.7

    /// Estimates the pose from the eyes and the nose.
    init(landmarks: FaceLandmarks) {
        let across = (x: landmarks.eyeRight.x - landmarks.eyeLeft.x, y: landmarks.eyeRight.y - landmarks.eyeLeft.y)
        let distance = max(1, (across.x * across.x + across.y * across.y).squareRoot())
        let unit = (x: across.x / distance, y: across.y / distance)
        let middle = (x: (landmarks.eyeLeft.x + landmarks.eyeRight.x) / 2, y: (landmarks.eyeLeft.y + landmarks.eyeRight.y) / 2)
        let toNose = (x: landmarks.nose.x - middle.x, y: landmarks.nose.y - middle.y)
        let sideways = (toNose.x * unit.x + toNose.y * unit.y) / distance
        let downwards = (toNose.x * -unit.y + toNose.y * unit.x) / distance
        func degrees(_ ratio: Double) -> Double { asin(min(1, max(-1, ratio))) * 180 / .pi }
        roll = atan2(across.y, across.x) * 180 / .pi
        yaw = degrees(sideways / 0.5)
        pitch = degrees((Self.frontalNoseDrop - downwards) / 0.6)
    }
}
