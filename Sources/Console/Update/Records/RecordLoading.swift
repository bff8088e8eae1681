import Foundation

/// The panes' rows: connecting, loading the three panes, the detail pane that follows the selected
/// row of the first, and merging a reload with what this console changed meanwhile.
extension ConsoleUpdate {
    /// A connection: a new system or session starts the panes over.
    static func connected(_ state: inout ConsoleState, _ info: SessionInfo) -> [Effect] {
        let previous = state.session
        state.session = info
        state.system = info.system
        state.identities[info.connection] = ConnectionIdentity(info)
        state.connectionError = nil
        // Logged in: no login retry is due any more (a failed load schedules its own).
        state.freshness.retryAt = nil
        state.truncation = nil
        defer {
            applyInboxColumns(&state)
            applySweepPane(&state)
        }
        if let previous, previous != info {
            // Another cloud or endpoint: nothing of the previous one may stay on screen.
            state.records = RecordPanes()
            state.focus = .images
            // Names are per Keystone: the next one may know ids this one could not name.
            state.projectNames = [:]
            state.namesAsked = []
            state.everyNameAsked = false
            state.loads = [:]
            state.arrivedPages = [:]
            state.inboxSpan = .here
            state.inboxClouds = [:]
            state.sweep = nil
            flash(&state, "connected to \(info.cloud)", .info)
        }
        return startLoads(&state, includeDetail: false)
    }

    /// Loads the first and third panes (and the detail, on a refresh); none while another refresh is in flight.
    static func startLoads(_ state: inout ConsoleState, includeDetail: Bool) -> [Effect] {
        var effects: [Effect] = []
        for pane in [PaneID.images, .memberships] {
            if state.records.pane(pane).rows.isEmpty { state.records.modify(pane) { $0.loading = .loading(count: 0) } }
            if pane == .memberships {
                effects.append(loadInbox(&state))
                continue
            }
            let request = takeID(&state)
            state.loads[request] = .records(pane: pane, parentKey: nil, requestedAt: state.sequence)
            if state.records.primary.rows.isEmpty { state.streamingLoad = request }
            effects.append(.loadRows(request: request, connection: connectionID(state), pane: pane, parent: nil, scope: state.imageScope))
        }
        if includeDetail, let parent = state.records.detailParent {
            effects += loadDetail(&state, parent)
        }
        if let interval = state.settings.refreshInterval { state.nextRefresh = state.now.addingTimeInterval(interval) }
        return effects
    }

    /// Reloads the first pane alone (`:images all`), replacing any load of it in flight.
    static func reloadPrimary(_ state: inout ConsoleState) -> [Effect] {
        state.records.primary.setRows([])
        state.records.tree = []
        state.records.primary.loading = .loading(count: 0)
        state.loads = state.loads.filter { if case .records(.images, _, _) = $0.value { return false } else { return true } }
        state.arrivedPages = [:]
        guard state.session != nil else { return [] }
        let request = takeID(&state)
        state.loads[request] = .records(pane: .images, parentKey: nil, requestedAt: state.sequence)
        state.streamingLoad = request
        return [.loadRows(request: request, connection: connectionID(state), pane: .images, parent: nil, scope: state.imageScope)]
    }

    /// The connection of the session: rows loaded through it belong to it.
    static func connectionID(_ state: ConsoleState) -> ConnectionID? {
        state.session?.connection
    }

    /// Points the detail pane at another row and loads it (or empties it for none).
    static func showDetail(_ state: inout ConsoleState, of parent: RecordRow?) -> [Effect] {
        // A row's detail takes the pane back from a sweep.
        if state.sweep != nil, parent?.key != sweepKey { endSweep(&state) }
        state.records.detailParent = parent
        state.records.detail.setRows([])
        state.records.detail.marked = []
        // Loads of the previous row are dropped: their results would be ignored anyway.
        state.loads = state.loads.filter { if case .records(.members, _, _) = $0.value { return false } else { return true } }
        guard let parent, parent.detailNote == nil else {
            state.records.detail.loading = .idle
            return []
        }
        state.records.detail.loading = .loading(count: 0)
        return loadDetail(&state, parent)
    }

    static func loadDetail(_ state: inout ConsoleState, _ parent: RecordRow) -> [Effect] {
        guard parent.detailNote == nil else { return [] }
        let request = takeID(&state)
        state.loads[request] = .records(pane: .members, parentKey: parent.key, requestedAt: state.sequence)
        if let criteria = state.sweep, parent.key == sweepKey {
            return [.loadSweep(request: request, connection: connectionID(state), criteria: criteria)]
        }
        return [.loadRows(request: request, connection: parent.connection ?? connectionID(state), pane: .members, parent: parent,
                          scope: state.imageScope)]
    }

