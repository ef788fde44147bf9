import SibylCore

/// A request of a Rekognition operation: a member it sets that Sibyl does not read is refused, naming the member,
/// rather than dropped (the client would otherwise get a result computed without it).
protocol RekognitionInput: ExhaustiveInput {}

extension RekognitionInput {
    static var unreadMemberCode: String { "InvalidParameterException" }
}

extension CollectionRequest: RekognitionInput {}
extension CompareFacesRequest: RekognitionInput {}
extension DeleteFacesRequest: RekognitionInput {}
extension DetectFacesRequest: RekognitionInput {}
extension DetectLabelsRequest: RekognitionInput {}
extension DetectTextRequest: RekognitionInput {}
extension IndexFacesRequest: RekognitionInput {}
extension ListCollectionsRequest: RekognitionInput {}
extension ListFacesRequest: RekognitionInput {}
extension ResourceArnRequest: RekognitionInput {}
extension SearchFacesByImageRequest: RekognitionInput {}
extension SearchFacesRequest: RekognitionInput {}
extension TagResourceRequest: RekognitionInput {}
extension UntagResourceRequest: RekognitionInput {}
