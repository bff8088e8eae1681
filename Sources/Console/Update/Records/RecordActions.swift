import Foundation

/// Keys that change something. Every change of every system goes through one engine: the row shows
/// the change in flight at once (several may be in flight together, and every row showing the same
/// record shows it too), settles on the server's answer, or returns to what it was with the
/// server's message (and request id) flashed.
extension ConsoleUpdate {
    /// Enter: on a row with children, shows or hides them; on a row with a detail, moves there.
    static func openRow(_ state: inout ConsoleState) -> [Effect] {
        let records = state.records
        switch state.focus {
        case .images:
            guard let selected = records.primary.selected else { return [] }
            if selected.isExpandable {
                if records.expanded.contains(selected.key) {
                    state.records.expanded.remove(selected.key)
                } else {
                    state.records.expanded.insert(selected.key)
                }
                rebuildTree(&state)
                if let position = state.records.primary.visible.firstIndex(where: { state.records.primary.rows[$0].key == selected.key }) {
                    state.records.primary.moveCursor(to: position)
                }
                return []
            }
            // A row with nothing to open shows its record.
            guard selected.opensDetail else { return describeRow(&state) }
            state.focus = .members
            state.openedFrom = .images
            return selected.key == records.detailParent?.key ? [] : showDetail(&state, of: selected)
        case .memberships:
            // An overview row opens the first pane's row of the same key (selected there too), or
            // itself when the first pane does not list it.
            guard let selected = records.overview.selected else { return [] }
            guard selected.opensDetail else { return describeRow(&state) }
            var parent = selected
            if let position = records.primary.visible.firstIndex(where: { records.primary.rows[$0].key == selected.key }) {
                state.records.primary.moveCursor(to: position)
                parent = records.primary.rows[records.primary.visible[position]]
            }
            state.focus = .members
            state.openedFrom = .memberships
            return parent.key == records.detailParent?.key ? [] : showDetail(&state, of: parent)
        case .members:
            return describeRow(&state)
        }
    }

    /// `+`: adds to the row whose detail is shown (the selected one, when the first pane has the
    /// focus), as its system prepared: a prompt or a picker.
    static func addToDetail(_ state: inout ConsoleState) -> [Effect] {
        var parent = state.records.detailParent
        if state.focus == .images, let selected = state.records.primary.selected, selected.opensDetail { parent = selected }
        guard let parent else {
            flash(&state, state.system.pane(.members).selectHint ?? "select a row first", .info)
            return []
        }
        guard let action = parent.actions[.share] else {
            flash(&state, "\(state.system.word(.share)) does not apply to \(parent.label)", .info)
            return []
        }
        if case let .refused(reason) = action {
            flash(&state, reason, .warning)
            return []
        }
        // A change to the parent itself (making an image shared before it can have members) is the
        // row's own: it shows in flight, and settles, on the parent's row.
        if case let .confirm(_, _, _, operation, _) = action, operation.newRow == nil, state.records.primary.row(key: parent.key) != nil {
            return start(&state, action.bound(to: parent), pane: .images, rowKey: parent.key, connection: parent.connection)
        }
        // The detail pane shows where the new rows go.
        let shown = parent.key == state.records.detailParent?.key ? [] : showDetail(&state, of: parent)
        return shown + start(&state, action.bound(to: parent), pane: .members, rowKey: nil, connection: parent.connection)
    }

    /// Space: marks the selected row (in panes that take marks) and moves on.
    static func toggleMark(_ state: inout ConsoleState) -> [Effect] {
        guard state.system.has(.mark, in: state.focus) else {
            flashActionHome(&state, .mark)
            return []
        }
        state.records.modify(state.focus) {
            $0.toggleMark()
            $0.moveCursor(by: 1)
        }
        return []
    }

