import Foundation
import MembershipKit

/// Keys on the record panes. Every change of every system goes through one engine: the row shows
/// the change in flight at once (several may be in flight together), settles on the server's
/// answer, or returns to what it was with the server's message (and request id) flashed.
extension ConsoleUpdate {
    /// Handles the actions the record panes do themselves; nil leaves the action to the shared code.
    static func recordsPerform(_ state: inout ConsoleState, _ action: Action) -> [Effect]? {
        guard state.records != nil else { return nil }
        switch action {
        case .open: return recordsOpen(&state)
        case .share: return recordsAdd(&state)
        case .remove, .toggleShare, .accept, .reject, .pending: return recordsRowAction(&state, action)
        case .mark:
            return []
        case .refresh:
            guard state.session != nil else { return [.connect] }
            guard state.loads.isEmpty else {
                flash(&state, "a refresh is already in progress", .info)
                return []
            }
            return startRecordLoads(&state, includeDetail: true)
        default:
            return nil
        }
    }

    /// Enter: on a row with children, shows or hides them; on a row with a detail, moves there.
    static func recordsOpen(_ state: inout ConsoleState) -> [Effect] {
        guard let records = state.records, state.focus == .images, let selected = records.primary.selected else { return [] }
        if selected.isExpandable {
            if records.expanded.contains(selected.key) {
                state.records!.expanded.remove(selected.key)
            } else {
                state.records!.expanded.insert(selected.key)
            }
            rebuildTree(&state)
            if let position = state.records!.primary.visible.firstIndex(where: { state.records!.primary.rows[$0].key == selected.key }) {
                state.records!.primary.moveCursor(to: position)
            }
            return []
        }
        guard selected.opensDetail else { return [] }
        state.focus = .members
        return selected.key == records.detailParent?.key ? [] : showDetail(&state, of: selected)
    }

    /// `+`: adds to the row whose detail is shown, as its system prepared (a prompt or a picker).
    static func recordsAdd(_ state: inout ConsoleState) -> [Effect] {
        guard let parent = state.records?.detailParent else {
            flash(&state, state.system.pane(.members).selectHint ?? "select a row first", .info)
            return []
        }
        guard let action = parent.actions[.share] else {
            flash(&state, "\(state.system.word(.share)) does not apply to \(parent.label)", .info)
            return []
        }
        return start(&state, action, pane: .members, rowKey: nil, connection: parent.connection)
    }

    /// A key that acts on the selected row of the focused pane.
    static func recordsRowAction(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        let pane = state.focus
        guard state.system.has(action, in: pane) else {
            let home = PaneID.allCases.first { state.system.has(action, in: $0) }
            flash(&state, home.map { "\(state.system.word(action)): focus the \(paneTitle(state, $0)) pane" } ?? "\(state.system.name) has no \(state.system.word(action))", .info)
            return []
        }
        guard let row = state.records?.pane(pane).selected else {
            flash(&state, "select a row of the \(paneTitle(state, pane)) pane first", .info)
            return []
        }
        // One change at a time per row; other rows may have theirs in flight.
        guard row.inFlight == nil else {
            flash(&state, "\(row.label): \(row.inFlight ?? "") wait for the answer", .info)
            return []
        }
        guard let rowAction = row.actions[action] else {
            flash(&state, "\(state.system.word(action)) does not apply to \(row.label)", .info)
            return []
        }
        return start(&state, rowAction, pane: pane, rowKey: row.key, connection: row.connection)
    }

    /// Carries out what a key (or a picker's choice) leads to.
    static func start(_ state: inout ConsoleState, _ action: RowAction, pane: PaneID, rowKey: String?, connection: ConnectionID?) -> [Effect] {
        switch action {
        case let .perform(operation):
            if state.settings.readOnly { return [] }
            return startOperation(&state, RecordChange(operation: operation, pane: pane, rowKey: rowKey, connection: connection), batch: nil)
        case let .confirm(title, message, confirmLabel, operation):
            var confirmation = Confirmation(title: title, message: message, confirmLabel: confirmLabel, removals: [])
            confirmation.change = RecordChange(operation: operation, pane: pane, rowKey: rowKey, connection: connection)
            state.overlay = .confirm(confirmation)
            return []
        case let .prompt(label, operation):
            state.overlay = .prompt(Prompt(kind: .operation(label: label, RecordChange(operation: operation, pane: pane, rowKey: nil, connection: connection))))
            return []
        case let .pick(request):
            return openPicker(&state, request, connection: connection)
        case let .refused(reason):
            flash(&state, reason, .warning)
            return []
        }
    }

