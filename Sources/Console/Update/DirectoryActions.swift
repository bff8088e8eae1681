import Foundation
import MembershipKit

/// Keys in Glance v1, Atmosphere and Bonita: Enter opens (and expands Atmosphere images), `+` adds
/// (a prompt for v1, a searchable picker for Atmosphere and Bonita), `d` removes after a
/// confirmation, `c` toggles v1's can_share. Status keys do not exist there.
extension ConsoleUpdate {
    /// Handles the actions that differ from Glance v2; nil leaves the action to the shared code.
    static func directoryPerform(_ state: inout ConsoleState, _ action: Action) -> [Effect]? {
        guard let directory = state.directory else { return nil }
        if action.isMutating, !directory.profile.allows(action) {
            flash(&state, "\(directory.profile.kind.rawValue) has no \(action.summary)", .info)
            return []
        }
        switch action {
        case .open: return directoryOpen(&state)
        case .share: return directoryAdd(&state)
        case .remove: return directoryBeginRemove(&state)
        case .toggleShare: return directoryToggleShare(&state)
        case .mark:
            flash(&state, "marks are for Glance v2 members", .info)
            return []
        case .refresh:
            guard state.session != nil else { return [.connect] }
            guard state.loads.isEmpty else {
                flash(&state, "a refresh is already in progress", .info)
                return []
            }
            return startDirectoryLoads(&state, includeDetail: true)
        default:
            return nil
        }
    }

    static func directoryOpen(_ state: inout ConsoleState) -> [Effect] {
        guard let directory = state.directory else { return [] }
        switch state.focus {
        case .images:
            guard let selected = directory.primary.selected else { return [] }
            if selected.isExpandable {
                if directory.expanded.contains(selected.key) {
                    state.directory!.expanded.remove(selected.key)
                } else {
                    state.directory!.expanded.insert(selected.key)
                }
                rebuildTree(&state)
                if let position = state.directory!.primary.visible.firstIndex(where: { state.directory!.primary.rows[$0].key == selected.key }) {
                    state.directory!.primary.moveCursor(to: position)
                }
                return []
            }
            state.focus = .members
            let target = detailTarget(selected)
            return target == directory.detailParent ? [] : showDetail(&state, of: target)
        case .members, .memberships:
            return []
        }
    }

    /// `+`: where it applies, start adding to the detail pane's parent.
    static func directoryAdd(_ state: inout ConsoleState) -> [Effect] {
        guard let parent = state.directory?.detailParent else {
            flash(&state, "select \(selectionNoun(state)) first", .info)
            return []
        }
        switch parent {
        case let .v1Image(id, name):
            state.overlay = .prompt(Prompt(kind: .addV1Member(imageID: id, imageName: name.isEmpty ? id : name)))
            return []
        case let .atmoVersion(id, name):
            return openPicker(&state, .atmosphereGroup(versionID: id, versionName: name))
        case let .bonitaUser(id, name):
            return openPicker(&state, .bonitaGroup(userID: id, userName: name))
        default:
            return []
        }
    }

    static func selectionNoun(_ state: ConsoleState) -> String {
        switch state.directory?.profile.kind {
        case .atmosphere?: return "an image version (Enter on an image shows its versions)"
        case .bonita?: return "a user"
        default: return "an image"
        }
    }

    /// v1's member prompt: project ids, comma-separated; each added with can_share off.
    static func submitV1Members(_ state: inout ConsoleState, imageID: String, text: String) -> [Effect] {
        let members = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        guard !members.isEmpty else { return [] }
        return members.flatMap { startDirectoryAction(&state, .addV1Member(imageID: imageID, memberID: $0), rowKey: nil, inFlight: nil) }
    }

