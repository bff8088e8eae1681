import MembershipKit

/// Bonita in the console: users → the selected user's memberships (group, role, assigned date,
/// assigned by) → the organisation's groups and roles.
public struct BonitaDirectory: DirectoryService {
    let client: BonitaClient
    static let pageSize = 100

    public init(client: BonitaClient) {
        self.client = client
    }

    public func load(_ pane: PaneID, parent: RecordRef?) async throws -> [RecordRow] {
        switch pane {
        case .images:
            return try await allUsers().map { user in
                RecordRow(key: "user:\(user.id)", cells: [user.userName, user.fullName, user.jobTitle ?? user.title ?? ""],
                          ref: .bonitaUser(id: user.id, name: user.userName))
            }
        case .members:
            guard case let .bonitaUser(userID, userName)? = parent else { return [] }
            return try await client.allMemberships(userID: userID, deploy: [.group, .role, .assignedBy]).map { membership in
                let group = membership.groupPath ?? membership.groupName ?? String(membership.groupID)
                let role = membership.roleName ?? String(membership.roleID)
                let assignedBy = membership.assignedByUserName ?? (membership.assignedByUserID == -1 ? "(organisation import)" : membership.assignedByUserID.map(String.init) ?? "")
                return RecordRow(key: "\(membership.userID)/\(membership.groupID)/\(membership.roleID)",
                                 cells: [group, role, membership.assignedDate ?? "", assignedBy],
                                 ref: .bonitaMembership(userID: userID, groupID: membership.groupID, roleID: membership.roleID,
                                                        label: "\(userName) from \(group) as \(role)"))
            }
        case .memberships:
            async let groups = allGroups()
            async let roles = allRoles()
            let groupRows = try await groups.map { group in
                RecordRow(key: "group:\(group.id)", cells: [group.displayName.isEmpty ? group.name : group.displayName, group.path, "group"],
                          ref: .bonitaGroup(id: group.id))
            }
            let roleRows = try await roles.map { role in
                RecordRow(key: "role:\(role.id)", cells: [role.displayName.isEmpty ? role.name : role.displayName, role.description, "role"],
                          ref: .bonitaRole(id: role.id))
            }
            return groupRows + roleRows
        }
    }

    public func perform(_ action: DirectoryAction) async throws {
        switch action {
        case let .addBonitaMembership(userID, groupID, roleID, _): _ = try await client.addMembership(userID: userID, groupID: groupID, roleID: roleID)
        case let .removeBonitaMembership(userID, groupID, roleID, _): try await client.removeMembership(userID: userID, groupID: groupID, roleID: roleID)
        default: throw MembershipError.configuration(.unsupported("Bonita cannot \(action.description)"))
        }
    }

    public func pickerItems(_ purpose: PickerPurpose) async throws -> [PickerItem] {
        switch purpose {
        case .bonitaGroup:
            return try await allGroups().map { PickerItem(id: String($0.id), label: $0.path, detail: $0.displayName) }
        case .bonitaRole:
            return try await allRoles().map { PickerItem(id: String($0.id), label: $0.name, detail: $0.displayName) }
        case .atmosphereGroup:
            return []
        }
    }

    func allUsers() async throws -> [BonitaUser] {
        try await client.collect("Bonita users", pageSize: Self.pageSize) { try await client.users(page: $0, count: $1) }
    }

    func allGroups() async throws -> [BonitaGroup] {
        try await client.collect("Bonita groups", pageSize: Self.pageSize) { try await client.groups(page: $0, count: $1) }
    }

    func allRoles() async throws -> [BonitaRole] {
        try await client.collect("Bonita roles", pageSize: Self.pageSize) { try await client.roles(page: $0, count: $1) }
    }
}
