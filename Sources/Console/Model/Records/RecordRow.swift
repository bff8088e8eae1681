/// A row of a pane: its cells as the server sent them (the renderer sanitises), what the system
/// needs to act on it, and the state of a change in flight.
public struct RecordRow: PaneRow {
    public var key: String
    /// One text per column.
    public var cells: [String]
    /// The system's own description of the row, for its adapter.
    public var ref: RowRef
    /// Where the row came from; its operations go there.
    public var connection: ConnectionID?
    /// How titles and messages name the row (`golden`, `alice`).
    public var label: String
    /// What each key does to this row (mutating keys absent here are refused with the pane's reason).
    public var actions: [Action: RowAction]
    /// True when selecting the row shows its detail in the second pane (an image's members, a user's memberships).
    public var opensDetail: Bool
    /// Indent level: children (an image's versions) sit under their parent.
    public var depth: Int = 0
    /// Sorts children right after their parent whatever the column (the parent's key).
    public var parentKey: String?
    /// The parent's cells: a child sorts as its parent, then among its siblings.
    public var parentCells: [String]?
    /// True for a row whose children are shown.
    public var isExpanded: Bool = false
    /// True for a row with children: Enter shows or hides them.
    public var isExpandable: Bool = false
    /// A change in flight on this row (`removing…`, `can share → yes…`).
    public var inFlight: String?
    /// The operation in flight, so that only its own answer settles the row.
    public var operationID: Int?
    public var highlight: Highlight?
    /// Logical time (`ConsoleState.sequence`) of the last change this console made to the row, so
    /// that a refresh requested before it cannot undo it.
    public var changedAt: Int = 0

    public init(key: String, cells: [String], ref: RowRef, label: String? = nil, actions: [Action: RowAction] = [:],
                opensDetail: Bool = false, depth: Int = 0, parentKey: String? = nil, isExpandable: Bool = false) {
        self.key = key
        self.cells = cells
        self.ref = ref
        self.label = label ?? cells.first ?? key
        self.actions = actions
        self.opensDetail = opensDetail
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

    /// The same row as the server sent it, keeping what this console knows of it (a change in
    /// flight, its highlight, when it last changed it).
    func keepingLocalState(of existing: RecordRow) -> RecordRow {
        var row = self
        row.inFlight = existing.inFlight
        row.operationID = existing.operationID
        row.highlight = existing.highlight
        row.changedAt = existing.changedAt
        return row
    }
}

/// One choice in a picker (a group, then a role); what choosing it leads to.
public struct PickerItem: Sendable, Equatable {
    public var id: String
    public var label: String
    public var detail: String
    /// The next step: another picker, or the change to send.
    public var next: RowAction?

    public init(id: String, label: String, detail: String = "", next: RowAction? = nil) {
        self.id = id
        self.label = label
        self.detail = detail
        self.next = next
    }
}

/// A searchable list over the panes: type to filter, arrows to move, Enter to choose, Esc to cancel.
public struct Picker: Sendable, Equatable {
    public var request: PickerRequest
    public var items: [PickerItem] = []
    public var filter: String = ""
    public var cursor: Int = 0
    public var isLoading = true
    public var error: String?
    /// Which load answers this picker (older answers are dropped).
    public var loadID: Int

    public init(request: PickerRequest, loadID: Int) {
        self.request = request
        self.loadID = loadID
    }

    public var title: String { request.title }

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
