import Foundation
import SibylCore

/// An image in a request: bytes inline (base64 on the wire) or an object in the S3 stand-in.
struct ImageInput: Codable, Sendable {
    var Bytes: Data?
    var S3Object: S3ObjectInput?
}

/// An image in the S3 stand-in. No `Version`: the stand-in keeps one version of each object, so the unread-member
/// check refuses one.
struct S3ObjectInput: Codable, Sendable {
    var Bucket: String?
    var Name: String?
}

/// A box as ratios of the image's width and height from its top-left corner.
struct BoundingBox: Codable, Sendable, Equatable {
    var Width: Double?
    var Height: Double?
    var Left: Double?
    var Top: Double?
}

struct Point: Codable, Sendable, Equatable {
    var X: Double?
    var Y: Double?
}

struct Geometry: Codable, Sendable {
    var BoundingBox: BoundingBox
    var Polygon: [Point]
}

struct ImageQualityShape: Codable, Sendable {
    var Brightness: Double
    var Sharpness: Double
}

struct Pose: Codable, Sendable {
    var Roll: Double
    var Yaw: Double
    var Pitch: Double
}

struct Landmark: Codable, Sendable {
    var `Type`: String
    var X: Double
    var Y: Double
}

/// What DetectFaces, IndexFaces and CompareFaces say of a face: only what is measured (no age, emotions, …).
struct FaceDetail: Codable, Sendable {
    var BoundingBox: BoundingBox
    var Landmarks: [Landmark]
    var Pose: Pose
    var Quality: ImageQualityShape
    var Confidence: Double
}

struct DominantColorShape: Codable, Sendable {
    var Red: Int
    var Blue: Int
    var Green: Int
    var HexCode: String
    var CSSColor: String
    var SimplifiedColor: String
    var PixelPercent: Double
}