    static func directoryBeginRemove(_ state: inout ConsoleState) -> [Effect] {
        guard state.focus == .members, let row = state.directory?.detail.selected else {
            flash(&state, "select a row of the \(paneTitle(state, .members)) pane to remove", .info)
            return []
        }
        let action: DirectoryAction
        switch row.ref {
        case let .v1Member(imageID, memberID, _): action = .removeV1Member(imageID: imageID, memberID: memberID)
        case let .atmoMembership(id, _, group): action = .removeAtmosphereMembership(id: id, label: "\(group) from \(state.directory?.detailParent?.label ?? "the version")")
        case let .bonitaMembership(user, group, role, label): action = .removeBonitaMembership(userID: user, groupID: group, roleID: role, label: label)
        default: return []
        }
        var confirmation = Confirmation(title: "Remove", message: "\(action.description)?", confirmLabel: "Remove", removals: [])
        confirmation.actions = [action]
        state.overlay = .confirm(confirmation)
        return []
    }

    static func directoryToggleShare(_ state: inout ConsoleState) -> [Effect] {
        guard state.focus == .members, let row = state.directory?.detail.selected, case let .v1Member(imageID, memberID, canShare) = row.ref else {
            flash(&state, "select a member to toggle can share", .info)
            return []
        }
        return startDirectoryAction(&state, .setV1CanShare(imageID: imageID, memberID: memberID, canShare: !canShare),
                                    rowKey: row.key, inFlight: "can share → \(canShare ? "no" : "yes")…")
    }

    /// Confirmed removals.
    static func directoryRemove(_ state: inout ConsoleState, _ actions: [DirectoryAction]) -> [Effect] {
        guard let row = state.directory?.detail.selected else { return [] }
        return actions.flatMap { startDirectoryAction(&state, $0, rowKey: row.key, inFlight: "removing…") }
    }

    /// Sends a change; the row shows it in flight until the answer.
    static func startDirectoryAction(_ state: inout ConsoleState, _ action: DirectoryAction, rowKey: String?, inFlight: String?) -> [Effect] {
        let operation = takeID(&state)
        state.operations[operation] = PendingOperation(kind: .directory(action), batch: nil)
        if let rowKey, let inFlight { state.directory?.detail.update(key: rowKey) { $0.inFlight = inFlight } }
        flash(&state, action.description + "…", .info)
        return [.directoryAction(operation: operation, action)]
    }

    static func directoryDone(_ state: inout ConsoleState, _ operation: Int, _ result: Result<Void, MembershipError>) -> [Effect] {
        guard let pending = state.operations.removeValue(forKey: operation), case let .directory(action) = pending.kind else { return [] }
        var effects: [Effect] = []
        let entry: ActivityEntry
        let parentID = state.directory?.detailParent.map(activityID) ?? ""
        let parentName = state.directory?.detailParent?.label ?? ""
        // Once nothing else is in flight, no row shows a change in flight: the reload shows the outcome.
        let othersInFlight = state.operations.values.contains { if case .directory = $0.kind { return true } else { return false } }
        if !othersInFlight {
            for row in state.directory?.detail.rows ?? [] where row.inFlight != nil {
                state.directory?.detail.update(key: row.key) { $0.inFlight = nil }
            }
        }
        switch result {
        case .success:
            flash(&state, action.description + ": done", .info)
            entry = ActivityEntry(time: state.now, imageID: parentID, imageName: parentName, memberID: "", from: "", to: action.description, outcome: .done)
        case let .failure(error):
            flash(&state, "\(action.description): \(describe(error))", .error)
            entry = ActivityEntry(time: state.now, imageID: parentID, imageName: parentName, memberID: "", from: "", to: action.description,
                                  outcome: .failed, detail: describe(error))
        }
        state.activity.append(entry)
        effects.append(.recordActivity(entry))
        // The server is the truth: the detail and the overview are read again.
        if state.directory != nil {
            for pane in [PaneID.memberships] {
                let request = takeID(&state)
                state.loads[request] = .directory(pane: pane, parent: nil, requestedAt: state.sequence)
                effects.append(.loadDirectory(request: request, pane: pane, parent: nil))
            }
            if let parent = state.directory?.detailParent { effects += loadDetail(&state, parent) }
        }
        return effects
    }

    static func activityID(_ ref: RecordRef) -> String {
        switch ref {
        case let .v1Image(id, _), let .atmoVersion(id, _): return id
        case let .bonitaUser(id, _): return String(id)
        default: return ref.label
        }
    }
}
