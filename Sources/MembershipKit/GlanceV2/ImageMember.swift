/// The three states of a Glance image membership.
public enum MemberStatus: String, Sendable, Codable, CaseIterable, Equatable {
    case pending, accepted, rejected
}

/// One row of `/v2/images/{id}/members`, with the API's field names.
public struct ImageMember: Sendable, Equatable, Codable, Hashable {
    public var imageID: String
    public var memberID: String
    /// The status as the server sent it (normally one of `MemberStatus`).
    public var status: String
    public var createdAt: String?
    public var updatedAt: String?

    public init(imageID: String, memberID: String, status: String, createdAt: String? = nil, updatedAt: String? = nil) {
        self.imageID = imageID
        self.memberID = memberID
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var memberStatus: MemberStatus? { MemberStatus(rawValue: status) }

    enum CodingKeys: String, CodingKey {
        case imageID = "image_id"
        case memberID = "member_id"
        case status
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        imageID = try container.decode(String.self, forKey: .imageID)
        // Glance accepts `{"member": 123}` and then answers with a numeric member_id.
        memberID = try container.decodeLossyString(forKey: .memberID)
        status = try container.decode(String.self, forKey: .status)
        createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(String.self, forKey: .updatedAt)
    }
}

extension KeyedDecodingContainer {
    /// A string that some servers send as a number.
    func decodeLossyString(forKey key: Key) throws -> String {
        if let text = try? decode(String.self, forKey: key) { return text }
        if let number = try? decode(Int64.self, forKey: key) { return String(number) }
        if let number = try? decode(Double.self, forKey: key) { return String(number) }
        return try decode(String.self, forKey: key)
    }
}
