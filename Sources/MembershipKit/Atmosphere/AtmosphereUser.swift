/// A user as Atmosphere summarises one (`created_by`, a group's `users` and `leaders`).
public struct AtmosphereUser: Sendable, Equatable, Codable, Hashable {
    public var id: Int
    public var uuid: String?
    public var username: String

    public init(id: Int, uuid: String? = nil, username: String) {
        self.id = id
        self.uuid = uuid
        self.username = username
    }
}

/// A name given either as a string or as an object with a `name` (Atmosphere renders tags as objects and
/// a version's `membership` as group names; other versions of the API differ).
struct AtmosphereName: Decodable {
    var name: String?

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            name = text
        } else {
            name = try decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .name)
        }
    }

    enum Keys: String, CodingKey { case name }
}

extension KeyedDecodingContainer {
    /// The names listed under `key`, strings or named objects; absent or null is empty.
    func decodeNames(forKey key: Key) throws -> [String] {
        try (decodeIfPresent([AtmosphereName].self, forKey: key) ?? []).compactMap(\.name)
    }
}