    /// Says which pane has `action`, or that the system has none.
    static func flashActionHome(_ state: inout ConsoleState, _ action: Action) {
        let homes = PaneID.allCases.filter { state.system.has(action, in: $0) }.map { paneName(state, $0) }
        let word = state.system.word(action)
        flash(&state, homes.isEmpty ? "\(state.system.name) has no \(word)" : "\(word): focus the \(homes.joined(separator: " or the ")) pane", .info)
    }

    /// A key that acts on the selected row of the focused pane, or on every marked row.
    static func rowAction(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        let pane = state.focus
        guard state.system.has(action, in: pane) else {
            flashActionHome(&state, action)
            return []
        }
        let paneState = state.records.pane(pane)
        let rows = paneState.marked.isEmpty ? paneState.selected.map { [$0] } ?? [] : paneState.markedRows
        guard !rows.isEmpty else {
            flash(&state, "select a row of the \(paneTitle(state, pane)) pane first", .info)
            return []
        }
        var chosen: [(row: RecordRow, action: RowAction, origin: PaneID)] = []
        var refusals: [(text: String, level: Flash.Level)] = []
        for row in rows {
            // One change at a time per row; other rows may have theirs in flight.
            if let inFlight = row.inFlight {
                refusals.append(("\(row.label): \(inFlight) wait for the answer", .info))
                continue
            }
            switch resolve(state, action, on: row, in: pane) {
            case let .success(resolved): chosen.append((row, resolved.action.bound(to: resolved.row), resolved.origin))
            case let .failure(refusal): refusals.append((refusal.text, refusal.level))
            }
        }
        state.records.modify(pane) { $0.marked = [] }
        guard let first = chosen.first else {
            if let refusal = refusals.first { flash(&state, refusal.text, refusal.level) }
            return []
        }
        if chosen.count == 1 {
            // The marked rows left out say why until the answer's message replaces it.
            if let refusal = refusals.first { flash(&state, refusal.text, refusal.level) }
            return start(&state, first.action, pane: pane, rowKey: first.row.key, connection: first.row.connection, origin: first.origin)
        }
        // Several marked rows: one dialog, or one batch, for all of them (prompts and pickers act on one row).
        let changes = chosen.compactMap { item -> RecordChange? in
            guard let operation = item.action.operation else { return nil }
            var change = RecordChange(operation: operation, pane: pane, rowKey: item.row.key, connection: item.row.connection)
            change.origin = item.origin
            return change
        }
        if case let .confirm(title, _, confirmLabel, _, many) = first.action {
            let message = (many ?? "\(title) {n} rows: {names}?").replacingOccurrences(of: "{n}", with: "\(changes.count)")
                .replacingOccurrences(of: "{names}", with: namesList(chosen.map(\.row.label)))
            var confirmation = Confirmation(title: title, message: state.named(message), confirmLabel: confirmLabel, changes: changes)
            confirmation.doneWord = state.system.doneWord(action)
            state.overlay = .confirm(confirmation)
            return []
        }
        return startBatch(&state, changes, doneWord: state.system.doneWord(action), skipped: refusals.map(\.text))
    }

