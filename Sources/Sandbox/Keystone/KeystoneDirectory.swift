/// The accounts of the sandbox's Keystone: who can log in, to which project, with which roles.
/// Ids are fixed so that a reset gives the same ids and clouds.yaml snippets stay valid.
public enum KeystoneDirectory {
    public struct Project: Sendable {
        public let id: String
        public let name: String
        public let description: String
    }

    public struct User: Sendable {
        public let id: String
        public let name: String
        public let password: String
        public let project: String
        public let roles: [String]
        public let description: String
    }

    /// Every demo account shares this password; the sandbox is a local playground, not a vault.
    public static let password = "sandbox"
    public static let domainID = "default"
    public static let domainName = "Default"
    public static let region = "RegionOne"

    public static let roles: [(id: String, name: String)] = [
        ("8b2f1d3c4e5a4b6c9d7e0f1a2b3c4d01", "admin"),
        ("8b2f1d3c4e5a4b6c9d7e0f1a2b3c4d02", "member"),
        ("8b2f1d3c4e5a4b6c9d7e0f1a2b3c4d03", "reader"),
    ]

    public static let projects: [Project] = [
        Project(id: "a1d3f0c29b8e4c7d8e2f6a5b4c3d2e10", name: "admin", description: "Cloud administration"),
        Project(id: "b2e4a1d30c9f4d8e9f3a7b6c5d4e3f21", name: "imaging", description: "Builds the golden images"),
        Project(id: "c3f5b2e41dae4e9fa04b8c7d6e5f4a32", name: "research", description: "Publishes research images"),
        Project(id: "d4a6c3f52ebf4fa0b15c9d8e7f6a5b43", name: "analytics", description: "Consumes shared images"),
        Project(id: "e5b7d4a63fc04ab1c26dae9f8a7b6c54", name: "webapps", description: "Consumes shared images"),
    ]

    public static let users: [User] = [
        User(id: "f0a1b2c3d4e54f6a8b9c0d1e2f3a4b01", name: "admin", password: password, project: "admin",
             roles: ["admin", "member", "reader"], description: "administrator: sees and may change everything"),
        User(id: "f0a1b2c3d4e54f6a8b9c0d1e2f3a4b02", name: "olivia", password: password, project: "imaging",
             roles: ["member", "reader"], description: "image owner: shares the imaging project's images"),
        User(id: "f0a1b2c3d4e54f6a8b9c0d1e2f3a4b03", name: "oscar", password: password, project: "research",
             roles: ["member", "reader"], description: "image owner: shares the research project's images"),
        User(id: "f0a1b2c3d4e54f6a8b9c0d1e2f3a4b04", name: "cora", password: password, project: "analytics",
             roles: ["member", "reader"], description: "consumer: the default login, with pending shares to answer"),
        User(id: "f0a1b2c3d4e54f6a8b9c0d1e2f3a4b05", name: "carl", password: password, project: "webapps",
             roles: ["member", "reader"], description: "consumer of a second project"),
    ]

    /// The account the console logs in as when it starts the sandbox by itself.
    public static let defaultUser = "cora"

    public static func project(named name: String) -> Project? { projects.first { $0.name == name } }
    public static func user(named name: String) -> User? { users.first { $0.name == name } }
    public static func projectID(_ name: String) -> String { project(named: name)!.id }
}
