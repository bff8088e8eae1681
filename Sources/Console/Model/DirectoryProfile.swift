/// The membership systems other than Glance v2 that the console shows in its three panes.
public enum DirectoryKind: String, Sendable, Equatable, CaseIterable {
    case glanceV1 = "glance-v1"
    case atmosphere
    case bonita
}

/// What the three panes mean for a system: their titles and columns, and which changes it allows.
/// A capability a system lacks is absent here, so its key is neither hinted nor bound.
public struct DirectoryProfile: Sendable, Equatable {
    public var kind: DirectoryKind
    /// Per pane; `{}` is replaced by the selected row's name (detail) or the session's project (overview).
    public var titles: [PaneID: String]
    public var columns: [PaneID: [String]]
    /// The mutating actions this system has, and in which pane each applies.
    public var actions: [Action: PaneID]

    public static func of(_ kind: DirectoryKind) -> DirectoryProfile {
        switch kind {
        case .glanceV1:
            return DirectoryProfile(
                kind: kind,
                titles: [.images: "Images", .members: "Members of {}", .memberships: "Shared with {}"],
                columns: [.images: ["Name", "ID", "Owner", "Public"], .members: ["Member ID", "Can share"], .memberships: ["Image", "ID", "Can share"]],
                actions: [.share: .members, .remove: .members, .toggleShare: .members])
        case .atmosphere:
            return DirectoryProfile(
                kind: kind,
                titles: [.images: "Images and versions", .members: "Groups that may launch {}", .memberships: "My version memberships"],
                columns: [.images: ["Name", "ID", "Created by"], .members: ["Group", "UUID", "Membership"], .memberships: ["Version", "Group", "ID"]],
                actions: [.share: .members, .remove: .members])
        case .bonita:
            return DirectoryProfile(
                kind: kind,
                titles: [.images: "Users", .members: "Memberships of {}", .memberships: "Groups and roles"],
                columns: [.images: ["User", "Name", "Title"], .members: ["Group", "Role", "Assigned", "Assigned by"], .memberships: ["Name", "Path", "Kind"]],
                actions: [.share: .members, .remove: .members])
        }
    }

    /// Whether `action` exists in this system (and in which pane it acts).
    public func allows(_ action: Action) -> Bool {
        !action.isMutating || actions[action] != nil
    }
}