    /// `proj-b, proj-c and proj-d`; after 8 names, how many more.
    static func namesList(_ names: [String]) -> String {
        let shown = Array(names.prefix(8))
        if names.count > shown.count { return shown.joined(separator: ", ") + " and \(names.count - shown.count) more" }
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1]
    }

    /// Why a key does nothing to a row.
    struct Refusal: Error {
        var text: String
        var level: Flash.Level
    }

    /// What `action` does to `row`: the row's own action, or (in a pane that shows another pane's
    /// state) the action of the linked row, whose pane then answers for it.
    static func resolve(_ state: ConsoleState, _ action: Action, on row: RecordRow, in pane: PaneID)
        -> Result<(action: RowAction, origin: PaneID, row: RecordRow), Refusal> {
        if let linked = state.system.pane(pane).linked, linked.actions.contains(action) {
            guard let source = linkedRow(state, of: row, linked), let sourceAction = source.actions[action] else {
                return .failure(Refusal(text: linked.missing, level: .warning))
            }
            if case let .refused(reason) = sourceAction { return .failure(Refusal(text: reason, level: .warning)) }
            return .success((sourceAction, linked.source, source))
        }
        guard let own = row.actions[action] else {
            return .failure(Refusal(text: "\(state.system.word(action)) does not apply to \(row.label)", level: .info))
        }
        if case let .refused(reason) = own { return .failure(Refusal(text: reason, level: .warning)) }
        return .success((own, pane, row))
    }

    /// The row of `linked.source` that holds `row`'s state.
    static func linkedRow(_ state: ConsoleState, of row: RecordRow, _ linked: LinkedState) -> RecordRow? {
        guard let subject = row.subject else { return nil }
        return state.records.pane(linked.source).rows.first { $0.subject == subject }
    }

    /// Carries out what a key (or a picker's choice) leads to.
    static func start(_ state: inout ConsoleState, _ action: RowAction, pane: PaneID, rowKey: String?, connection: ConnectionID?,
                      origin: PaneID? = nil) -> [Effect] {
        var change: RecordChange? = action.operation.map { RecordChange(operation: $0, pane: pane, rowKey: rowKey, connection: connection) }
        change?.origin = origin ?? pane
        switch action {
        case .perform:
            if state.settings.readOnly { return [] }
            return change.map { startOperation(&state, $0, batch: nil) } ?? []
        case let .confirm(title, message, confirmLabel, _, _):
            state.overlay = .confirm(Confirmation(title: title, message: state.named(message), confirmLabel: confirmLabel, changes: change.map { [$0] } ?? []))
            return []
        case let .prompt(label, operation):
            var promptChange = RecordChange(operation: operation, pane: pane, rowKey: nil, connection: connection)
            promptChange.origin = origin ?? pane
            state.overlay = .prompt(Prompt(kind: .operation(label: label, promptChange)))
            return []
        case let .pick(request):
            return openPicker(&state, request, connection: connection)
        case let .refused(reason):
            flash(&state, reason, .warning)
            return []
        }
    }

    /// Ids from a prompt: comma- or space-separated, duplicates dropped.
    public static func parseProjectIDs(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .map(String.init)
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// A prompt's ids: one operation each, in flight together.
    static func submitOperationPrompt(_ state: inout ConsoleState, _ change: RecordChange, text: String) -> [Effect] {
        if state.settings.readOnly { return [] }
        let arguments = parseProjectIDs(text)
        guard !arguments.isEmpty else {
            flash(&state, "nothing typed: nothing changed", .warning)
            return []
        }
        let changes = arguments.map { argument -> RecordChange in
            var filled = change
            filled.operation = change.operation.with(argument: argument)
            return filled
        }
        return startBatch(&state, changes, doneWord: state.system.doneWord(.share))
    }

    /// Sends changes together; when there are several, one summary flashes when the last answers.
    static func startBatch(_ state: inout ConsoleState, _ changes: [RecordChange], doneWord: String, skipped: [String] = []) -> [Effect] {
        if state.settings.readOnly { return [] }
        let batch = changes.count > 1 ? takeID(&state) : nil
        if let batch { state.batches[batch] = BatchProgress(verb: doneWord, total: changes.count, skipped: skipped) }
        return changes.flatMap { startOperation(&state, $0, batch: batch) }
    }

    /// Sends a change; the row, and every row showing the same record, show it in flight until the
    /// answer. An addition shows its new row.
    static func startOperation(_ state: inout ConsoleState, _ change: RecordChange, batch: Int?) -> [Effect] {
        let operation = takeID(&state)
        var change = change
        change.parentKey = state.records.detailParent?.key ?? ""
        change.parentLabel = state.records.detailParent?.label ?? ""
        let sequence = state.sequence
        let inFlight = change.operation.inFlight
        if var row = change.operation.newRow {
            row.inFlight = inFlight
            row.operationID = operation
            row.changedAt = sequence
            row.connection = change.connection
            change.rowKey = row.key
            change.logName = row.logName
            state.records.modify(change.pane) { pane in
                if pane.row(key: row.key) == nil { pane.setRows(pane.rows + [row]) }
            }
        } else if let key = change.rowKey, let row = state.records.pane(change.pane).row(key: key) {
            change.logName = row.logName
            state.records.modify(change.pane) { pane in
                pane.update(key: key) {
                    $0.inFlight = inFlight
                    $0.operationID = operation
                }
            }
            if let subject = row.subject {
                for pane in PaneID.allCases {
                    for linked in state.records.pane(pane).rows where linked.subject == subject && linked.inFlight == nil {
                        if change.logName == nil || pane == change.origin { change.logName = linked.logName ?? change.logName }
                        state.records.modify(pane) { $0.update(key: linked.key) { $0.inFlight = inFlight; $0.operationID = operation } }
                    }
                }
            }
        }
        state.operations[operation] = PendingOperation(change: change, batch: batch)
        return [.perform(operation: operation, connection: change.connection, change.operation)]
    }

    /// The answer: every row the change put in flight settles as the server has it (a row of
    /// another pane takes the answer's state), or returns to what it was.
    static func operationDone(_ state: inout ConsoleState, _ operation: Int, _ result: Result<OperationOutcome, Failure>) -> [Effect] {
        guard let pending = state.operations.removeValue(forKey: operation) else { return [] }
        let change = pending.change
        let until = state.now.addingTimeInterval(highlightSeconds)
        let sequence = state.sequence
        let description = change.operation.description
        let entry: ActivityEntry
        switch result {
        case var .success(outcome):
            // A row of `:inbox all` settles as it is shown: with its cloud, key and subject.
            if change.origin == .memberships, case var .row(settled) = outcome {
                settled.connection = settled.connection ?? change.connection
                decorateInboxRow(state, &settled)
                outcome = .row(settled)
            }
            var settledState: String?
            if case let .row(settled) = outcome {
                settledState = state.system.pane(change.origin).stateColumn.map { settled.cell($0) }
            }
            let focus = state.focus
            for pane in PaneID.allCases {
                let owned = state.records.pane(pane).rows.filter { $0.operationID == operation }
                guard !owned.isEmpty else { continue }
                let stateColumn = state.system.pane(pane).stateColumn
                state.records.modify(pane) { paneState in
                    for current in owned {
                        switch outcome {
                        case var .row(settled) where pane == change.origin:
                            settled.connection = settled.connection ?? current.connection
                            settled.highlight = Highlight(kind: .settled, until: until)
                            settled.changedAt = sequence
                            if settled.key == current.key {
                                // In the pane the key was pressed in, the cursor keeps its place.
                                paneState.update(key: current.key, keepingPlace: pane == focus) { $0 = settled }
                            } else {
                                paneState.setRows(paneState.rows.filter { $0.key != current.key && $0.key != settled.key } + [settled])
                            }
                        case .removed where pane == change.pane || pane == change.origin:
                            paneState.setRows(paneState.rows.filter { $0.key != current.key })
                        default:
                            // A row showing the same record elsewhere takes the answer's state.
                            paneState.update(key: current.key) { row in
                                if let column = stateColumn, let settledState, column < row.cells.count { row.cells[column] = settledState }
                                row.inFlight = nil
                                row.operationID = nil
                                row.highlight = Highlight(kind: .settled, until: until)
                                row.changedAt = sequence
                            }
                        }
                    }
                }
            }
            if case .removed = outcome, change.pane == .members, let key = change.rowKey { state.records.removed[key] = sequence }
            entry = activityEntry(state, change, to: settledState ?? (outcome == .removed ? change.operation.to : nil), outcome: .done, detail: nil)
            let done = change.operation.doneMessage ?? "\(description): done"
            settle(&state, batch: pending.batch, failure: nil, single: done)
            offerAcceptance(&state, pending, outcome)
        case let .failure(error):
            for pane in PaneID.allCases {
                let owned = state.records.pane(pane).rows.filter { $0.operationID == operation }
                guard !owned.isEmpty else { continue }
                state.records.modify(pane) { paneState in
                    for current in owned {
                        if change.operation.newRow != nil, pane == change.pane {
                            // The addition did not happen: its row goes.
                            paneState.setRows(paneState.rows.filter { $0.key != current.key })
                        } else {
                            paneState.update(key: current.key) {
                                $0.inFlight = nil
                                $0.operationID = nil
                                $0.highlight = Highlight(kind: .failed, until: until)
                            }
                        }
                    }
                }
            }
            entry = activityEntry(state, change, outcome: .failed, detail: describe(error))
            settle(&state, batch: pending.batch, failure: "\(description): \(describe(error))", single: nil)
            noteServerWait(&state, error)
        }
        var effects = record(&state, [entry])
        // Panes that show the change's consequences are read again; the row itself is already right.
        if case .success = result {
            for pane in state.system.refreshAfterChange {
                if pane == .members {
                    if let parent = state.records.detailParent { effects += loadDetail(&state, parent) }
                    continue
                }
                let request = takeID(&state)
                state.loads[request] = .records(pane: pane, parentKey: nil, requestedAt: state.sequence)
                effects.append(.loadRows(request: request, connection: change.connection, pane: pane, parent: nil, scope: state.imageScope))
            }
        }
        return effects
    }

    /// Counts an answer into its batch (flashing the summary when the batch is complete), or
    /// flashes the single operation's outcome.
    static func settle(_ state: inout ConsoleState, batch: Int?, failure: String?, single: String?) {
        if let batch, var progress = state.batches[batch] {
            if let failure { progress.failures.append(failure) } else { progress.succeeded += 1 }
            state.batches[batch] = progress
            if progress.isComplete {
                state.batches[batch] = nil
                flash(&state, progress.summary, progress.failures.isEmpty ? .info : .error)
            }
            return
        }
        if let failure { flash(&state, failure, .error) } else if let single { flash(&state, single, .info) }
    }
}

