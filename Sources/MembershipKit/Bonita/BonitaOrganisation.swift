/// A user of the organisation (`API/identity/user`). The password, which Bonita always sends as "", is
/// not kept.
public struct BonitaUser: Sendable, Equatable, Hashable, Codable {
    public var id: Int
    public var userName: String
    public var firstname: String
    public var lastname: String
    public var title: String?
    public var jobTitle: String?
    /// nil when the user has no manager (Bonita writes "0" or "").
    public var managerID: Int?
    /// A disabled user cannot log in; nil when the server did not say.
    public var enabled: Bool?
    /// Bonita's `yyyy-MM-dd HH:mm:ss.SSS`, as sent.
    public var lastConnection: String?

    public init(id: Int, userName: String, firstname: String = "", lastname: String = "", title: String? = nil,
                jobTitle: String? = nil, managerID: Int? = nil, enabled: Bool? = true, lastConnection: String? = nil) {
        self.id = id
        self.userName = userName
        self.firstname = firstname
        self.lastname = lastname
        self.title = title
        self.jobTitle = jobTitle
        self.managerID = managerID
        self.enabled = enabled
        self.lastConnection = lastConnection
    }

    /// "Walter Bates", or the user name when both names are empty.
    public var fullName: String {
        let name = [firstname, lastname].filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? userName : name
    }

    enum CodingKeys: String, CodingKey {
        case id, userName, firstname, lastname, title, enabled
        case jobTitle = "job_title"
        case managerID = "manager_id"
        case lastConnection = "last_connection"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.bonitaID(.id)
        userName = container.bonitaText(.userName) ?? ""
        firstname = container.bonitaText(.firstname) ?? ""
        lastname = container.bonitaText(.lastname) ?? ""
        title = container.bonitaText(.title)
        jobTitle = container.bonitaText(.jobTitle)
        managerID = try container.bonitaOptionalID(.managerID).flatMap { $0 > 0 ? $0 : nil }
        enabled = container.bonitaBool(.enabled)
        lastConnection = container.bonitaText(.lastConnection)
    }
}

/// A group (`API/identity/group`). Names are unique only among siblings; the path (`/acme/hr`) is unique.
public struct BonitaGroup: Sendable, Equatable, Hashable, Codable {
    public var id: Int
    public var name: String
    /// Free text from the server: sanitise before showing it in a terminal.
    public var displayName: String
    public var description: String
    /// `/acme/hr`.
    public var path: String
    /// `/acme`, or "" for a root group.
    public var parentPath: String

    public init(id: Int, name: String, displayName: String = "", description: String = "", parentPath: String = "", path: String? = nil) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.description = description
        self.parentPath = parentPath
        self.path = path ?? parentPath + "/" + name
    }

    enum CodingKeys: String, CodingKey {
        case id, name, displayName, description, path
        case parentPath = "parent_path"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.bonitaID(.id), name: container.bonitaText(.name) ?? "",
                  displayName: container.bonitaText(.displayName) ?? "", description: container.bonitaText(.description) ?? "",
                  parentPath: container.bonitaText(.parentPath) ?? "", path: container.bonitaText(.path))
    }
}

/// A role (`API/identity/role`): what a user does in a group (member, manager …).
public struct BonitaRole: Sendable, Equatable, Hashable, Codable {
    public var id: Int
    public var name: String
    /// Free text from the server: sanitise before showing it in a terminal.
    public var displayName: String
    public var description: String

    public init(id: Int, name: String, displayName: String = "", description: String = "") {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case id, name, displayName, description
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.bonitaID(.id), name: container.bonitaText(.name) ?? "",
                  displayName: container.bonitaText(.displayName) ?? "", description: container.bonitaText(.description) ?? "")
    }
}
