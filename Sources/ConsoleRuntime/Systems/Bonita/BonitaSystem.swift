import Console
import MembershipKit

/// Bonita: users → the selected user's memberships (group, role, assigned, by), with `+` choosing
/// a group then a role, `d` removing → the organisation's groups and roles.
public enum BonitaSystem: ConsoleSystem {
    public static let kinds: [EndpointKind] = [.bonita]

    public static let model = SystemModel(
        name: "Bonita",
        panes: [
            .images: PaneModel(title: "Users", columns: ["User", "Name", "Title"], actions: [.open], emptyHint: "no users", idColumn: 0),
            .members: PaneModel(title: "Memberships of {}", columns: ["Group", "Role", "Assigned", "Assigned by"], actions: [.share, .remove],
                                emptyHint: "no memberships", selectHint: "select a user"),
            .memberships: PaneModel(title: "Groups and roles", columns: ["Name", "Path", "Kind"], emptyHint: "no groups or roles"),
        ],
        words: [.share: "add membership"])

    public static func connect(_ endpoint: EndpointConfig, services: ConnectionServices, reports: ConnectionReports) async throws -> Connection {
        let client = try BonitaClient.make(configured: endpoint, requestLog: services.requestLog, onRetry: reports.onRetry,
                                           paging: reports.paging(services.pagingLimits))
        try await client.login()
        let info = SessionInfo(cloud: endpoint.name, region: endpoint.kind.rawValue, userName: endpoint.username ?? "", projectName: "organisation",
                               projectID: "", endpointHost: HostText.of(endpoint.url ?? ""), system: model,
                               connection: ConnectionID(endpoint: endpoint.name))
        return Connection(info: info, adapter: BonitaAdapter(client: client))
    }

    enum Ref: Hashable, Sendable {
        case user(id: Int, name: String)
        case membership(userID: Int, groupID: Int, roleID: Int)
        case group(id: Int)
        case role(id: Int)
        /// The pickers of `+`: a group for the user, then a role in that group.
        case groupsFor(userID: Int, userName: String)
        case rolesFor(userID: Int, userName: String, groupID: Int, group: String)
    }

    enum Request: Hashable, Sendable {
        case add(userID: Int, userName: String, groupID: Int, group: String, roleID: Int, role: String)
        case remove(userID: Int, groupID: Int, roleID: Int)
    }

    static func userRow(_ user: BonitaUser) -> RecordRow {
        RecordRow(key: "user:\(user.id)", cells: [user.userName, user.fullName, user.jobTitle ?? user.title ?? ""],
                  ref: RowRef(Ref.user(id: user.id, name: user.userName)), label: user.userName,
                  actions: [.share: .pick(PickerRequest(title: "Group for \(user.userName)", ref: RowRef(Ref.groupsFor(userID: user.id, userName: user.userName))))],
                  opensDetail: true)
    }

    /// A membership of a user: its group and role by name, when and by whom it was assigned.
    static func membershipRow(userID: Int, userName: String, groupID: Int, roleID: Int, group: String, role: String,
                              assigned: String, assignedBy: String) -> RecordRow {
        let label = "\(userName) from \(group) as \(role)"
        let remove = RowOperation(request: RowRef(Request.remove(userID: userID, groupID: groupID, roleID: roleID)), inFlight: "removing…",
                               description: "remove \(label)")
        return RecordRow(key: membershipKey(userID: userID, groupID: groupID, roleID: roleID), cells: [group, role, assigned, assignedBy],
                         ref: RowRef(Ref.membership(userID: userID, groupID: groupID, roleID: roleID)), label: label,
                         actions: [.remove: .confirm(title: "Remove", message: "\(remove.description)?", confirmLabel: "Remove", remove)])
    }

    /// A group in the first picker of `+`: choosing it lists the roles.
    static func groupChoice(_ group: BonitaGroup, userID: Int, userName: String) -> PickerItem {
        let roles = PickerRequest(title: "Role of \(userName) in \(group.path)",
                                  ref: RowRef(Ref.rolesFor(userID: userID, userName: userName, groupID: group.id, group: group.path)))
        return PickerItem(id: String(group.id), label: group.path, detail: group.displayName, next: .pick(roles))
    }

