/// A Keystone project as `/v3/projects` and `/v3/auth/projects` describe it (the fields memberdeck uses).
public struct KeystoneProject: Sendable, Equatable, Codable, Hashable {
    public var id: String
    public var name: String
    public var domainID: String?

    public init(id: String, name: String, domainID: String? = nil) {
        self.id = id
        self.name = name
        self.domainID = domainID
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case domainID = "domain_id"
    }
}

/// `{"projects": […]}` and `{"project": {…}}`.
struct KeystoneProjectList: Decodable { var projects: [KeystoneProject] }
struct KeystoneProjectItem: Decodable { var project: KeystoneProject }
