import Foundation

/// Keys: overlays take them first, then the key map turns them into actions.
extension ConsoleUpdate {
    static func handleKey(_ state: inout ConsoleState, _ key: KeyPress) -> [Effect] {
        switch state.overlay {
        case let .prompt(prompt): return handlePromptKey(&state, prompt, key)
        case let .confirm(confirmation): return handleConfirmKey(&state, confirmation, key)
        case let .picker(picker): return handlePickerKey(&state, picker, key)
        case let .reader(reader): return handleReaderKey(&state, reader, key)
        case .help:
            if key == .escape || key == .enter || state.settings.keyMap.action(for: key) == .quit
                || state.settings.keyMap.action(for: key) == .help {
                state.overlay = .none
            }
            return []
        case .none:
            break
        }
        guard let action = state.settings.keyMap.action(for: key) else { return [] }
        return perform(&state, action)
    }

    static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        if action.isMutating && state.settings.readOnly {
            flash(&state, "read-only: \(action.summary) is disabled", .warning)
            return []
        }
        if action.isMutating && state.session == nil { return [] }
        // A capability the system lacks: its key only says so.
        if action.isCapability, !state.system.has(action) {
            flash(&state, "\(state.system.name) has no \(state.system.word(action))", .info)
            return []
        }
        switch action {
        case .up: movePane(&state, .by(-1))
        case .down: movePane(&state, .by(1))
        case .top: movePane(&state, .first)
        case .bottom: movePane(&state, .last)
        case .pageUp: movePane(&state, .pageUp)
        case .pageDown: movePane(&state, .pageDown)
        case .nextPane: state.focus = state.focus.next
        case .previousPane: state.focus = state.focus.previous
        // h and l move by place: the images pane is left of both others, whichever is focused.
        case .paneLeft: state.focus = .images
        case .paneRight: if state.focus == .images { state.focus = .members }
        case .open: return openRow(&state)
        case .back: back(&state)
        case .accept, .reject, .pending, .remove, .toggleShare: return rowAction(&state, action)
        case .share: return addToDetail(&state)
        case .mark: return toggleMark(&state)
        case .filter:
            let current = state.records.pane(state.focus).filter?.typed ?? ""
            state.overlay = .prompt(Prompt(kind: .filter(state.focus), text: current))
        case .command: state.overlay = .prompt(Prompt(kind: .command))
        case .help: state.overlay = .help
        case .log: openLog(&state)
        case .describe: return describeRow(&state)
        case .sharedWith: return listSharedWith(&state)
        case .copyID: return copyRowID(&state)
        case .lastError: openLastError(&state)
        case .nameProject: openProjectNamePrompt(&state)
        case .sort: cycleSort(&state)
        case .reverseSort: reverseSort(&state)
        case .refresh:
            guard state.session != nil else {
                if state.settings.chooseCloudFirst, state.chosenCloud == nil { openCloudPicker(&state) }
                return reconnect(state)
            }
            guard state.loads.isEmpty else {
                flash(&state, "a refresh is already in progress", .info)
                return []
            }
            return startLoads(&state, includeDetail: true)
        case .quit: return quit(&state)
        }
        return []
    }

    /// Applies a cursor move to the focused pane.
    static func movePane(_ state: inout ConsoleState, _ move: CursorMove) {
        state.records.modify(state.focus) { $0.apply(move) }
    }

    /// Esc: clear marks, else the filter, else go back: to the pane Enter came from (the inbox,
    /// after opening a share), or the first pane.
    static func back(_ state: inout ConsoleState) {
        let pane = state.records.pane(state.focus)
        if !pane.marked.isEmpty {
            state.records.modify(state.focus) { $0.marked = [] }
        } else if pane.filter != nil {
            state.records.modify(state.focus) { $0.setFilter(nil) }
        } else if state.focus != .images {
            state.focus = state.focus == .members ? state.openedFrom ?? .images : .images
            state.openedFrom = nil
        }
    }

    static func setFilter(_ state: inout ConsoleState, _ pane: PaneID, _ filter: RowFilter?) {
        state.records.modify(pane) { $0.setFilter(filter) }
    }

    /// `s`: the next column, ascending; after the last column, back to the first.
    static func cycleSort(_ state: inout ConsoleState) {
        let columns = state.system.pane(state.focus).columns
        guard !columns.isEmpty else { return }
        let column = (state.records.pane(state.focus).sortColumn + 1) % columns.count
        state.records.modify(state.focus) { $0.setSort(column: column, descending: false) }
        flash(&state, "sorted by \(columns[column].title)", .info)
    }

    /// `S`: the same column, the other way round.
    static func reverseSort(_ state: inout ConsoleState) {
        let columns = state.system.pane(state.focus).columns
        let pane = state.records.pane(state.focus)
        guard columns.indices.contains(pane.sortColumn) else { return }
        state.records.modify(state.focus) { $0.setSort(column: pane.sortColumn, descending: !pane.sortDescending) }
        flash(&state, "sorted by \(columns[pane.sortColumn].title), \(pane.sortDescending ? "ascending" : "descending")", .info)
    }

    static func quit(_ state: inout ConsoleState) -> [Effect] {
        guard !state.operations.isEmpty else {
            state.shouldExit = true
            return [.quit]
        }
        if state.quitRequestedAt == nil { state.quitRequestedAt = state.now }
        let pending = state.operations.values.map(\.description).sorted().joined(separator: "; ")
        flash(&state, "waiting up to \(Int(quitGraceSeconds)) s for \(state.operations.count) operation(s): \(pending)", .warning)
        return []
    }

    // MARK: Dialog

    static func handleConfirmKey(_ state: inout ConsoleState, _ confirmation: Confirmation, _ key: KeyPress) -> [Effect] {
        var dialog = confirmation
        switch key {
        case .tab, .backTab, .left, .right, .character("h"), .character("l"):
            dialog.focusOnConfirm.toggle()
            state.overlay = .confirm(dialog)
        case .escape, .character("n"), .character("N"):
            state.overlay = .none
        case .character("y"), .character("Y"):
            state.overlay = .none
            return confirmed(&state, confirmation)
        case .enter:
            state.overlay = .none
            if dialog.focusOnConfirm { return confirmed(&state, confirmation) }
        default:
            break
        }
        return []
    }

    static func confirmed(_ state: inout ConsoleState, _ confirmation: Confirmation) -> [Effect] {
        startBatch(&state, confirmation.changes, doneWord: confirmation.doneWord)
    }
}
