/// A group from `/api/v2/groups`, or the `{id, uuid, name}` of one inside a membership. Atmosphere gives
/// every user a group named like them, so sharing with a person means sharing with that group.
public struct AtmosphereGroup: Sendable, Equatable, Codable, Hashable {
    public var id: Int
    /// What a membership is created with.
    public var uuid: String
    public var name: String
    /// Every member, leaders included; nil inside a membership.
    public var users: [AtmosphereUser]?
    public var leaders: [AtmosphereUser]?

    public init(id: Int, uuid: String, name: String, users: [AtmosphereUser]? = nil, leaders: [AtmosphereUser]? = nil) {
        self.id = id
        self.uuid = uuid
        self.name = name
        self.users = users
        self.leaders = leaders
    }
}