    /// Rows counted so far by a long listing (page by page).
    static func rowsProgress(_ state: inout ConsoleState, _ request: Int, _ count: Int) {
        guard case let .records(pane, _, _)? = state.loads[request] else { return }
        state.records.modify(pane) { $0.loading = .loading(count: count) }
    }

    /// A page of the images pane's first listing: shown at once, each row in its sorted place, so
    /// the first rows are on screen while the rest are still coming (100,000 images take a
    /// hundred pages). A refresh's pages are not shown: they are kept, and its rows replace the
    /// pane's at its end. The runner keeps no page it posted, so none is dropped here.
    static func rowsArrived(_ state: inout ConsoleState, _ request: Int, _ page: consuming [RecordRow]) {
        guard case .records? = state.loads[request] else { return }
        var rows = consume page
        // A tree (images with versions) is laid out once it is whole.
        let shown = state.streamingLoad == request && state.arrivedPages[request] == nil && state.records.tree.isEmpty
            && !rows.contains(where: { $0.isExpandable || $0.parentKey != nil })
        guard shown, case .records(.images, _, _)? = state.loads[request] else {
            state.arrivedPages[request, default: []].append(contentsOf: rows)
            return
        }
        prepare(state, .images, &rows)
        state.records.modify(.images) { $0.appendRows(rows) }
    }

    /// Takes the loaded rows by value (`consuming`): when the event was the only owner of the
    /// array, the pane keeps that array, and filling in a linked state writes into it rather than
    /// into a copy of 10,000 rows.
    static func rowsLoaded(_ state: inout ConsoleState, _ request: Int, _ result: consuming Result<[RecordRow], Failure>) -> [Effect] {
        guard let load = state.loads.removeValue(forKey: request), case let .records(pane, parentKey, requestedAt) = load else { return [] }
        let streamed = state.streamingLoad == request
        if streamed { state.streamingLoad = nil }
        // Pages kept for this load come before its own rows (after those of its pages already shown,
        // when a page of a tree stopped the showing); pages of loads given up are dropped.
        let kept = state.arrivedPages.removeValue(forKey: request)
        if !state.arrivedPages.isEmpty { state.arrivedPages = state.arrivedPages.filter { state.loads[$0.key] != nil } }
        var result = consume result
        if let kept, case let .success(rest) = result {
            result = .success((streamed ? state.records.pane(pane).rows : []) + kept + rest)
        }
        if pane == .members, parentKey != state.records.detailParent?.key { return [] }
        var seen: [ActivityEntry] = []
        var detail: [Effect] = []
        var loaded = false
        switch consume result {
        case var .success(rows) where streamed && kept == nil && !rows.contains(where: { $0.isExpandable || $0.parentKey != nil }):
            // Every page is on screen: the rows no page carried join them.
            loaded = true
            prepare(state, pane, &rows)
            state.records.modify(pane) {
                $0.appendRows(rows)
                $0.loading = .idle
            }
            detail += loadFinished(&state, pane)
        case var .success(rows):
            loaded = true
            prepare(state, pane, &rows)
            if pane == .memberships { detail += inboxBell(&state, rows) }
            if pane == .images, rows.contains(where: { $0.isExpandable || $0.parentKey != nil }) {
                state.records.tree = consume rows
                rebuildTree(&state)
            } else {
                seen = mergeRows(&state, pane, consume rows, requestedAt: requestedAt, streamed: streamed)
            }
            state.records.modify(pane) { $0.loading = .idle }
            detail += loadFinished(&state, pane)
        case let .failure(error):
            // Rows already shown (a refresh) stay, with what is in flight; the failure is shown and flashed.
            state.records.modify(pane) { $0.loading = .failed(describe(error)) }
            flash(&state, "\(paneTitle(state, pane)): \(describe(error))", .error)
            noteServerWait(&state, error)
            // The panes keep what they showed, marked stale in the header; the console tries again by
            // itself, not before the server said to.
            if pane != .members {
                state.freshness.failed(describe(error), now: state.now, notBefore: state.retryWait?.until)
            }
        }
        // Names for the ids just shown, once the rows are on screen.
        let names = loaded ? nameProjects(&state, in: pane) : []
        return detail + names + record(&state, seen)
    }