    /// A role in the second picker: choosing it adds the membership (a row in flight until the answer).
    static func roleChoice(_ role: BonitaRole, userID: Int, userName: String, groupID: Int, group: String) -> PickerItem {
        let add = RowOperation(request: RowRef(Request.add(userID: userID, userName: userName, groupID: groupID, group: group, roleID: role.id, role: role.name)),
                            inFlight: "adding…", description: "add \(userName) to \(group) as \(role.name)",
                            newRow: RecordRow(key: membershipKey(userID: userID, groupID: groupID, roleID: role.id), cells: [group, role.name, "", ""],
                                              ref: RowRef(Ref.membership(userID: userID, groupID: groupID, roleID: role.id))))
        return PickerItem(id: String(role.id), label: role.name, detail: role.displayName, next: .perform(add))
    }

    static func membershipKey(userID: Int, groupID: Int, roleID: Int) -> String { "\(userID)/\(groupID)/\(roleID)" }

    /// Who assigned a membership, as Bonita tells it.
    static func assigner(_ membership: BonitaMembership) -> String {
        membership.assignedByUserName ?? (membership.assignedByUserID == -1 ? "(organisation import)" : membership.assignedByUserID.map(String.init) ?? "")
    }
}

/// Bonita with a client.
struct BonitaAdapter: RecordAdapter {
    let client: BonitaClient
    static let pageSize = 100

    func load(_ pane: PaneID, parent: RowRef?, context: LoadContext) async throws -> [RecordRow] {
        switch pane {
        case .images:
            return try await allUsers().map(BonitaSystem.userRow)
        case .members:
            guard case let .user(userID, userName)? = parent?.as(BonitaSystem.Ref.self) else { return [] }
            return try await client.allMemberships(userID: userID, deploy: [.group, .role, .assignedBy]).map { membership in
                BonitaSystem.membershipRow(userID: userID, userName: userName, groupID: membership.groupID, roleID: membership.roleID,
                                           group: membership.groupPath ?? membership.groupName ?? String(membership.groupID),
                                           role: membership.roleName ?? String(membership.roleID),
                                           assigned: membership.assignedDate ?? "", assignedBy: BonitaSystem.assigner(membership))
            }
        case .memberships:
            async let groups = allGroups()
            async let roles = allRoles()
            let groupRows = try await groups.map { group in
                RecordRow(key: "group:\(group.id)", cells: [group.displayName.isEmpty ? group.name : group.displayName, group.path, "group"],
                          ref: RowRef(BonitaSystem.Ref.group(id: group.id)))
            }
            let roleRows = try await roles.map { role in
                RecordRow(key: "role:\(role.id)", cells: [role.displayName.isEmpty ? role.name : role.displayName, role.description, "role"],
                          ref: RowRef(BonitaSystem.Ref.role(id: role.id)))
            }
            return groupRows + roleRows
        }
    }

    func perform(_ operation: RowOperation) async throws -> OperationOutcome {
        switch operation.request.as(BonitaSystem.Request.self) {
        case let .add(userID, userName, groupID, group, roleID, role)?:
            let added = try await client.addMembership(userID: userID, groupID: groupID, roleID: roleID)
            // Bonita answers an addition without names (no deploy): read it back as a load shows it.
            let membership = try await client.allMemberships(userID: userID, deploy: [.group, .role, .assignedBy])
                .first { $0.groupID == groupID && $0.roleID == roleID } ?? added
            return .row(BonitaSystem.membershipRow(userID: userID, userName: userName, groupID: groupID, roleID: roleID,
                                                   group: membership.groupPath ?? group, role: membership.roleName ?? role,
                                                   assigned: membership.assignedDate ?? "", assignedBy: BonitaSystem.assigner(membership)))
        case let .remove(userID, groupID, roleID)?:
            try await client.removeMembership(userID: userID, groupID: groupID, roleID: roleID)
            return .removed
        case nil:
            throw unknown(operation)
        }
    }

    /// `+`: the groups (each leads to the roles), then the roles (each adds the membership).
    func pickerItems(_ request: PickerRequest) async throws -> [PickerItem] {
        switch request.ref.as(BonitaSystem.Ref.self) {
        case let .groupsFor(userID, userName)?:
            return try await allGroups().map { BonitaSystem.groupChoice($0, userID: userID, userName: userName) }
        case let .rolesFor(userID, userName, groupID, group)?:
            return try await allRoles().map { BonitaSystem.roleChoice($0, userID: userID, userName: userName, groupID: groupID, group: group) }
        default:
            return []
        }
    }

    func allUsers() async throws -> [BonitaUser] { try await client.allUsers(pageSize: Self.pageSize) }
    func allGroups() async throws -> [BonitaGroup] { try await client.allGroups(pageSize: Self.pageSize) }
    func allRoles() async throws -> [BonitaRole] { try await client.allRoles(pageSize: Self.pageSize) }
}
