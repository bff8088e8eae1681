/// One row of `/api/v2/image_version_memberships`: a version shared with a group.
/// `{id, url, image_version: {id, url, name}, group: {id, uuid, url, name}}`.
public struct AtmosphereMembership: Sendable, Equatable, Codable, Hashable {
    public var id: Int
    /// Only `id` (a UUID) and `name` are sent.
    public var imageVersion: AtmosphereVersion
    /// Only `id`, `uuid` and `name` are sent.
    public var group: AtmosphereGroup

    public init(id: Int, imageVersion: AtmosphereVersion, group: AtmosphereGroup) {
        self.id = id
        self.imageVersion = imageVersion
        self.group = group
    }

    enum CodingKeys: String, CodingKey {
        case id, group
        case imageVersion = "image_version"
    }
}
