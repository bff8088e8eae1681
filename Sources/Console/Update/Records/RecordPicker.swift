import Foundation

/// Pickers: a searchable list the system fills (a group; then a role), whose choice leads to the
/// next step the system prepared.
extension ConsoleUpdate {
    static func openPicker(_ state: inout ConsoleState, _ request: PickerRequest, connection: ConnectionID?) -> [Effect] {
        let load = takeID(&state)
        state.overlay = .picker(Picker(request: request, loadID: load))
        state.loads[load] = .picker
        return [.loadPicker(request: load, connection: connection, request)]
    }

    static func pickerLoaded(_ state: inout ConsoleState, _ request: Int, _ result: Result<[PickerItem], Failure>) -> [Effect] {
        guard state.loads.removeValue(forKey: request) != nil, case var .picker(picker) = state.overlay, picker.loadID == request else { return [] }
        picker.isLoading = false
        switch result {
        case let .success(items): picker.items = items
        case let .failure(error): picker.error = describe(error)
        }
        state.overlay = .picker(picker)
        return []
    }

    static func handlePickerKey(_ state: inout ConsoleState, _ picker: Picker, _ key: KeyPress) -> [Effect] {
        var picker = picker
        switch key {
        case .escape:
            if picker.purpose == .cloud {
                cloudChoiceCancelled(&state)
                return []
            }
            state.overlay = .none
            state.loads.removeValue(forKey: picker.loadID)
            return []
        case .up: picker.cursor = max(0, picker.cursor - 1)
        case .down: picker.cursor = min(max(0, picker.visible.count - 1), picker.cursor + 1)
        case .pageUp: picker.cursor = max(0, picker.cursor - 10)
        case .pageDown: picker.cursor = min(max(0, picker.visible.count - 1), picker.cursor + 10)
        case .backspace, .delete, .control("h"):
            if !picker.filter.isEmpty { picker.filter.removeLast() }
            picker.cursor = 0
        case .control("u"):
            picker.filter = ""
            picker.cursor = 0
        case let .character(character):
            picker.filter.append(character)
            picker.cursor = 0
        case .enter:
            guard let choice = picker.selected else { return [] }
            if picker.purpose == .cloud { return chooseCloud(&state, choice.id) }
            state.overlay = .none
            guard let next = choice.next else { return [] }
            let parent = state.records.detailParent
            return start(&state, next, pane: .members, rowKey: nil, connection: parent?.connection ?? connectionID(state))
        default:
            return []
        }
        state.overlay = .picker(picker)
        return []
    }
}
