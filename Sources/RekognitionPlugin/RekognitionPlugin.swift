import Foundation
import SibylCore
import Vision

/// Amazon Rekognition's image operations on the Vision engine: OCR through Tesseract, faces through dlib (detection,
/// landmarks, embeddings for collections and comparison), labels the detectors support, and measured image
/// properties. Operations with no engine here answer `UnsupportedOperationException` naming the operation.
public struct RekognitionPlugin: ServicePlugin {
    let readers: EnginePool<TesseractReader>
    let faces: FaceAnalyzer
    let faceModelDirectory: URL

    /// Creates the plugin with face models read from `faceModelDirectory`; engines load on first use, with up to
    /// `concurrency` Tesseract instances and copies of the face models.
    public init(faceModelDirectory: URL, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        readers = EnginePool(size: concurrency) { try TesseractReader() }
        faces = FaceAnalyzer(directory: faceModelDirectory, concurrency: concurrency)
        self.faceModelDirectory = faceModelDirectory
    }

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "rekognition", wireProtocol: .awsJson11(targetPrefix: "RekognitionService"),
            signingName: "rekognition", apiVersion: "2016-06-27", botocoreModel: "rekognition")
    }

    public var migrations: [StoreMigration] { FaceCollectionStore.migrations }

    public var operations: [ServiceOperation] {
        [
            ServiceOperation("DetectText") { (input: DetectTextRequest, context) in try await detectText(input, context: context) },
            ServiceOperation("DetectFaces") { (input: DetectFacesRequest, context) in
                try await detectFaces(input, context: context)
            },
            ServiceOperation("CompareFaces") { (input: CompareFacesRequest, context) in
                try await compareFaces(input, context: context)
            },
            ServiceOperation("DetectLabels") { (input: DetectLabelsRequest, context) in
                try await detectLabels(input, context: context)
            },
            ServiceOperation("CreateCollection") { (input: CollectionRequest, context) in
                try createCollection(input, context: context)
            },
            ServiceOperation("DescribeCollection") { (input: CollectionRequest, context) in
                try describeCollection(input, context: context)
            },
            ServiceOperation("ListCollections") { (input: ListCollectionsRequest, context) in
                try listCollections(input, context: context)
            },
            ServiceOperation("DeleteCollection") { (input: CollectionRequest, context) in
                try deleteCollection(input, context: context)
            },
            ServiceOperation("IndexFaces") { (input: IndexFacesRequest, context) in try await indexFaces(input, context: context) },
            ServiceOperation("ListFaces") { (input: ListFacesRequest, context) in try listFaces(input, context: context) },
            ServiceOperation("DeleteFaces") { (input: DeleteFacesRequest, context) in try deleteFaces(input, context: context) },
            ServiceOperation("SearchFaces") { (input: SearchFacesRequest, context) in try searchFaces(input, context: context) },
            ServiceOperation("SearchFacesByImage") { (input: SearchFacesByImageRequest, context) in
                try await searchFacesByImage(input, context: context)
            },
            ServiceOperation("TagResource") { (input: TagResourceRequest, context) in try tagResource(input, context: context) },
            ServiceOperation("UntagResource") { (input: UntagResourceRequest, context) in
                try untagResource(input, context: context)
            },
            ServiceOperation("ListTagsForResource") { (input: ResourceArnRequest, context) in
                try listTags(input, context: context)
            },
        ] + Self.unsupported.map { ServiceOperation.refused($0, reason: $1) }
    }

    /// Rekognition operations with no engine behind them here, and why.
    static let unsupported: [(String, String)] =
        [
            ("DetectModerationLabels", "there is no content-moderation model"),
            ("RecognizeCelebrities", "there is no celebrity recognition model"),
            ("GetCelebrityInfo", "there is no celebrity recognition model"),
            ("DetectProtectiveEquipment", "there is no protective-equipment detector"),
            ("DetectCustomLabels", "custom label models cannot be trained here"),
            ("CreateFaceLivenessSession", "there is no face liveness model"),
            ("GetFaceLivenessSessionResults", "there is no face liveness model"),
        ]
        + [
            "StartCelebrityRecognition", "GetCelebrityRecognition", "StartContentModeration", "GetContentModeration",
            "StartFaceDetection", "GetFaceDetection", "StartFaceSearch", "GetFaceSearch", "StartLabelDetection",
            "GetLabelDetection", "StartPersonTracking", "GetPersonTracking", "StartSegmentDetection",
            "GetSegmentDetection", "StartTextDetection", "GetTextDetection", "CreateStreamProcessor",
            "DescribeStreamProcessor", "DeleteStreamProcessor", "ListStreamProcessors", "StartStreamProcessor",
            "StopStreamProcessor", "UpdateStreamProcessor", "StartMediaAnalysisJob", "GetMediaAnalysisJob",
            "ListMediaAnalysisJobs",
        ].map { ($0, "video and media-analysis operations are not implemented") }
        + [
            "CreateProject", "DescribeProjects", "DeleteProject", "CreateProjectVersion", "DescribeProjectVersions",
            "DeleteProjectVersion", "StartProjectVersion", "StopProjectVersion", "CopyProjectVersion", "CreateDataset",
            "DescribeDataset", "DeleteDataset", "ListDatasetEntries", "ListDatasetLabels", "UpdateDatasetEntries",
            "DistributeDatasetEntries", "PutProjectPolicy", "ListProjectPolicies", "DeleteProjectPolicy",
        ].map { ($0, "Custom Labels projects cannot be trained here") }
        + [
            "CreateUser", "DeleteUser", "ListUsers", "AssociateFaces", "DisassociateFaces", "SearchUsers",
            "SearchUsersByImage",
        ].map { ($0, "face collections here hold faces, not users") }

    public func readiness() async -> EngineReadiness {
        let installed = [FaceModels.landmarkFile, FaceModels.embeddingFile].allSatisfy {
            FileManager.default.fileExists(atPath: faceModelDirectory.appendingPathComponent($0).path)
        }
        guard installed else {
            return EngineReadiness(
                ready: false,
                detail: "OCR: Tesseract; faces: dlib models missing from \(faceModelDirectory.path) (run Scripts/setup)")
        }
        return .ready("OCR: Tesseract (eng, pooled); faces: dlib HOG detector, 5-point landmarks, ResNet embeddings")
    }
}
