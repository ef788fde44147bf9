import SibylCore

/// A request of a Comprehend operation: a member it sets that Sibyl does not read is refused, naming the member, rather
/// than dropped (the client would otherwise get a result computed without it).
protocol ComprehendInput: ExhaustiveInput {}

extension ComprehendInput {
    static var unreadMemberCode: String { "InvalidRequestException" }
}

extension BatchDetectDominantLanguageRequest: ComprehendInput {}
extension BatchDocumentRequest: ComprehendInput {}
extension DetectDominantLanguageRequest: ComprehendInput {}
extension DetectEntitiesRequest: ComprehendInput {}
extension DocumentRequest: ComprehendInput {}
extension PiiRequest: ComprehendInput {}
