/// What an action on a row of the other systems needs to know about it.
public enum RecordRef: Sendable, Hashable {
    case v1Image(id: String, name: String)
    case v1Member(imageID: String, memberID: String, canShare: Bool)
    case v1Shared(imageID: String)
    case atmoImage(id: String)
    case atmoVersion(id: String, name: String)
    case atmoMembership(id: Int, versionID: String, group: String)
    case bonitaUser(id: Int, name: String)
    case bonitaMembership(userID: Int, groupID: Int, roleID: Int, label: String)
    case bonitaGroup(id: Int)
    case bonitaRole(id: Int)

    /// The name shown in titles and messages.
    public var label: String {
        switch self {
        case let .v1Image(id, name): return name.isEmpty ? id : name
        case let .v1Member(_, memberID, _): return memberID
        case let .v1Shared(imageID): return imageID
        case let .atmoImage(id): return id
        case let .atmoVersion(_, name): return name
        case let .atmoMembership(id, _, group): return "\(group) (\(id))"
        case let .bonitaUser(_, name): return name
        case let .bonitaMembership(_, _, _, label): return label
        case let .bonitaGroup(id): return "group \(id)"
        case let .bonitaRole(id): return "role \(id)"
        }
    }
}

/// A row of a pane in the other systems: its cells as loaded, and what actions need.
public struct RecordRow: PaneRow {
    public var key: String
    /// One text per column, as the server sent it (the renderer sanitises).
    public var cells: [String]
    public var ref: RecordRef
    /// Indent level: Atmosphere versions sit under their image.
    public var depth: Int = 0
    /// Sorts children right after their parent whatever the column (the parent's key).
    public var parentKey: String?
    /// The parent's cells: a child sorts as its parent, then among its siblings.
    public var parentCells: [String]?
    /// True for an Atmosphere image whose versions are shown.
    public var isExpanded: Bool = false
    /// True for an Atmosphere image: Enter shows or hides its versions.
    public var isExpandable: Bool = false
    /// A change in flight on this row (`removing…`, `can share → yes…`).
    public var inFlight: String?

    public init(key: String, cells: [String], ref: RecordRef, depth: Int = 0, parentKey: String? = nil, isExpandable: Bool = false) {
        self.key = key
        self.cells = cells
        self.ref = ref
        self.depth = depth
        self.parentKey = parentKey
        self.isExpandable = isExpandable
    }

    /// A child is found by its parent's texts too (`/Genomics` keeps the image's versions).
    public var searchableText: [String] { cells + (parentCells ?? []) }

    public func sortValue(column: Int) -> String {
        let own = column < cells.count ? cells[column].lowercased() : ""
        guard let parentCells else { return own }
        let parent = column < parentCells.count ? parentCells[column].lowercased() : ""
        return parent + "\u{1}" + own
    }
}

/// One choice in a picker (`+` on Atmosphere: a group; on Bonita: a group, then a role).
public struct PickerItem: Sendable, Equatable {
    public var id: String
    public var label: String
    public var detail: String

    public init(id: String, label: String, detail: String = "") {
        self.id = id
        self.label = label
        self.detail = detail
    }
}

/// What a picker chooses, and what the choice leads to.
public enum PickerPurpose: Sendable, Equatable {
    /// A group to let an Atmosphere version be launched by.
    case atmosphereGroup(versionID: String, versionName: String)
    /// A Bonita group for a new membership of the user; a role is chosen next.
    case bonitaGroup(userID: Int, userName: String)
    case bonitaRole(userID: Int, userName: String, groupID: Int, groupLabel: String)

    public var title: String {
        switch self {
        case let .atmosphereGroup(_, name): return "Group that may launch \(name)"
        case let .bonitaGroup(_, user): return "Group for \(user)"
        case let .bonitaRole(_, user, _, group): return "Role of \(user) in \(group)"
        }
    }
}

/// A searchable list over the panes: type to filter, arrows to move, Enter to choose, Esc to cancel.
public struct Picker: Sendable, Equatable {
    public var purpose: PickerPurpose
    public var items: [PickerItem] = []
    public var filter: String = ""
    public var cursor: Int = 0
    public var isLoading = true
    public var error: String?
    /// Which load answers this picker (older answers are dropped).
    public var request: Int

    public init(purpose: PickerPurpose, request: Int) {
        self.purpose = purpose
        self.request = request
    }

    /// The items that match the filter (case-insensitive substring of label or detail).
    public var visible: [PickerItem] {
        let needle = filter.lowercased()
        guard !needle.isEmpty else { return items }
        return items.filter { $0.label.lowercased().contains(needle) || $0.detail.lowercased().contains(needle) }
    }

    public var selected: PickerItem? {
        let shown = visible
        return shown.indices.contains(cursor) ? shown[cursor] : nil
    }
}

/// A change to make in one of the other systems.
public enum DirectoryAction: Sendable, Equatable {
    case addV1Member(imageID: String, memberID: String)
    case setV1CanShare(imageID: String, memberID: String, canShare: Bool)
    case removeV1Member(imageID: String, memberID: String)
    case addAtmosphereMembership(versionID: String, groupUUID: String, label: String)
    case removeAtmosphereMembership(id: Int, label: String)
    case addBonitaMembership(userID: Int, groupID: Int, roleID: Int, label: String)
    case removeBonitaMembership(userID: Int, groupID: Int, roleID: Int, label: String)

    /// What the activity log and the flash say about it.
    public var description: String {
        switch self {
        case let .addV1Member(imageID, memberID): return "share \(imageID) with \(memberID)"
        case let .setV1CanShare(imageID, memberID, canShare): return "\(memberID) on \(imageID): can share → \(canShare ? "yes" : "no")"
        case let .removeV1Member(imageID, memberID): return "remove \(memberID) from \(imageID)"
        case let .addAtmosphereMembership(_, _, label): return "add \(label)"
        case let .removeAtmosphereMembership(_, label): return "remove \(label)"
        case let .addBonitaMembership(_, _, _, label): return "add \(label)"
        case let .removeBonitaMembership(_, _, _, label): return "remove \(label)"
        }
    }
}

/// The panes of the other systems and what they show.
public struct DirectoryState: Sendable, Equatable {
    public var profile: DirectoryProfile
    public var primary = PaneState<RecordRow>(sortColumn: 0)
    public var detail = PaneState<RecordRow>(sortColumn: 0)
    public var overview = PaneState<RecordRow>(sortColumn: 0)
    /// The row of the primary pane whose detail is shown.
    public var detailParent: RecordRef?
    /// Atmosphere: images and their versions as loaded; `expanded` says whose versions show.
    public var tree: [RecordRow] = []
    public var expanded: Set<String> = []

    public init(profile: DirectoryProfile) {
        self.profile = profile
    }

    public func pane(_ id: PaneID) -> PaneState<RecordRow> {
        switch id {
        case .images: return primary
        case .members: return detail
        case .memberships: return overview
        }
    }

    public mutating func modify(_ id: PaneID, _ body: (inout PaneState<RecordRow>) -> Void) {
        switch id {
        case .images: body(&primary)
        case .members: body(&detail)
        case .memberships: body(&overview)
        }
    }

    /// Title of a pane, `{}` filled in.
    public func title(_ id: PaneID, project: String) -> String {
        let template = profile.titles[id] ?? ""
        let fill = id == .members ? (detailParent?.label ?? "…") : project
        return template.replacingOccurrences(of: "{}", with: fill)
    }
}
