/// A membership (`API/identity/membership`): a user holds a role in a group. Its compound id is
/// `user_id/group_id/role_id`.
///
/// With `d=group_id` (and the other deploys) Bonita replaces the id by the whole object under the same key;
/// both shapes are read, the id is kept either way, and the object lands in `group` (`user`, `role`,
/// `assignedBy`). Encoding writes the same shape back, with ids as JSON numbers.
public struct BonitaMembership: Sendable, Equatable, Hashable, Codable {
    public var userID: Int
    public var groupID: Int
    public var roleID: Int
    /// -1 when the technical user (or an organisation import) made it; nil when the server left it empty.
    public var assignedByUserID: Int?
    /// Bonita's `yyyy-MM-dd HH:mm:ss.SSS`, as sent.
    public var assignedDate: String?
    /// Present when the search deployed `user_id`.
    public var user: BonitaUser?
    /// Present when the search deployed `group_id`.
    public var group: BonitaGroup?
    /// Present when the search deployed `role_id`.
    public var role: BonitaRole?
    /// Present when the search deployed `assigned_by_user_id` and the assigner is a real user (not -1).
    public var assignedBy: BonitaUser?

    public init(userID: Int, groupID: Int, roleID: Int, assignedByUserID: Int? = nil, assignedDate: String? = nil,
                user: BonitaUser? = nil, group: BonitaGroup? = nil, role: BonitaRole? = nil, assignedBy: BonitaUser? = nil) {
        self.userID = userID
        self.groupID = groupID
        self.roleID = roleID
        self.assignedByUserID = assignedByUserID
        self.assignedDate = assignedDate
        self.user = user
        self.group = group
        self.role = role
        self.assignedBy = assignedBy
    }

    /// The deployed names, when the search asked for them.
    public var userName: String? { user?.userName }
    public var groupName: String? { group?.name }
    public var groupPath: String? { group?.path }
    public var roleName: String? { role?.name }
    public var assignedByUserName: String? { assignedBy?.userName }

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case groupID = "group_id"
        case roleID = "role_id"
        case assignedByUserID = "assigned_by_user_id"
        case assignedDate = "assigned_date"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A deployed attribute is an object; otherwise (not asked, or an id Bonita does not deploy) a string.
        user = try? container.decode(BonitaUser.self, forKey: .userID)
        group = try? container.decode(BonitaGroup.self, forKey: .groupID)
        role = try? container.decode(BonitaRole.self, forKey: .roleID)
        assignedBy = try? container.decode(BonitaUser.self, forKey: .assignedByUserID)
        userID = try user?.id ?? container.bonitaID(.userID)
        groupID = try group?.id ?? container.bonitaID(.groupID)
        roleID = try role?.id ?? container.bonitaID(.roleID)
        assignedByUserID = try assignedBy?.id ?? container.bonitaOptionalID(.assignedByUserID)
        assignedDate = container.bonitaText(.assignedDate)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(assignedDate, forKey: .assignedDate)
        if let role { try container.encode(role, forKey: .roleID) } else { try container.encode(roleID, forKey: .roleID) }
        if let assignedBy { try container.encode(assignedBy, forKey: .assignedByUserID) } else {
            try container.encodeIfPresent(assignedByUserID, forKey: .assignedByUserID)
        }
        if let group { try container.encode(group, forKey: .groupID) } else { try container.encode(groupID, forKey: .groupID) }
        if let user { try container.encode(user, forKey: .userID) } else { try container.encode(userID, forKey: .userID) }
    }
}

/// `o` of a membership search: one of the engine's six `UserMembershipCriterion`s (role name, group name
/// or assignment date, each ascending or descending). Bonita matches the spelling exactly and answers 500
/// to anything else; `other` passes any text through so that the server says so in its own words.
public enum BonitaMembershipOrder: Sendable, Hashable, CaseIterable, RawRepresentable, CustomStringConvertible {
    case roleNameAsc
    case roleNameDesc
    case groupNameAsc
    case groupNameDesc
    case assignedDateAsc
    case assignedDateDesc
    case other(String)

    /// Bonita's default when `o` is not given.
    public static let `default` = BonitaMembershipOrder.roleNameAsc

    /// The six that Bonita knows.
    public static let allCases: [BonitaMembershipOrder] = [.roleNameAsc, .roleNameDesc, .groupNameAsc, .groupNameDesc, .assignedDateAsc, .assignedDateDesc]

    /// Any text: Bonita's names become their case, the rest `other`.
    public init(rawValue: String) {
        self = Self.allCases.first { $0.rawValue == rawValue } ?? .other(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .roleNameAsc: "ROLE_NAME_ASC"
        case .roleNameDesc: "ROLE_NAME_DESC"
        case .groupNameAsc: "GROUP_NAME_ASC"
        case .groupNameDesc: "GROUP_NAME_DESC"
        case .assignedDateAsc: "ASSIGNED_DATE_ASC"
        case .assignedDateDesc: "ASSIGNED_DATE_DESC"
        case .other(let text): text
        }
    }

    public var description: String { rawValue }
}

/// The membership attributes that `d=` can replace by the object they name.
public enum BonitaMembershipDeploy: String, Sendable, Hashable, CaseIterable {
    case user = "user_id"
    case group = "group_id"
    case role = "role_id"
    case assignedBy = "assigned_by_user_id"

    /// Enough to show a membership by names: the group and the role.
    public static let names: Set<BonitaMembershipDeploy> = [.group, .role]
}