extension ConsoleUpdate {
    /// The two-sided handshake: a single addition whose new row the system lets me accept with the
    /// member's own credentials (a confirmation naming them) is offered at once: Enter shares and
    /// accepts, Esc leaves it pending.
    static func offerAcceptance(_ state: inout ConsoleState, _ pending: PendingOperation, _ outcome: OperationOutcome) {
        guard pending.batch == nil, pending.change.operation.newRow != nil, state.overlay == .none, !state.settings.readOnly,
              case let .row(settled) = outcome, let accept = settled.actions[.accept], case .confirm = accept else { return }
        _ = start(&state, accept.bound(to: settled), pane: pending.change.pane, rowKey: settled.key, connection: settled.connection)
    }
}

extension RowAction {
    /// The action as sent for `row` (see `RowOperation.bound(to:)`); a prompt's label too.
    func bound(to row: RecordRow) -> RowAction {
        switch self {
        case let .perform(operation): return .perform(operation.bound(to: row))
        case let .confirm(title, message, confirmLabel, operation, many):
            let fill = { (text: String) in text.replacingOccurrences(of: "{key}", with: row.key).replacingOccurrences(of: "{row}", with: row.label) }
            return .confirm(title: fill(title), message: fill(message), confirmLabel: confirmLabel, operation.bound(to: row), many: many.map(fill))
        case let .prompt(label, operation):
            return .prompt(label: label.replacingOccurrences(of: "{row}", with: row.label), operation.bound(to: row))
        case .pick, .refused: return self
        }
    }

    /// The change this action sends, for actions that send one.
    var operation: RowOperation? {
        switch self {
        case let .perform(operation), let .confirm(_, _, _, operation, _): return operation
        case .prompt, .pick, .refused: return nil
        }
    }
}
