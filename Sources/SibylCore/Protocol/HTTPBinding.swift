/// How a rest-json operation maps onto HTTP: method, path template, and members bound to query, headers or body.
public struct HTTPBinding: Sendable {
    /// The JSON type a string from a path, query or header is converted to before decoding.
    public enum MemberType: Sendable {
        case string, integer, double, boolean, stringList
    }

    /// One input member bound to a query parameter or header.
    public struct Member: Sendable {
        /// The query parameter or header name on the wire.
        public var location: String
        /// The member name in the input shape.
        public var member: String
        /// The JSON type the wire text becomes.
        public var type: MemberType

        /// Creates a binding of `location` on the wire to `member` of the input shape.
        public init(_ location: String, member: String, type: MemberType = .string) {
            self.location = location
            self.member = member
            self.type = type
        }
    }

    /// The HTTP method, upper case.
    public var method: String
    /// The path template, e.g. `/v1/lexicons/{LexiconName}`.
    public var path: PathTemplate
    /// Members bound to query parameters.
    public var query: [Member]
    /// Members bound to request headers.
    public var headers: [Member]
    /// The member that receives the raw request body as a blob, when the body is not JSON.
    public var payloadMember: String?
    /// The status of a successful reply (botocore's `http.responseCode`).
    public var successStatus: Int

    /// Creates a binding; `path` is parsed as a template.
    public init(
        _ method: String,
        _ path: String,
        query: [Member] = [],
        headers: [Member] = [],
        payloadMember: String? = nil,
        successStatus: Int = 200
    ) {
        self.method = method.uppercased()
        self.path = PathTemplate(path)
        self.query = query
        self.headers = headers
        self.payloadMember = payloadMember
        self.successStatus = successStatus
    }
}

/// A rest-json path template such as `/bots/{botId}/botAliases/{botAliasId}` or `/files/{Key+}`.
public struct PathTemplate: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case label(String)
        case greedyLabel(String)
    }

    let segments: [Segment]
    public let description: String

    /// Parses a template; `{Name}` is one segment, `{Name+}` the rest of the path. A trailing slash is part of the
    /// path (Lex V2's `/bots/{botId}/` is sent with it), matched as an empty last segment.
    public init(_ template: String) {
        description = template
        var segments: [Segment] = template.split(separator: "/", omittingEmptySubsequences: true).map { part in
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return .literal(String(part)) }
            let name = part.dropFirst().dropLast()
            return name.hasSuffix("+") ? .greedyLabel(String(name.dropLast())) : .label(String(name))
        }
        if template.count > 1, template.hasSuffix("/") { segments.append(.literal("")) }
        self.segments = segments
    }

    /// The number of literal segments; more literals make a more specific route.
    public var literalCount: Int {
        segments.count { if case .literal = $0 { true } else { false } }
    }

    /// Matches percent-decoded path segments, answering the label values or `nil` when the path does not fit.
    public func match(_ pathSegments: [String]) -> [String: String]? {
        var labels: [String: String] = [:]
        var index = 0
        for segment in segments {
            switch segment {
            case .literal(let text):
                guard index < pathSegments.count, pathSegments[index] == text else { return nil }
                index += 1
            case .label(let name):
                guard index < pathSegments.count, !pathSegments[index].isEmpty else { return nil }
                labels[name] = pathSegments[index]
                index += 1
            case .greedyLabel(let name):
                guard index < pathSegments.count else { return nil }
                labels[name] = pathSegments[index...].joined(separator: "/")
                index = pathSegments.count
            }
        }
        return index == pathSegments.count ? labels : nil
    }
}