    /// A prompt's ids (comma- or space-separated): one operation each, in flight together.
    static func submitOperationPrompt(_ state: inout ConsoleState, _ change: RecordChange, text: String) -> [Effect] {
        if state.settings.readOnly { return [] }
        let arguments = parseProjectIDs(text)
        guard !arguments.isEmpty else {
            flash(&state, "nothing typed: nothing changed", .warning)
            return []
        }
        let batch = arguments.count > 1 ? takeID(&state) : nil
        if let batch { state.batches[batch] = BatchProgress(verb: "done", total: arguments.count) }
        return arguments.flatMap { argument in
            var filled = change
            filled.operation = change.operation.with(argument: argument)
            return startOperation(&state, filled, batch: batch)
        }
    }

    /// Sends a change; the row shows it in flight until the answer. An addition shows its new row.
    static func startOperation(_ state: inout ConsoleState, _ change: RecordChange, batch: Int?) -> [Effect] {
        guard state.records != nil else { return [] }
        let operation = takeID(&state)
        var change = change
        change.parentKey = state.records?.detailParent?.key ?? ""
        change.parentLabel = state.records?.detailParent?.label ?? ""
        let sequence = state.sequence
        if var row = change.operation.newRow {
            row.inFlight = change.operation.inFlight
            row.operationID = operation
            row.changedAt = sequence
            row.connection = change.connection
            change.rowKey = row.key
            state.records!.modify(change.pane) { pane in
                if pane.row(key: row.key) == nil { pane.setRows(pane.rows + [row]) }
            }
        } else if let key = change.rowKey {
            state.records!.modify(change.pane) { pane in
                pane.update(key: key) {
                    $0.inFlight = change.operation.inFlight
                    $0.operationID = operation
                }
            }
        }
        state.operations[operation] = PendingOperation(kind: .record(change), batch: batch)
        return [.perform(operation: operation, connection: change.connection, change.operation)]
    }

    /// The answer: the row settles as the server has it, or returns to what it was.
    static func operationDone(_ state: inout ConsoleState, _ operation: Int, _ result: Result<OperationOutcome, MembershipError>) -> [Effect] {
        guard let pending = state.operations.removeValue(forKey: operation), case let .record(change) = pending.kind else { return [] }
        let until = state.now.addingTimeInterval(highlightSeconds)
        let sequence = state.sequence
        let description = change.operation.description
        let ownsRow: (RecordRow) -> Bool = { $0.operationID == operation }
        let entry: ActivityEntry
        switch result {
        case let .success(outcome):
            if let key = change.rowKey {
                state.records?.modify(change.pane) { pane in
                    guard let current = pane.row(key: key), ownsRow(current) else { return }
                    switch outcome {
                    case var .row(settled):
                        settled.connection = settled.connection ?? current.connection
                        settled.highlight = Highlight(kind: .settled, until: until)
                        settled.changedAt = sequence
                        if settled.key == key {
                            pane.update(key: key) { $0 = settled }
                        } else {
                            pane.setRows(pane.rows.filter { $0.key != key && $0.key != settled.key } + [settled])
                        }
                    case .removed:
                        pane.setRows(pane.rows.filter { $0.key != key })
                    }
                }
                if case .removed = outcome, change.pane == .members { state.records?.removed[key] = sequence }
            }
            entry = activityEntry(state, change, outcome: .done, detail: nil)
            settle(&state, batch: pending.batch, failure: nil, single: "\(description): done")
        case let .failure(error):
            if let key = change.rowKey {
                state.records?.modify(change.pane) { pane in
                    guard let current = pane.row(key: key), ownsRow(current) else { return }
                    if change.operation.newRow != nil {
                        // The addition did not happen: its row goes.
                        pane.setRows(pane.rows.filter { $0.key != key })
                    } else {
                        pane.update(key: key) {
                            $0.inFlight = nil
                            $0.operationID = nil
                            $0.highlight = Highlight(kind: .failed, until: until)
                        }
                    }
                }
            }
            entry = activityEntry(state, change, outcome: .failed, detail: describe(error))
            settle(&state, batch: pending.batch, failure: "\(description): \(describe(error))", single: nil)
        }
        var effects = record(&state, [entry])
        // Panes that show the change's consequences are read again; the row itself is already right.
        if case .success = result {
            for pane in state.system.refreshAfterChange {
                if pane == .members {
                    if let parent = state.records?.detailParent { effects += loadDetail(&state, parent) }
                    continue
                }
                let request = takeID(&state)
                state.loads[request] = .records(pane: pane, parentKey: nil, requestedAt: state.sequence)
                effects.append(.loadRows(request: request, connection: change.connection, pane: pane, parent: nil))
            }
        }
        return effects
    }

    /// An activity line for a record operation, under the row whose detail was shown when it was sent.
    static func activityEntry(_ state: ConsoleState, _ change: RecordChange, outcome: ActivityEntry.Outcome, detail: String?) -> ActivityEntry {
        ActivityEntry(time: state.now, imageID: change.parentKey, imageName: change.parentLabel, memberID: "", from: "",
                      to: change.operation.description, outcome: outcome, detail: detail)
    }
}
