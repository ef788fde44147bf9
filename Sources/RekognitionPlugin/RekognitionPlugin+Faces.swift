import SibylCore
import Vision

extension RekognitionPlugin {
    /// DetectFaces: every face the detector finds (largest 100), with what is measured of each.
    func detectFaces(_ input: DetectFacesRequest, context: OperationContext) async throws -> DetectFacesResponse {
        let image = try picture(input.Image, context: context)
        let faces = try await findFaces(in: image, embeddings: false)
        let geometry = RatioGeometry(image)
        return DetectFacesResponse(FaceDetails: faces.prefix(RekognitionLimits.maxFaces).map { Self.detail($0, geometry) })
    }

    /// CompareFaces: the source image's largest face against every face of the target image.
    func compareFaces(_ input: CompareFacesRequest, context: OperationContext) async throws -> CompareFacesResponse {
        let source = try picture(input.SourceImage, member: "SourceImage", context: context)
        let target = try picture(input.TargetImage, member: "TargetImage", context: context)
        let filter = FaceQualityFilter(input.QualityFilter ?? "NONE")
        guard let sourceFace = try await findFaces(in: source, embeddings: true).first(where: { filter.reasons($0).isEmpty })
        else {
            throw Self.invalidParameter("There are no faces in the source image that pass the quality filter.")
        }
        let threshold = input.SimilarityThreshold ?? 80
        let targetGeometry = RatioGeometry(target)
        var matches: [CompareFacesMatch] = []
        var unmatched: [ComparedFace] = []
        for face in try await findFaces(in: target, embeddings: true).prefix(RekognitionLimits.maxFaces)
        where filter.reasons(face).isEmpty {
            let compared = Self.compared(face, targetGeometry)
            let similarity = FaceSimilarity.similarity(sourceFace.embedding!, face.embedding!)
            if similarity >= threshold {
                matches.append(CompareFacesMatch(Similarity: similarity, Face: compared))
            } else {
                unmatched.append(compared)
            }
        }
        let sourceGeometry = RatioGeometry(source)
        return CompareFacesResponse(
            SourceImageFace: ComparedSourceImageFace(
                BoundingBox: sourceGeometry.box(sourceFace.box), Confidence: sourceFace.confidence),
            FaceMatches: matches.sorted { $0.Similarity > $1.Similarity }, UnmatchedFaces: unmatched)
    }

    /// The faces of a picture from the pooled dlib models.
    func findFaces(in image: RGBImage, embeddings: Bool) async throws -> [DetectedFace] {
        do {
            return try await faces.faces(in: image, embeddings: embeddings)
        } catch {
            throw ServiceError.engineUnavailable("Face analysis is unavailable: \(error)")
        }
    }

    static func detail(_ face: DetectedFace, _ geometry: RatioGeometry) -> FaceDetail {
        FaceDetail(
            BoundingBox: geometry.box(face.box), Landmarks: landmarks(face, geometry), Pose: pose(face),
            Quality: ImageQualityShape(Brightness: face.quality.brightness, Sharpness: face.quality.sharpness),
            Confidence: face.confidence)
    }

    static func compared(_ face: DetectedFace, _ geometry: RatioGeometry) -> ComparedFace {
        ComparedFace(
            BoundingBox: geometry.box(face.box), Confidence: face.confidence, Landmarks: landmarks(face, geometry),
            Pose: pose(face), Quality: ImageQualityShape(Brightness: face.quality.brightness, Sharpness: face.quality.sharpness))
    }

    static func landmarks(_ face: DetectedFace, _ geometry: RatioGeometry) -> [Landmark] {
        let points = face.landmarks
        return [
            ("eyeLeft", points.eyeLeft), ("eyeRight", points.eyeRight), ("mouthLeft", points.mouthLeft),
            ("mouthRight", points.mouthRight), ("nose", points.nose),
        ].map { name, point in
            let ratio = geometry.point(x: point.x, y: point.y)
            return Landmark(Type: name, X: ratio.X ?? 0, Y: ratio.Y ?? 0)
        }
    }

    static func pose(_ face: DetectedFace) -> Pose {
        Pose(Roll: face.pose.roll, Yaw: face.pose.yaw, Pitch: face.pose.pitch)
    }
}

/// IndexFaces' and the searches' QualityFilter: which measured shortcomings keep a face out.
///
/// NONE keeps every face; LOW, MEDIUM and HIGH (AUTO is MEDIUM) raise the bars on detector confidence (80, 90, 95),
/// the face box's shorter side in pixels (20, 32, 60), brightness, sharpness (5, 15, 30) and pose (75°, 55°, 35° of
/// yaw or pitch). The reasons are AWS's names for them.
struct FaceQualityFilter {
    let minConfidence: Double
    let minSide: Double
    let brightness: ClosedRange<Double>
    let minSharpness: Double
    let maxAngle: Double

    init(_ level: String) {
        switch level {
        case "NONE": (minConfidence, minSide, brightness, minSharpness, maxAngle) = (0, 0, 0...100, 0, 180)
        case "LOW": (minConfidence, minSide, brightness, minSharpness, maxAngle) = (80, 20, 5...98, 5, 75)
        case "HIGH": (minConfidence, minSide, brightness, minSharpness, maxAngle) = (95, 60, 20...92, 30, 35)
        default: (minConfidence, minSide, brightness, minSharpness, maxAngle) = (90, 32, 10...95, 15, 55)
        }
    }

    func reasons(_ face: DetectedFace) -> [String] {
        var reasons: [String] = []
        if face.confidence < minConfidence { reasons.append("LOW_CONFIDENCE") }
        if min(face.box.width, face.box.height) < minSide { reasons.append("SMALL_BOUNDING_BOX") }
        if face.quality.brightness < brightness.lowerBound { reasons.append("LOW_BRIGHTNESS") }
        if face.quality.sharpness < minSharpness { reasons.append("LOW_SHARPNESS") }
        if abs(face.pose.yaw) > maxAngle || abs(face.pose.pitch) > maxAngle {
            reasons.append("EXTREME_POSE")
        }
        if face.quality.brightness > brightness.upperBound {  // AWS has no "too bright" reason: washed out is low quality
            reasons.append("LOW_FACE_QUALITY")
        }
        return reasons
    }
}
