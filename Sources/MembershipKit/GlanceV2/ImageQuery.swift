/// Filters and sorting for `GET /v2/images`. Values are passed to the server as given, so that it
/// reports a wrong one (`Invalid visibility value: x`) in its own words.
public struct ImageQuery: Sendable, Equatable {
    public var visibility: String?
    public var memberStatus: String?
    public var owner: String?
    public var name: String?
    /// `name:asc,created_at:desc`, as Glance's `sort` parameter.
    public var sort: String?
    /// Images per request (Glance caps at 1000).
    public var pageSize: Int
    /// Stop after this many images in all; nil follows every page.
    public var limit: Int?

    public init(visibility: String? = nil, memberStatus: String? = nil, owner: String? = nil, name: String? = nil,
                sort: String? = nil, pageSize: Int = 200, limit: Int? = nil) {
        self.visibility = visibility
        self.memberStatus = memberStatus
        self.owner = owner
        self.name = name
        self.sort = sort
        self.pageSize = pageSize
        self.limit = limit
    }

    /// The query string of the first page, in a stable order.
    public func queryString() -> String {
        var items: [(String, String)] = []
        if let visibility { items.append(("visibility", visibility)) }
        if let memberStatus { items.append(("member_status", memberStatus)) }
        if let owner { items.append(("owner", owner)) }
        if let name { items.append(("name", name)) }
        if let sort { items.append(("sort", sort)) }
        let size = limit.map { min(pageSize, max($0, 1)) } ?? pageSize
        items.append(("limit", String(size)))
        return items.map { "\($0.0)=\(QueryEncoding.escape($0.1))" }.joined(separator: "&")
    }
}

/// Percent-encoding for query values and path segments (RFC 3986 unreserved characters stay).
public enum QueryEncoding {
    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    static let queryExtras = Set(":,".utf8)

    public static func escape(_ value: String) -> String { encode(value, keep: unreserved.union(queryExtras)) }

    /// One path segment, percent-encoded. An empty segment, `.` or `..` is refused: a proxy or server
    /// that normalises paths would turn `DELETE …/members/..` into a request on the image itself, and
    /// `%2E%2E` is no cure (RFC 3986 lets normalisers decode it). No image, member, version or group
    /// id of these systems can be a dot segment, so refusing loses nothing.
    public static func pathSegment(_ value: String, what: String = "id") throws -> String {
        guard !value.isEmpty, value != ".", value != ".." else {
            throw MembershipError.invalidInput(value.isEmpty ? "an empty \(what) cannot be used" : "'\(value)' cannot be used as \(what) (it would name another path)")
        }
        return pathSegmentText(value)
    }

    /// The percent-encoded text of a segment, without the dot-segment check (for redaction forms).
    static func pathSegmentText(_ value: String) -> String { encode(value, keep: unreserved) }

    static func encode(_ value: String, keep: Set<UInt8>) -> String {
        var out = ""
        for byte in value.utf8 {
            if keep.contains(byte) { out.append(Character(Unicode.Scalar(byte))) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }
}
