import Foundation
import MembershipKit

/// Glance v1, Atmosphere and Bonita: connecting, loading the three panes, and the detail pane that
/// follows the selected row of the first.
extension ConsoleUpdate {
    /// A connection to a system of another kind replaces the panes; the loads start.
    static func directoryConnected(_ state: inout ConsoleState, _ info: SessionInfo) -> [Effect] {
        let previous = state.session
        state.session = info
        state.connectionError = nil
        state.truncation = nil
        if let kind = info.directoryKind {
            if state.directory?.profile.kind != kind || (previous != nil && previous != info) {
                state.directory = DirectoryState(profile: .of(kind))
                state.focus = .images
                state.loads = [:]
                if previous != nil { flash(&state, "connected to \(info.cloud)", .info) }
            }
            return startDirectoryLoads(&state, includeDetail: false)
        }
        state.directory = nil
        return []
    }

    static func startDirectoryLoads(_ state: inout ConsoleState, includeDetail: Bool) -> [Effect] {
        guard state.directory != nil else { return [] }
        var effects: [Effect] = []
        for pane in [PaneID.images, .memberships] {
            let request = takeID(&state)
            state.loads[request] = .directory(pane: pane, parent: nil, requestedAt: state.sequence)
            if state.directory!.pane(pane).rows.isEmpty { state.directory!.modify(pane) { $0.loading = .loading(count: 0) } }
            effects.append(.loadDirectory(request: request, pane: pane, parent: nil))
        }
        if includeDetail, let parent = state.directory?.detailParent {
            effects += loadDetail(&state, parent)
        }
        if let interval = state.settings.refreshInterval { state.nextRefresh = state.now.addingTimeInterval(interval) }
        return effects
    }

    /// The row of the first pane whose detail shows: an image (v1), a version (Atmosphere), a user (Bonita).
    static func detailTarget(_ row: RecordRow) -> RecordRef? {
        switch row.ref {
        case .v1Image, .atmoVersion, .bonitaUser: return row.ref
        default: return nil
        }
    }

    /// Points the detail pane at another row and loads it (or empties it for a row without detail).
    static func showDetail(_ state: inout ConsoleState, of parent: RecordRef?) -> [Effect] {
        guard state.directory != nil else { return [] }
        state.directory!.detailParent = parent
        state.directory!.detail.setRows([])
        state.directory!.detail.marked = []
        state.loads = state.loads.filter { if case .directory(.members, _, _) = $0.value { return false } else { return true } }
        guard let parent else {
            state.directory!.detail.loading = .idle
            return []
        }
        state.directory!.detail.loading = .loading(count: 0)
        return loadDetail(&state, parent)
    }

    static func loadDetail(_ state: inout ConsoleState, _ parent: RecordRef) -> [Effect] {
        let request = takeID(&state)
        state.loads[request] = .directory(pane: .members, parent: parent, requestedAt: state.sequence)
        return [.loadDirectory(request: request, pane: .members, parent: parent)]
    }

    static func directoryLoaded(_ state: inout ConsoleState, _ request: Int, _ result: Result<[RecordRow], MembershipError>) -> [Effect] {
        guard state.directory != nil, let load = state.loads.removeValue(forKey: request),
              case let .directory(pane, parent, _) = load else { return [] }
        if pane == .members, parent != state.directory!.detailParent { return [] }
        switch result {
        case let .success(rows):
            if pane == .images, state.directory!.profile.kind == .atmosphere {
                state.directory!.tree = rows
                rebuildTree(&state)
            } else {
                // Rows with a change in flight keep showing it until the change answers.
                let inFlight = Dictionary(state.directory!.pane(pane).rows.compactMap { row in row.inFlight.map { (row.key, $0) } },
                                          uniquingKeysWith: { first, _ in first })
                state.directory!.modify(pane) { paneState in
                    paneState.setRows(rows.map { row in
                        var row = row
                        row.inFlight = inFlight[row.key]
                        return row
                    })
                }
            }
            state.directory!.modify(pane) { $0.loading = .idle }
        case let .failure(error):
            state.directory!.modify(pane) { $0.loading = .failed(describe(error)) }
            flash(&state, "\(paneTitle(state, pane)): \(describe(error))", .error)
        }
        return []
    }

    /// Atmosphere's first pane: each image, and under an expanded one its versions.
    static func rebuildTree(_ state: inout ConsoleState) {
        guard let directory = state.directory else { return }
        let rows = directory.tree.compactMap { row -> RecordRow? in
            if let parent = row.parentKey { return directory.expanded.contains(parent) ? row : nil }
            var row = row
            row.isExpanded = directory.expanded.contains(row.key)
            return row
        }
        state.directory!.primary.setRows(rows)
    }

    static func paneTitle(_ state: ConsoleState, _ pane: PaneID) -> String {
        state.directory?.title(pane, project: state.session?.projectName ?? "").lowercased() ?? "\(pane)"
    }

    /// On each tick: the detail pane follows the first pane's cursor once it rests.
    static func directoryFollowCursor(_ state: inout ConsoleState) -> [Effect] {
        guard let directory = state.directory, state.focus == .images, let selected = directory.primary.selected else { return [] }
        let target = detailTarget(selected)
        guard target != directory.detailParent else { return [] }
        // An Atmosphere image keeps the version chosen before, until another version is selected.
        if target == nil, case .atmoImage = selected.ref, directory.detailParent != nil { return [] }
        return showDetail(&state, of: target)
    }
}
