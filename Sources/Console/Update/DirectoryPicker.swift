import Foundation
import MembershipKit

/// The searchable list `+` opens on Atmosphere (a group) and Bonita (a group, then a role).
extension ConsoleUpdate {
    static func openPicker(_ state: inout ConsoleState, _ purpose: PickerPurpose) -> [Effect] {
        let request = takeID(&state)
        state.overlay = .picker(Picker(purpose: purpose, request: request))
        state.loads[request] = .picker
        return [.loadPicker(request: request, purpose)]
    }

    static func pickerLoaded(_ state: inout ConsoleState, _ request: Int, _ result: Result<[PickerItem], MembershipError>) -> [Effect] {
        guard state.loads.removeValue(forKey: request) != nil, case var .picker(picker) = state.overlay, picker.request == request else { return [] }
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
            state.overlay = .none
            state.loads.removeValue(forKey: picker.request)
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
            state.overlay = .none
            return choose(&state, picker.purpose, choice)
        default:
            return []
        }
        state.overlay = .picker(picker)
        return []
    }

    /// What choosing leads to: the change itself, or the next picker.
    static func choose(_ state: inout ConsoleState, _ purpose: PickerPurpose, _ choice: PickerItem) -> [Effect] {
        switch purpose {
        case let .atmosphereGroup(versionID, versionName):
            return startDirectoryAction(&state, .addAtmosphereMembership(versionID: versionID, groupUUID: choice.id, label: "\(choice.label) to \(versionName)"),
                                        rowKey: nil, inFlight: nil)
        case let .bonitaGroup(userID, userName):
            guard let groupID = Int(choice.id) else { return [] }
            return openPicker(&state, .bonitaRole(userID: userID, userName: userName, groupID: groupID, groupLabel: choice.label))
        case let .bonitaRole(userID, userName, groupID, groupLabel):
            guard let roleID = Int(choice.id) else { return [] }
            return startDirectoryAction(&state, .addBonitaMembership(userID: userID, groupID: groupID, roleID: roleID,
                                                                     label: "\(userName) to \(groupLabel) as \(choice.label)"),
                                        rowKey: nil, inFlight: nil)
        }
    }
}
