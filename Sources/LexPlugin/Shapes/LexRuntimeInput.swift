import SibylCore

/// A request of the Lex V2 runtime API: a member it sets that Sibyl does not read (a multi-value slot's `values`, a
/// composite slot's `subSlots`, a dialog action's `slotElicitationStyle`, a message's response card) is refused with
/// `ValidationException`, naming the member, rather than dropped from a conversation that would go on without it.
protocol LexRuntimeInput: ExhaustiveInput {}

extension LexRuntimeInput {
    static var unreadMemberCode: String { "ValidationException" }
}

extension SessionPathRequest: LexRuntimeInput {}
extension RecognizeTextRequest: LexRuntimeInput {}
extension PutSessionRequest: LexRuntimeInput {}
extension RecognizeUtteranceRequest: LexRuntimeInput {}
/// RecognizeUtterance's session state arrives in a header, checked on its own.
extension SessionStateShape: LexRuntimeInput {}
