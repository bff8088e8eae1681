import Foundation
import MembershipKit

/// The record panes: connecting, loading the three panes, the detail pane that follows the
/// selected row of the first, and merging a reload with what this console changed meanwhile.
extension ConsoleUpdate {
    /// A connection to a system with record panes: a new system or session starts the panes over.
    static func recordsConnected(_ state: inout ConsoleState, _ info: SessionInfo) -> [Effect] {
        let previous = state.session
        state.session = info
        state.system = info.system
        state.connectionError = nil
        state.truncation = nil
        if state.records == nil || (previous != nil && previous != info) {
            state.records = RecordPanes()
            state.focus = .images
            state.loads = [:]
            if previous != nil { flash(&state, "connected to \(info.cloud)", .info) }
        }
        return startRecordLoads(&state, includeDetail: false)
    }

    static func startRecordLoads(_ state: inout ConsoleState, includeDetail: Bool) -> [Effect] {
        guard state.records != nil else { return [] }
        var effects: [Effect] = []
        for pane in [PaneID.images, .memberships] {
            let request = takeID(&state)
            state.loads[request] = .records(pane: pane, parentKey: nil, requestedAt: state.sequence)
            if state.records!.pane(pane).rows.isEmpty { state.records!.modify(pane) { $0.loading = .loading(count: 0) } }
            effects.append(.loadRows(request: request, connection: connectionID(state), pane: pane, parent: nil))
        }
        if includeDetail, let parent = state.records?.detailParent {
            effects += loadDetail(&state, parent)
        }
        if let interval = state.settings.refreshInterval { state.nextRefresh = state.now.addingTimeInterval(interval) }
        return effects
    }

    /// The connection of the session: rows loaded through it belong to it.
    static func connectionID(_ state: ConsoleState) -> ConnectionID? {
        state.session?.connection
    }

    /// Points the detail pane at another row and loads it (or empties it for none).
    static func showDetail(_ state: inout ConsoleState, of parent: RecordRow?) -> [Effect] {
        guard state.records != nil else { return [] }
        state.records!.detailParent = parent
        state.records!.detail.setRows([])
        state.records!.detail.marked = []
        state.loads = state.loads.filter { if case .records(.members, _, _) = $0.value { return false } else { return true } }
        guard let parent else {
            state.records!.detail.loading = .idle
            return []
        }
        state.records!.detail.loading = .loading(count: 0)
        return loadDetail(&state, parent)
    }

    static func loadDetail(_ state: inout ConsoleState, _ parent: RecordRow) -> [Effect] {
        let request = takeID(&state)
        state.loads[request] = .records(pane: .members, parentKey: parent.key, requestedAt: state.sequence)
        return [.loadRows(request: request, connection: parent.connection ?? connectionID(state), pane: .members, parent: parent.ref)]
    }

    static func rowsLoaded(_ state: inout ConsoleState, _ request: Int, _ result: Result<[RecordRow], MembershipError>) -> [Effect] {
        guard state.records != nil, let load = state.loads.removeValue(forKey: request),
              case let .records(pane, parentKey, requestedAt) = load else { return [] }
        if pane == .members, parentKey != state.records!.detailParent?.key { return [] }
        switch result {
        case let .success(loaded):
            let connection = connectionID(state)
            let rows = loaded.map { row -> RecordRow in
                var row = row
                if row.connection == nil { row.connection = connection }
                return row
            }
            if pane == .images, rows.contains(where: { $0.isExpandable || $0.parentKey != nil }) {
                state.records!.tree = rows
                rebuildTree(&state)
            } else {
                mergeRecords(&state, pane, rows, requestedAt: requestedAt)
            }
            state.records!.modify(pane) { $0.loading = .idle }
            if pane == .images, let parent = state.records!.detailParent, let fresh = state.records!.primary.row(key: parent.key) {
                state.records!.detailParent = fresh
            }
        case let .failure(error):
            state.records!.modify(pane) { $0.loading = .failed(describe(error)) }
            flash(&state, "\(paneTitle(state, pane)): \(describe(error))", .error)
        }
        return []
    }

    /// A reload replaces the rows, except what this console changed since it was requested: a row
    /// with a change in flight, or changed after the request, stays as the console shows it, and a
    /// row removed after the request stays removed (so a refresh racing an action never flickers).
    /// A row that changed elsewhere is highlighted.
    static func mergeRecords(_ state: inout ConsoleState, _ pane: PaneID, _ loaded: [RecordRow], requestedAt: Int) {
        guard let records = state.records else { return }
        let current = records.pane(pane)
        let wasLoaded = !isFirstLoad(current.loading)
        let until = state.now.addingTimeInterval(highlightSeconds)
        var rows: [RecordRow] = []
        var keys = Set<String>()
        for row in loaded where keys.insert(row.key).inserted {
            if pane == .members, let removedAt = records.removed[row.key], removedAt > requestedAt { continue }
            guard let existing = current.row(key: row.key) else {
                rows.append(row)
                continue
            }
            if existing.inFlight != nil || existing.changedAt > requestedAt {
                rows.append(existing)
            } else if wasLoaded, existing.cells != row.cells {
                var changed = row.keepingLocalState(of: existing)
                changed.highlight = Highlight(kind: .external, until: until)
                rows.append(changed)
            } else {
                rows.append(row.keepingLocalState(of: existing))
            }
        }
        for row in current.rows where !keys.contains(row.key) && (row.inFlight != nil || row.changedAt > requestedAt) {
            rows.append(row)
        }
        state.records!.modify(pane) { $0.setRows(rows) }
        if pane == .members { state.records!.removed = records.removed.filter { $0.value > requestedAt } }
    }

    /// The first pane: each parent row, and under an expanded one its children.
    static func rebuildTree(_ state: inout ConsoleState) {
        guard let records = state.records else { return }
        let rows = records.tree.compactMap { row -> RecordRow? in
            if let parent = row.parentKey { return records.expanded.contains(parent) ? row : nil }
            var row = row
            row.isExpanded = records.expanded.contains(row.key)
            return row
        }
        state.records!.primary.setRows(rows)
    }

    /// A pane's title as messages use it (`memberships of alice`).
    static func paneTitle(_ state: ConsoleState, _ pane: PaneID) -> String {
        recordPaneTitle(state, pane).lowercased()
    }

    /// A pane's title, `{}` filled in: the detail's parent for the second pane, the project otherwise.
    public static func recordPaneTitle(_ state: ConsoleState, _ pane: PaneID) -> String {
        let template = state.system.pane(pane).title
        let fill = pane == .members ? (state.records?.detailParent?.label ?? "…") : (state.session?.projectName ?? "")
        return template.replacingOccurrences(of: "{}", with: fill)
    }

    /// On each tick: the detail pane follows the first pane's cursor once it rests, while the first
    /// pane has the focus or the detail shows nothing yet (after a new connection).
    static func recordsFollowCursor(_ state: inout ConsoleState) -> [Effect] {
        guard let records = state.records, let selected = records.primary.selected else { return [] }
        guard state.focus == .images || records.detailParent == nil else { return [] }
        if selected.opensDetail {
            return selected.key == records.detailParent?.key ? [] : showDetail(&state, of: selected)
        }
        // A parent row (an image of versions) keeps the detail of the child chosen before.
        guard records.detailParent != nil, !selected.isExpandable else { return [] }
        return showDetail(&state, of: nil)
    }
}
