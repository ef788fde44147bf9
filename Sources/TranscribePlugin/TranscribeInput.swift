import SibylCore

/// A request of a Transcribe operation: a member it sets that Sibyl does not read is refused, naming the member, rather
/// than dropped (the client would otherwise get a result computed without it).
protocol TranscribeInput: ExhaustiveInput {}

extension TranscribeInput {
    static var unreadMemberCode: String { "BadRequestException" }
}

extension ListTranscriptionJobsRequest: TranscribeInput {}
extension ListVocabulariesRequest: TranscribeInput {}
extension ListVocabularyFiltersRequest: TranscribeInput {}
extension RecognizeSpeechRequest: TranscribeInput {}
extension StartTranscriptionJobRequest: TranscribeInput {}
extension TranscriptionJobNameRequest: TranscribeInput {}
extension VocabularyFilterNameRequest: TranscribeInput {}
extension VocabularyFilterRequest: TranscribeInput {}
extension VocabularyNameRequest: TranscribeInput {}
extension VocabularyRequest: TranscribeInput {}
