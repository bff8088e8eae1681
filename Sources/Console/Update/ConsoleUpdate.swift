import Foundation

/// The controller: `update(&state, event)` changes the state and returns the work to do.
/// Deterministic: no I/O, no clock (time arrives in `.tick`), no ncurses.
public enum ConsoleUpdate {
    /// How long a flash message stays.
    static let flashSeconds: Double = 4
    /// How long a changed row stays highlighted.
    static let highlightSeconds: Double = 1.5
    /// How long quitting waits for operations still in flight.
    static let quitGraceSeconds: Double = 3

    /// Takes the event by value, so loaded rows it was the only owner of are kept without a copy.
    public static func update(_ state: inout ConsoleState, _ event: consuming Event) -> [Effect] {
        state.sequence += 1
        switch consume event {
        case let .key(key): return handleKey(&state, key)
        case let .tick(date): return handleTick(&state, date)
        case let .resize(width, height, paneHeights):
            state.width = width
            state.height = height
            for (pane, rows) in paneHeights { state.records.modify(pane) { $0.setHeight(rows) } }
            return []
        case let .connected(info): return connected(&state, info)
        case let .connectionFailed(message):
            state.connectionError = message
            flash(&state, message, .error)
            // Logging in failed (the server down, say): try again by itself, waiting longer each time.
            state.freshness.failed(message, now: state.now)
            return []
        case let .rowsProgress(request, count):
            rowsProgress(&state, request, count)
            return []
        case let .clicked(pane, row):
            guard state.overlay == .none else { return [] }
            state.focus = pane
            if let row { movePane(&state, .by(row - state.records.pane(pane).cursor)) }
            return []
        case let .scrolled(pane, delta):
            guard state.overlay == .none else { return [] }
            state.focus = pane
            movePane(&state, .by(delta))
            return []
        case let .rowsArrived(request, rows):
            rowsArrived(&state, request, rows)
            return []
        case let .rowsLoaded(request, result): return rowsLoaded(&state, request, result)
        case let .inboxCloudRead(request, report):
            inboxCloudRead(&state, request, report)
            return []
        case let .operationDone(operation, result): return operationDone(&state, operation, result)
        case let .pickerLoaded(request, result): return pickerLoaded(&state, request, result)
        case let .projectsNamed(names):
            projectsNamed(&state, names)
            return []
        case let .projectAliased(id, name, error):
            projectAliased(&state, id: id, name: name, error: error)
            return []
        case let .described(request, result):
            described(&state, request, result)
            return []
        case let .retrying(delay, status):
            state.retryWait = RetryStatus(until: state.now.addingTimeInterval(delay), status: status)
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
        // The detail pane follows the first pane's cursor once it rests (one tick), not on every keypress.
        effects += followCursor(&state)
        // Stale or not connected: the scheduled try, whatever the refresh interval (also `off`).
        if let due = state.freshness.retryAt, date >= due, state.loads.isEmpty {
            state.freshness.retryAt = nil
            return effects + (state.session == nil ? reconnect(state) : startLoads(&state, includeDetail: true))
        }
        if state.session != nil, let interval = state.settings.refreshInterval {
            if let due = state.nextRefresh {
                if date >= due {
                    // Never overlap: a refresh waits for the previous loads to finish.
                    if state.loads.isEmpty { effects += startLoads(&state, includeDetail: true) }
                }
            } else {
                state.nextRefresh = date.addingTimeInterval(interval)
            }
        }
        return effects
    }

    static func expireHighlights(_ state: inout ConsoleState) {
        let now = state.now
        for pane in PaneID.allCases {
            for key in RecordRow.keysWithHighlightEnded(in: state.records.pane(pane).rows, by: now) {
                state.records.modify(pane) { $0.update(key: key) { $0.highlight = nil } }
            }
        }
    }

    // MARK: Helpers used across the controller

    /// A message in the footer; an error is also kept whole, with where and as whom, for `E`.
    static func flash(_ state: inout ConsoleState, _ text: String, _ level: Flash.Level) {
        // Project ids in the message read as their names, once known.
        let text = state.named(text)
        state.flash = Flash(text: text, level: level, until: state.now.addingTimeInterval(flashSeconds))
        if level == .error { state.lastError = ErrorReport(time: state.now, text: text, place: state.identity(of: nil)?.description) }
    }

    /// A refusal that says when to come back (`Retry-After` longer than the transport waits): the
    /// header counts it down, as it does the waits the transport makes.
    static func noteServerWait(_ state: inout ConsoleState, _ failure: Failure) {
        guard let wait = failure.retryAfter, wait > 0 else { return }
        let until = state.now.addingTimeInterval(wait)
        if let current = state.retryWait, current.until >= until { return }
        state.retryWait = RetryStatus(until: until, status: failure.status)
    }

    static func takeID(_ state: inout ConsoleState) -> Int {
        defer { state.nextID += 1 }
        return state.nextID
    }

    static func describe(_ error: Failure) -> String { error.description }
}
