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
    /// not carry, its path starting with `path` when the value is a member of the request (one sent in a header).
    public func checkEveryMemberRead(from body: Data, under path: String = "") throws {
        // A body the decoder accepted is JSON, and a decoded input encodes: should either fail all the same, the
        // request has already passed its decoding, and the check gives way rather than refuse what it cannot read.
        let decoder = JSONDecoder()
        guard let sent = try? decoder.decode(MemberTree.self, from: body),
            let kept = try? decoder.decode(MemberTree.self, from: MemberTree.encoder.encode(self))
        else { return }
        if let found = sent.firstMember(missingFrom: kept, path: path) {
            throw Self.unreadMember(found)
        }
    }
}

/// The members a JSON document sets, without their values: objects by key (null members left out, as absent), lists
/// by element, anything else a leaf. Decoding it never builds the document's strings, so a request carrying a
/// base64 image costs a scan, not a copy.
enum MemberTree: Decodable {
    case leaf
    case object([String: MemberTree])
    case list([MemberTree])

    /// Encodes which members a value carries, made once: blobs as empty strings, since only their presence counts
    /// here (an image or an audio clip of several megabytes would otherwise be encoded to base64 and read again).
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dataEncodingStrategy = .custom { _, encoder in
            var container = encoder.singleValueContainer()
            try container.encode("")
        }
        return encoder
    }()

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: Key.self) {
            var members: [String: MemberTree] = [:]
            for key in container.allKeys where (try? container.decodeNil(forKey: key)) != true {
                members[key.stringValue] = try container.decode(MemberTree.self, forKey: key)
            }
            self = .object(members)
        } else if var container = try? decoder.unkeyedContainer() {
            var elements: [MemberTree] = []
            while !container.isAtEnd { elements.append(try container.decode(MemberTree.self)) }
            self = .list(elements)
        } else {
            self = .leaf
        }
    }

    /// The path of the first member set here and missing from `kept`, walking objects key by key (in sorted order,
    /// so the answer is stable) and lists element by element.
    func firstMember(missingFrom kept: MemberTree, path: String) -> String? {
        switch (self, kept) {
        case (.object(let members), .object(let keptMembers)):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                let memberPath = path.isEmpty ? key : "\(path).\(key)"
                guard let keptMember = keptMembers[key] else { return memberPath }
                if let found = member.firstMember(missingFrom: keptMember, path: memberPath) { return found }
            }
        case (.list(let elements), .list(let keptElements)):
            for (index, (element, keptElement)) in zip(elements, keptElements).enumerated() {
                if let found = element.firstMember(missingFrom: keptElement, path: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }
}
