import SibylCore

/// A request of a Translate operation: a member it sets that Sibyl does not read is refused, naming the member, rather
/// than dropped (the client would otherwise get a result computed without it).
protocol TranslateInput: ExhaustiveInput {}

extension TranslateInput {
    static var unreadMemberCode: String { "InvalidRequestException" }
}

extension ImportTerminologyRequest: TranslateInput {}
extension JobIdRequest: TranslateInput {}
extension ListLanguagesRequest: TranslateInput {}
extension ListTerminologiesRequest: TranslateInput {}
extension ListTextTranslationJobsRequest: TranslateInput {}
extension StartTextTranslationJobRequest: TranslateInput {}
extension TerminologyNameRequest: TranslateInput {}
extension TranslateDocumentRequest: TranslateInput {}
extension TranslateTextRequest: TranslateInput {}