    /// What follows a pane's rows loaded: the panes current again, linked panes in step, and the
    /// detail of the selected image reloaded when it became shared (or stopped being).
    private static func loadFinished(_ state: inout ConsoleState, _ pane: PaneID) -> [Effect] {
        // Current again only when the other list is not the one that failed (a server that
        // refuses the images but answers the inbox leaves the images stale).
        let other: PaneID = pane == .images ? .memberships : .images
        var otherFailed = false
        if case .failed = state.records.pane(other).loading { otherFailed = true }
        if pane != .members, !otherFailed {
            if state.freshness.isStale { flash(&state, "reconnected: the panes are current again", .info) }
            state.freshness.refreshed(now: state.now)
        }
        syncLinkedPanes(&state, from: pane)
        if pane == .images, let parent = state.records.detailParent, let fresh = state.records.primary.row(key: parent.key) {
            state.records.detailParent = fresh
            // Shared since (or no longer): its detail is loaded (or the pane says why there is none).
            if fresh.detailNote != parent.detailNote { return showDetail(&state, of: fresh) }
        }
        return []
    }

    /// A reload replaces the rows, except what this console changed since it was requested: a row
    /// with a change in flight, or changed after the request, stays as the console shows it, and a
    /// row removed after the request stays removed (so a refresh racing an action never flickers).
    /// A row that changed elsewhere is highlighted, and a changed state is logged as seen.
    static func mergeRows(_ state: inout ConsoleState, _ pane: PaneID, _ loaded: consuming [RecordRow], requestedAt: Int,
                          streamed: Bool = false) -> [ActivityEntry] {
        let records = state.records
        let current = records.pane(pane)
        // The pages shown while the listing went on are this listing's own rows: the whole list
        // replaces them unless the operator acted on one meanwhile.
        let untouched = streamed && !current.rows.contains { $0.inFlight != nil || $0.changedAt > requestedAt }
        // Usually the pages were the whole list: then nothing is rebuilt (100,000 rows re-sorted
        // and re-indexed would hold the keys up once more at the end).
        if untouched, current.holdsExactly(loaded) { return [] }
        if current.rows.isEmpty || untouched, pane != .members || records.removed.isEmpty {
            // Nothing shown, nothing removed: the rows as loaded (each key once), without a copy.
            var keys = Set<String>()
            if !loaded.allSatisfy({ keys.insert($0.key).inserted }) {
                var seen = Set<String>()
                loaded = loaded.filter { seen.insert($0.key).inserted }
            }
            state.records.setRows(pane, consume loaded)
            return []
        }
        let wasLoaded = !isFirstLoad(current.loading)
        let until = state.now.addingTimeInterval(highlightSeconds)
        // A pane showing another pane's state leaves the news to that pane.
        let stateColumn = state.system.pane(pane).linked == nil ? state.system.pane(pane).stateColumn : nil
        var rows: [RecordRow] = []
        var seen: [ActivityEntry] = []
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
                if let stateColumn, let name = row.logName, existing.cell(stateColumn) != row.cell(stateColumn) {
                    let who = state.identity(of: row.connection)
                    seen.append(ActivityEntry(time: state.now, imageID: name.objectID, imageName: name.objectName, memberID: name.memberID,
                                              from: existing.cell(stateColumn), to: row.cell(stateColumn), outcome: .seen,
                                              place: who?.place ?? "", user: who?.user ?? ""))
                }
            } else {
                rows.append(row.keepingLocalState(of: existing))
            }
        }
        for row in current.rows where !keys.contains(row.key) && (row.inFlight != nil || row.changedAt > requestedAt) {
            rows.append(row)
        }
        state.records.modify(pane) { $0.setRows(rows) }
        if pane == .members { state.records.removed = records.removed.filter { $0.value > requestedAt } }
        return seen
    }

    /// True while a pane waits for its first rows (`.loading`), as opposed to a refresh of rows already shown.
    static func isFirstLoad(_ loading: LoadState) -> Bool {
        if case .loading = loading { return true }
        return false
    }

    /// Loaded rows as the pane keeps them: with the session's connection where the system named
    /// none, and, in a pane that shows another pane's state, that state filled in (so a refresh
    /// whose state did not change is not news). One pass, writing only what differs, so rows
    /// already as kept, and the array, are not copied.
    static func prepare(_ state: ConsoleState, _ pane: PaneID, _ rows: inout [RecordRow]) {
        let connection = connectionID(state)
        let linked = linkedStates(state, pane)
        let everyCloud = pane == .memberships && state.inboxSpan == .everyCloud
        for index in rows.indices {
            if rows[index].connection == nil { rows[index].connection = connection }
            if everyCloud { decorateInboxRow(state, &rows[index]) }
            if let (column, states) = linked, let subject = rows[index].subject, column < rows[index].cells.count,
               rows[index].cells[column] != states[subject] ?? "" {
                rows[index].cells[column] = states[subject] ?? ""
            }
        }
    }

    /// For a pane that shows another pane's state: its state column, and the state of each subject
    /// in the other pane.
    static func linkedStates(_ state: ConsoleState, _ pane: PaneID) -> (column: Int, states: [String: String])? {
        let model = state.system.pane(pane)
        guard let linked = model.linked, let column = model.stateColumn else { return nil }
        let sourceColumn = state.system.pane(linked.source).stateColumn
        var states: [String: String] = [:]
        for row in state.records.pane(linked.source).rows {
            if let subject = row.subject { states[subject] = row.cell(sourceColumn) }
        }
        return (column, states)
    }

    /// After `source` loaded, the panes showing its state read it again (rows with their own change
    /// in flight keep showing it).
    static func syncLinkedPanes(_ state: inout ConsoleState, from source: PaneID) {
        for pane in PaneID.allCases where state.system.pane(pane).linked?.source == source {
            syncLinkedState(&state, of: pane)
        }
    }

    /// A pane that shows another pane's state reads it again: only the rows whose state changed
    /// are touched, in place.
    static func syncLinkedState(_ state: inout ConsoleState, of pane: PaneID) {
        guard let (column, states) = linkedStates(state, pane) else { return }
        let stale: [String: String] = {
            var stale: [String: String] = [:]
            for row in state.records.pane(pane).rows where row.inFlight == nil {
                guard let subject = row.subject, column < row.cells.count else { continue }
                let value = states[subject] ?? ""
                if row.cells[column] != value { stale[row.key] = value }
            }
            return stale
        }()
        if !stale.isEmpty {
            state.records.modify(pane) { $0.update(keys: Array(stale.keys)) { row in row.cells[column] = stale[row.key] ?? "" } }
        }
        if pane == .images, !state.records.tree.isEmpty {
            state.records.tree = state.records.tree.map { row in
                guard let subject = row.subject, column < row.cells.count else { return row }
                var row = row
                row.cells[column] = states[subject] ?? ""
                return row
            }
        }
    }

    /// The first pane: each parent row, and under an expanded one its children.
    static func rebuildTree(_ state: inout ConsoleState) {
        let records = state.records
        let rows = records.tree.compactMap { row -> RecordRow? in
            if let parent = row.parentKey { return records.expanded.contains(parent) ? row : nil }
            var row = row
            row.isExpanded = records.expanded.contains(row.key)
            return row
        }
        state.records.primary.setRows(rows)
    }

    /// A pane's title as messages use it (`memberships of alice`).
    static func paneTitle(_ state: ConsoleState, _ pane: PaneID) -> String {
        recordPaneTitle(state, pane).lowercased()
    }

    /// A pane as messages name it whatever row it shows (`members`, not `members of golden`).
    static func paneName(_ state: ConsoleState, _ pane: PaneID) -> String {
        let title = state.system.pane(pane).title
        guard pane == .members, let detail = title.range(of: " of {}") ?? title.range(of: " {}") else { return paneTitle(state, pane) }
        return String(title[..<detail.lowerBound]).lowercased()
    }

    /// A pane's title, `{}` filled in: the detail's parent for the second pane, the project otherwise.
    public static func recordPaneTitle(_ state: ConsoleState, _ pane: PaneID) -> String {
        let model = state.system.pane(pane)
        let template = state.imageScope == .all ? (model.allTitle ?? model.title) : model.title
        if pane == .members, let sweep = state.sweep { return "Sweep: \(sweep.description)" }
        let fill = pane == .members ? (state.records.detailParent?.label ?? "…") : (state.session?.projectName ?? "")
        let title = template.replacingOccurrences(of: "{}", with: fill)
        return pane == .memberships ? title + inboxSpanTitle(state) : title
    }

    /// On each tick: the detail pane follows the first pane's cursor once it rests, while the first
    /// pane has the focus or the detail shows nothing yet (after a new connection).
    static func followCursor(_ state: inout ConsoleState) -> [Effect] {
        let records = state.records
        guard let selected = records.primary.selected else { return [] }
        guard state.focus == .images || records.detailParent == nil else { return [] }
        if selected.opensDetail {
            // The same row again: nothing to do, unless it now has a detail, or no longer has one.
            let same = selected.key == records.detailParent?.key && selected.detailNote == records.detailParent?.detailNote
            return same ? [] : showDetail(&state, of: selected)
        }
        // A parent row (an image of versions) keeps the detail of the child chosen before.
        guard records.detailParent != nil, !selected.isExpandable else { return [] }
        return showDetail(&state, of: nil)
    }
}
