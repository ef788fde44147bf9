import Foundation

/// An input shape that refuses any member of the request it does not read, instead of dropping it.
///
/// `JSONDecoder` skips keys a struct does not declare, so a member that AWS models but this gateway does not
/// implement (an encryption key, a time-series selector) would be ignored without a word and the client would get a
/// result computed without it. For an input of this kind the gateway encodes the decoded value again and answers, for
/// the first member the request sets (not null) that the round trip lost, the service's ``unreadMemberCode`` with a
/// message that starts with the member's path and says it is not supported here.
/// A member the struct declares is kept by the round trip, so one the plugin implements only in part is declared and
/// refused by the plugin itself where it needs a finer message (a flag that is fine when false).
public protocol ExhaustiveInput: Encodable {
    /// The error code the service answers for an invalid member (`InvalidInputException`, `BadRequestException`).
    static var unreadMemberCode: String { get }
}

extension ExhaustiveInput {
    /// The error for a member the request sets and this gateway does not read, named by its path
    /// (`EncryptionConfig`, `DataConfig.AdditionalDatasets[0].Configuration`).
    static func unreadMember(_ path: String) -> ServiceError {
        ServiceError(
            code: unreadMemberCode,
            message: "\(path) is not supported here: Sibyl does not implement this member, and refuses it rather than "
                + "compute a result without it. Leave it out.")
    }

    /// Throws ``unreadMember(_:)`` for the first member set in `body` (the request's JSON) that this decoded value does
    /// not carry.
    func checkEveryMemberRead(from body: Data) throws {
        guard let sent = try? JSONSerialization.jsonObject(with: body),
            let kept = try? JSONSerialization.jsonObject(with: ShapeCoding.encode(self))
        else { return }
        if let path = Self.firstUnread(sent, kept: kept, path: "") {
            throw Self.unreadMember(path)
        }
    }

    /// The path of the first member set in `sent` and missing from `kept`, walking objects key by key (in sorted
    /// order, so the answer is stable) and lists element by element.
    static func firstUnread(_ sent: Any, kept: Any, path: String) -> String? {
        switch (sent, kept) {
        case (let sent as [String: Any], let kept as [String: Any]):
            for key in sent.keys.sorted() where !(sent[key] is NSNull) {
                let memberPath = path.isEmpty ? key : "\(path).\(key)"
                guard let value = kept[key] else { return memberPath }
                if let found = firstUnread(sent[key]!, kept: value, path: memberPath) { return found }
            }
        case (let sent as [Any], let kept as [Any]):
            for (index, (element, keptElement)) in zip(sent, kept).enumerated() {
                if let found = firstUnread(element, kept: keptElement, path: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }
}
