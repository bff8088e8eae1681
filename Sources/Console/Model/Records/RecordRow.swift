import Foundation

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
    /// Indent level: children (an image's versions) sit under their parent.
    public var depth: Int {
        get { extras.first?.depth ?? 0 }
        set { modifyExtras { $0.depth = newValue } }
    }
    /// Sorts children right after their parent whatever the column (the parent's key).
    public var parentKey: String? {
        get { extras.first?.parentKey }
        set { modifyExtras { $0.parentKey = newValue } }
    }
    /// The parent's cells: a child sorts as its parent, then among its siblings.
    public var parentCells: [String]? {
        get { extras.first?.parentCells }
        set { modifyExtras { $0.parentCells = newValue } }
    }
    /// True for a row whose children are shown.
    public var isExpanded: Bool {
        get { extras.first?.isExpanded ?? false }
        set { modifyExtras { $0.isExpanded = newValue } }
    }
    /// True for a row with children: Enter shows or hides them.
    public var isExpandable: Bool {
        get { extras.first?.isExpandable ?? false }
        set { modifyExtras { $0.isExpandable = newValue } }
    }
    /// What the row is a view of (one membership): rows of any pane with the same subject show one
    /// record, so a change to it shows in flight, and settles, on all of them.
    public var subject: String?
    /// How the activity log names the row (an image and a member), when the system says.
    public var logName: LogName? {
        get { extras.first?.logName }
        set { modifyExtras { $0.logName = newValue } }
    }
    /// Sort keys of columns that do not sort by their text (statuses in the order pending,
    /// accepted, rejected), by column.
    public var sortKeys: [Int: String] {
        get { extras.first?.sortKeys ?? [:] }
        set { modifyExtras { $0.sortKeys = newValue } }
    }

    /// Why the row has no detail to load (`public image: only shared images have members`): the
    /// second pane says so instead of asking the server. Held in the row, not behind `extras`: many
    /// rows of a pane have one (every private image), and systems share one string between them.
    public var detailNote: String?

    /// What only some rows have (a tree's shape, a log name, sort keys, what this console is doing
    /// or did to the row), behind one pointer: a pane holds 10,000 rows, most of which have none of it.
    private struct Extras: Sendable, Equatable {
        var inFlight: String?
        var operationID: Int?
        var highlight: Highlight?
        var changedAt = 0
        var depth = 0
        var parentKey: String?
        var parentCells: [String]?
        var isExpanded = false
        var isExpandable = false
        var logName: LogName?
        var sortKeys: [Int: String] = [:]
    }
    private var extras: [Extras] = []

    // The two flags last, side by side: between wider fields each took 8 bytes of padding (a
    // row is 152 bytes instead of 160: 0.8 MB at 100,000 images).
    /// True when selecting the row shows its detail in the second pane (an image's members, a user's memberships).
    public var opensDetail: Bool
    /// True for the user's own row (my image, my project's membership): drawn as `(mine)`, `(you)`.
    public var isMine: Bool = false

    private mutating func modifyExtras(_ change: (inout Extras) -> Void) {
        if extras.isEmpty { extras = [Extras()] }
        change(&extras[0])
        if extras[0] == Extras() { extras = [] }
    }

    /// A change in flight on this row (`removing…`, `can share → yes…`).
    public var inFlight: String? {
        get { extras.first?.inFlight }
        set { modifyExtras { $0.inFlight = newValue } }
    }
    /// The operation in flight, so that only its own answer settles the row.
    public var operationID: Int? {
        get { extras.first?.operationID }
        set { modifyExtras { $0.operationID = newValue } }
    }
    public var highlight: Highlight? {
        get { extras.first?.highlight }
        set { modifyExtras { $0.highlight = newValue } }
    }
    /// Logical time (`ConsoleState.sequence`) of the last change this console made to the row, so
    /// that a refresh requested before it cannot undo it.
    public var changedAt: Int {
        get { extras.first?.changedAt ?? 0 }
        set { modifyExtras { $0.changedAt = newValue } }
    }

    public init(key: String, cells: [String], ref: RowRef, label: String? = nil, actions: [Action: RowAction] = [:],
                opensDetail: Bool = false, depth: Int = 0, parentKey: String? = nil, isExpandable: Bool = false,
                subject: String? = nil, isMine: Bool = false, logName: LogName? = nil) {
        self.key = key
        self.subject = subject
        self.isMine = isMine
        self.cells = cells
        self.ref = ref
        self.label = label ?? cells.first ?? key
        self.actions = actions
        self.opensDetail = opensDetail
        if depth != 0 { self.depth = depth }
        if parentKey != nil { self.parentKey = parentKey }
        if isExpandable { self.isExpandable = isExpandable }
        if logName != nil { self.logName = logName }
    }

    /// A child is found by its parent's texts too (`/Genomics` keeps the image's versions).
    public var searchableText: [String] { cells + (parentCells ?? []) }

    public func anySearchableText(_ body: (String) -> Bool) -> Bool {
        cells.contains(where: body) || (parentCells?.contains(where: body) ?? false)
    }

    public func sortValue(column: Int) -> String {
        let own = sortKeys[column] ?? (column < cells.count ? TextCase.lowered(cells[column]) : "")
        guard let parentCells else { return own }
        let parent = column < parentCells.count ? TextCase.lowered(parentCells[column]) : ""
        return parent + "\u{1}" + own
    }

    /// The text of `column`, or empty.
    public func cell(_ column: Int?) -> String {
        guard let column, column >= 0, column < cells.count else { return "" }
        return cells[column]
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

    /// The keys of `rows` whose highlight ended by `now`. The tick asks ten times a second, so each
    /// row's `extras` is read in place (one stored field; `rows[index].highlight`, a getter, copies
    /// the whole row first, retaining each of its strings: at 100,000 images that kept the UI thread
    /// busy for most of each tick).
    static func keysWithHighlightEnded(in rows: [RecordRow], by now: Date) -> [String] {
        rows.withUnsafeBufferPointer { buffer in
            var keys: [String] = []
            for index in buffer.indices {
                guard let until = buffer[index].extras.first?.highlight?.until, until <= now else { continue }
                keys.append(buffer[index].key)
            }
            return keys
        }
    }
}

/// How the activity log names a row: the object (an image) and, for a membership, the member.
public struct LogName: Sendable, Equatable {
    public var objectID: String
    public var objectName: String
    public var memberID: String

    public init(objectID: String, objectName: String, memberID: String) {
        self.objectID = objectID
        self.objectName = objectName
        self.memberID = memberID
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
    /// What choosing does: a system's next step for a row, or connecting to a cloud.
    public enum Purpose: Sendable, Equatable { case record, cloud }
    public var purpose = Purpose.record
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
