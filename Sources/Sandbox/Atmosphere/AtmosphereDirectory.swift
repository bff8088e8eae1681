/// The accounts of the sandbox's Atmosphere: users, their personal groups and the team groups. Both seeds
/// have them (an empty sandbox still needs someone to log in and groups to share with). Ids and UUIDs are
/// fixed so that a reset gives the same ones and client tests can name them.
public enum AtmosphereDirectory {
    public struct User: Sendable {
        public let id: Int
        public let uuid: String
        public let username: String
        public let isStaff: Bool
    }

    public struct Group: Sendable {
        public let id: Int
        public let uuid: String
        public let name: String
        /// Leaders first; leaders are members too, as in Atmosphere.
        public let leaders: [String]
        public let members: [String]
    }

    /// Every account's password; the sandbox is a local playground, not a vault.
    public static let password = "sandbox"

    public static let users: [User] = [
        User(id: 1, uuid: "a7f0c1d2-0001-4a10-8b20-000000000001", username: "admin", isStaff: true),
        User(id: 2, uuid: "a7f0c1d2-0001-4a10-8b20-000000000002", username: "olivia", isStaff: false),
        User(id: 3, uuid: "a7f0c1d2-0001-4a10-8b20-000000000003", username: "oscar", isStaff: false),
        User(id: 4, uuid: "a7f0c1d2-0001-4a10-8b20-000000000004", username: "cora", isStaff: false),
        User(id: 5, uuid: "a7f0c1d2-0001-4a10-8b20-000000000005", username: "carl", isStaff: false),
    ]

    /// Atmosphere gives every user a group of their own, named like the user and led by them; ids 1–5 follow
    /// the users'. Team groups follow from 11.
    public static let groups: [Group] = users.map { user in
        Group(id: user.id, uuid: "b8e1d2c3-0002-4b20-9c30-00000000000\(user.id)", name: user.username,
              leaders: [user.username], members: [])
    } + [
        Group(id: 11, uuid: "b8e1d2c3-0002-4b20-9c30-000000000011", name: "genomics-lab",
              leaders: ["olivia"], members: ["cora", "carl"]),
        Group(id: 12, uuid: "b8e1d2c3-0002-4b20-9c30-000000000012", name: "teaching-2026",
              leaders: ["oscar"], members: ["olivia", "cora"]),
        Group(id: 13, uuid: "b8e1d2c3-0002-4b20-9c30-000000000013", name: "iplant-staff",
              leaders: ["admin"], members: ["olivia", "oscar"]),
        Group(id: 14, uuid: "b8e1d2c3-0002-4b20-9c30-000000000014", name: "climate-modeling",
              leaders: ["oscar"], members: ["carl"]),
    ]

    public static func user(named name: String) -> User? { users.first { $0.username == name } }
    public static func group(named name: String) -> Group? { groups.first { $0.name == name } }
}
