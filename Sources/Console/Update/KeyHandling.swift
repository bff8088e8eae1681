import Foundation
import MembershipKit

/// Keys: overlays take them first, then the key map turns them into actions.
extension ConsoleUpdate {
    static func handleKey(_ state: inout ConsoleState, _ key: KeyPress) -> [Effect] {
        switch state.overlay {
        case let .prompt(prompt): return handlePromptKey(&state, prompt, key)
        case let .confirm(confirmation): return handleConfirmKey(&state, confirmation, key)
        case let .picker(picker): return handlePickerKey(&state, picker, key)
        case .help, .log:
            if key == .escape || key == .enter || state.settings.keyMap.action(for: key) == .quit
                || state.settings.keyMap.action(for: key) == .help || state.settings.keyMap.action(for: key) == .log {
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
        if let effects = recordsPerform(&state, action) { return effects }
        switch action {
        case .up: movePane(&state, .by(-1))
        case .down: movePane(&state, .by(1))
        case .top: movePane(&state, .first)
        case .bottom: movePane(&state, .last)
        case .pageUp: movePane(&state, .pageUp)
        case .pageDown: movePane(&state, .pageDown)
        case .nextPane, .paneRight: state.focus = state.focus.next
        case .previousPane, .paneLeft: state.focus = state.focus.previous
        case .open: return open(&state)
        case .back: back(&state)
        case .accept: return changeStatus(&state, to: .accepted)
        case .reject: return changeStatus(&state, to: .rejected)
        case .pending: return changeStatus(&state, to: .pending)
        case .share: return beginShare(&state)
        case .remove: return beginRemove(&state)
        case .toggleShare:
            // Only systems of record panes have a flag to toggle (their rows carry the change).
            return []
        case .mark:
            switch state.focus {
            case .images: flash(&state, "marks apply to members and memberships", .info)
            case .members:
                state.members.toggleMark()
                state.members.moveCursor(by: 1)
            case .memberships:
                state.memberships.toggleMark()
                state.memberships.moveCursor(by: 1)
            }
        case .filter:
            let current = filter(of: state, state.focus)?.typed ?? ""
            state.overlay = .prompt(Prompt(kind: .filter(state.focus), text: current))
        case .command: state.overlay = .prompt(Prompt(kind: .command))
        case .help: state.overlay = .help
        case .log: state.overlay = .log
        case .sort: cycleSort(&state)
        case .refresh:
            guard state.session != nil else { return [.connect] }
            guard state.loads.isEmpty else {
                flash(&state, "a refresh is already in progress", .info)
                return []
            }
            return startLoads(&state, includeMembers: true)
        case .quit: return quit(&state)
        }
        return []
    }

    /// Applies a cursor move to the focused pane.
    static func movePane(_ state: inout ConsoleState, _ move: CursorMove) {
        if state.records != nil {
            state.records!.modify(state.focus) { $0.apply(move) }
            return
        }
        switch state.focus {
        case .images: state.images.apply(move)
        case .members: state.members.apply(move)
        case .memberships: state.memberships.apply(move)
        }
    }

    static func open(_ state: inout ConsoleState) -> [Effect] {
        switch state.focus {
        case .images:
            guard let selected = state.images.selected else { return [] }
            state.focus = .members
            return selected.image.id == state.membersImageID ? [] : showMembers(&state, of: selected.image.id)
        case .memberships:
            guard let selected = state.memberships.selected else { return [] }
            if let position = state.images.visible.firstIndex(where: { state.images.rows[$0].key == selected.key }) {
                state.images.moveCursor(to: position)
            }
            state.focus = .members
            return selected.image.id == state.membersImageID ? [] : showMembers(&state, of: selected.image.id)
        case .members:
            return []
        }
    }

    /// Esc: clear marks, else the filter, else go back to the images pane.
    static func back(_ state: inout ConsoleState) {
        if let records = state.records {
            let pane = records.pane(state.focus)
            if pane.filter != nil {
                state.records!.modify(state.focus) { $0.setFilter(nil) }
            } else if state.focus != .images {
                state.focus = .images
            }
            return
        }
        switch state.focus {
        case .images:
            if state.images.filter != nil { state.images.setFilter(nil) }
        case .members:
            if !state.members.marked.isEmpty { state.members.marked = [] } else if state.members.filter != nil { state.members.setFilter(nil) } else { state.focus = .images }
        case .memberships:
            if !state.memberships.marked.isEmpty { state.memberships.marked = [] } else if state.memberships.filter != nil { state.memberships.setFilter(nil) } else { state.focus = .images }
        }
    }

    static func filter(of state: ConsoleState, _ pane: PaneID) -> RowFilter? {
        if let records = state.records { return records.pane(pane).filter }
        switch pane {
        case .images: return state.images.filter
        case .members: return state.members.filter
        case .memberships: return state.memberships.filter
        }
    }

    static func setFilter(_ state: inout ConsoleState, _ pane: PaneID, _ filter: RowFilter?) {
        if state.records != nil {
            state.records!.modify(pane) { $0.setFilter(filter) }
            return
        }
        switch pane {
        case .images: state.images.setFilter(filter)
        case .members: state.members.setFilter(filter)
        case .memberships: state.memberships.setFilter(filter)
        }
    }

    /// `s`: the next column, ascending; after the last column, back to the first.
    static func cycleSort(_ state: inout ConsoleState) {
        if let records = state.records {
            let columns = state.system.pane(state.focus).columns
            guard !columns.isEmpty else { return }
            let column = (records.pane(state.focus).sortColumn + 1) % columns.count
            state.records!.modify(state.focus) { $0.setSort(column: column, descending: false) }
            flash(&state, "sorted by \(columns[column])", .info)
            return
        }
        let name: String
        switch state.focus {
        case .images:
            let column = (state.images.sortColumn + 1) % ImageRow.columns.count
            state.images.setSort(column: column, descending: false)
            name = ImageRow.columns[column]
        case .members:
            let column = (state.members.sortColumn + 1) % MemberRow.columns.count
            state.members.setSort(column: column, descending: false)
            name = MemberRow.columns[column]
        case .memberships:
            let column = (state.memberships.sortColumn + 1) % MembershipRow.columns.count
            state.memberships.setSort(column: column, descending: false)
            name = MembershipRow.columns[column]
        }
        flash(&state, "sorted by \(name)", .info)
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
        if let change = confirmation.change { return startOperation(&state, change, batch: nil) }
        return remove(&state, confirmation.removals)
    }
}
