import Foundation
import MembershipKit

/// The controller: `update(&state, event)` changes the state and returns the work to do.
/// Deterministic: no I/O, no clock (time arrives in `.tick`), no ncurses.
public enum ConsoleUpdate {
    /// How long a flash message stays.
    static let flashSeconds: Double = 4
    /// How long a changed row stays highlighted.
    static let highlightSeconds: Double = 1.5
    /// How long quitting waits for operations still in flight.
    static let quitGraceSeconds: Double = 3

    public static func update(_ state: inout ConsoleState, _ event: Event) -> [Effect] {
        state.sequence += 1
        switch event {
        case let .key(key): return handleKey(&state, key)
        case let .tick(date): return handleTick(&state, date)
        case let .resize(width, height, paneHeights):
            state.width = width
            state.height = height
            if let rows = paneHeights[.images] { state.images.setHeight(rows) }
            if let rows = paneHeights[.members] { state.members.setHeight(rows) }
            if let rows = paneHeights[.memberships] { state.memberships.setHeight(rows) }
            for (pane, rows) in paneHeights { state.records?.modify(pane) { $0.setHeight(rows) } }
            return []
        case let .connected(info) where info.system.layout == .records:
            state.images.setRows([])
            state.members.setRows([])
            state.memberships.setRows([])
            state.membersImageID = nil
            return recordsConnected(&state, info)
        case let .connected(info):
            state.system = info.system
            if state.records != nil {
                // From a system of record panes back to images and shares: the panes start over.
                state.records = nil
                state.loads = [:]
                state.focus = .images
                flash(&state, "connected to \(info.cloud)", .info)
            }
            if let previous = state.session, previous != info {
                // Another cloud (`:cloud`): nothing of the previous one may stay on screen.
                state.images.setRows([])
                state.members.setRows([])
                state.memberships.setRows([])
                state.membersImageID = nil
                state.loads = [:]
                state.focus = .images
                flash(&state, "connected to \(info.cloud)", .info)
            }
            state.session = info
            state.connectionError = nil
            state.truncation = nil
            return startLoads(&state, includeMembers: false)
        case let .connectionFailed(message):
            state.connectionError = message
            flash(&state, message, .error)
            return []
        case let .imagesProgress(request, count):
            if state.loads[request] != nil { state.images.loading = .loading(count: count) }
            return []
        case let .imagesLoaded(request, result): return imagesLoaded(&state, request, result)
        case let .membersLoaded(request, imageID, result): return membersLoaded(&state, request, imageID, result)
        case let .membershipsLoaded(request, result): return membershipsLoaded(&state, request, result)
        case let .memberUpdated(operation, result): return memberUpdated(&state, operation, result)
        case let .memberAdded(operation, result): return memberAdded(&state, operation, result)
        case let .memberRemoved(operation, result): return memberRemoved(&state, operation, result)
        case let .clicked(pane, row):
            guard state.overlay == .none else { return [] }
            state.focus = pane
            if let row { movePane(&state, .by(row - cursor(of: state, pane))) }
            return []
        case let .scrolled(pane, delta):
            guard state.overlay == .none else { return [] }
            state.focus = pane
            movePane(&state, .by(delta))
            return []
        case let .rowsLoaded(request, result): return rowsLoaded(&state, request, result)
        case let .operationDone(operation, result): return operationDone(&state, operation, result)
        case let .pickerLoaded(request, result): return pickerLoaded(&state, request, result)
        case let .retrying(notice):
            state.retryWait = RetryStatus(until: state.now.addingTimeInterval(notice.delay), status: notice.status)
            return []
        case let .listingTruncated(truncation):
            // The pane shows what loaded; the header keeps saying it is not all, the flash says why.
            state.truncation = truncation
            flash(&state, truncation.description, .warning)
            return []
        }
    }

    // MARK: Time

    static func handleTick(_ state: inout ConsoleState, _ date: Date) -> [Effect] {
        state.now = date
        state.tickCount += 1
        if let flash = state.flash, flash.until <= date { state.flash = nil }
        if let wait = state.retryWait, wait.until <= date { state.retryWait = nil }
        expireHighlights(&state)
        var effects: [Effect] = []
        if let requested = state.quitRequestedAt {
            if state.operations.isEmpty || date.timeIntervalSince(requested) >= quitGraceSeconds {
                state.shouldExit = true
                return [.quit]
            }
        }
        // The members pane follows the images cursor once it rests (one tick), not on every keypress:
        // while the images pane has the focus, or while the members pane shows nothing yet.
        if state.records != nil {
            effects += recordsFollowCursor(&state)
        } else if state.focus == .images || state.membersImageID == nil, let selected = state.images.selected,
                  selected.image.id != state.membersImageID {
            effects += showMembers(&state, of: selected.image.id)
        }
        if state.session != nil, let interval = state.settings.refreshInterval {
            if let due = state.nextRefresh {
                if date >= due {
                    // Never overlap: a refresh waits for the previous loads to finish.
                    if state.loads.isEmpty {
                        effects += state.records != nil ? startRecordLoads(&state, includeDetail: true) : startLoads(&state, includeMembers: true)
                    }
                }
            } else {
                state.nextRefresh = date.addingTimeInterval(interval)
            }
        }
        return effects
    }

    static func expireHighlights(_ state: inout ConsoleState) {
        let now = state.now
        for row in state.members.rows where (row.highlight?.until).map({ $0 <= now }) == true {
            state.members.update(key: row.key) { $0.highlight = nil }
        }
        for row in state.memberships.rows where (row.highlight?.until).map({ $0 <= now }) == true {
            state.memberships.update(key: row.key) { $0.highlight = nil }
        }
        for pane in PaneID.allCases {
            for row in state.records?.pane(pane).rows ?? [] where (row.highlight?.until).map({ $0 <= now }) == true {
                state.records?.modify(pane) { $0.update(key: row.key) { $0.highlight = nil } }
            }
        }
    }

    // MARK: Helpers used across the controller

    static func cursor(of state: ConsoleState, _ pane: PaneID) -> Int {
        if let records = state.records { return records.pane(pane).cursor }
        switch pane {
        case .images: return state.images.cursor
        case .members: return state.members.cursor
        case .memberships: return state.memberships.cursor
        }
    }

    static func flash(_ state: inout ConsoleState, _ text: String, _ level: Flash.Level) {
        state.flash = Flash(text: text, level: level, until: state.now.addingTimeInterval(flashSeconds))
    }

    static func takeID(_ state: inout ConsoleState) -> Int {
        defer { state.nextID += 1 }
        return state.nextID
    }

    static func describe(_ error: MembershipError) -> String { error.description }

    /// The name of an image as the panes know it, for messages and the activity log.
    static func imageName(_ state: ConsoleState, _ imageID: String) -> String {
        state.images.row(key: imageID)?.image.name ?? state.memberships.row(key: imageID)?.image.name ?? imageID
    }
}
