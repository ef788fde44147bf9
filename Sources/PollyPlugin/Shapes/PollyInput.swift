import SibylCore

/// A request of a Polly operation: a member it sets that Sibyl does not read is refused, naming the member, rather
/// than dropped (the client would otherwise get a result computed without it).
protocol PollyInput: ExhaustiveInput {}

extension PollyInput {
    static var unreadMemberCode: String { "ValidationException" }
}

extension DescribeVoicesInput: PollyInput {}
extension GetSpeechSynthesisTaskInput: PollyInput {}
extension LexiconNameInput: PollyInput {}
extension ListLexiconsInput: PollyInput {}
extension ListSpeechSynthesisTasksInput: PollyInput {}
extension PutLexiconInput: PollyInput {}
extension StartSpeechSynthesisTaskInput: PollyInput {}
extension SynthesizeSpeechInput: PollyInput {}
