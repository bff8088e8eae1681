/// The three panes of a system shown with `RecordRow`s: the first lists what the system is about
/// (images, users), the second the detail of the selected row, the third an overview.
public struct RecordPanes: Sendable, Equatable {
    public var primary = PaneState<RecordRow>(sortColumn: 0)
    public var detail = PaneState<RecordRow>(sortColumn: 0)
    public var overview = PaneState<RecordRow>(sortColumn: 0)
    /// The row of the first pane whose detail is shown.
    public var detailParent: RecordRow?
    /// The first pane's rows as loaded, children included; `expanded` says whose children show.
    public var tree: [RecordRow] = []
    public var expanded: Set<String> = []
    /// Rows of the detail pane this console removed, with the logical time of the removal, so that
    /// a load requested before it cannot bring them back.
    var removed: [String: Int] = [:]

    public init() {}

    public func pane(_ id: PaneID) -> PaneState<RecordRow> {
        switch id {
        case .images: return primary
        case .members: return detail
        case .memberships: return overview
        }
    }

    /// Replaces a pane's rows, handing the array over (a closure passed to `modify` would copy it).
    public mutating func setRows(_ id: PaneID, _ rows: consuming [RecordRow]) {
        switch id {
        case .images: primary.setRows(rows)
        case .members: detail.setRows(rows)
        case .memberships: overview.setRows(rows)
        }
    }

    public mutating func modify(_ id: PaneID, _ body: (inout PaneState<RecordRow>) -> Void) {
        switch id {
        case .images: body(&primary)
        case .members: body(&detail)
        case .memberships: body(&overview)
        }
    }
}
