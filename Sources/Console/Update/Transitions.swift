import Foundation
import MembershipKit

/// Accept, reject, reset, share and remove: the row changes at once to an in-flight state, then
/// settles on the server's answer, or returns to where it was with the error flashed.
extension ConsoleUpdate {
    /// One status change to make: which image, which member, from which status.
    struct StatusChange {
        var imageID: String
        var memberID: String
        var from: String
    }

    // MARK: Status changes

    static func changeStatus(_ state: inout ConsoleState, to status: MemberStatus) -> [Effect] {
        guard let session = state.session else { return [] }
        var changes: [StatusChange] = []
        switch state.focus {
        case .memberships:
            let rows = state.memberships.marked.isEmpty ? state.memberships.selected.map { [$0] } ?? [] : state.memberships.markedRows
            changes = rows.filter { $0.transition == nil }.map { StatusChange(imageID: $0.image.id, memberID: session.projectID, from: $0.status) }
        case .members:
            guard let imageID = state.membersImageID else { return [] }
            let rows = state.members.marked.isEmpty ? state.members.selected.map { [$0] } ?? [] : state.members.markedRows
            let allowed = rows.filter { session.isAdmin || $0.member.memberID == session.projectID }
            if allowed.isEmpty, !rows.isEmpty {
                flash(&state, "only the member project itself can \(status == .pending ? "reset" : verb(status)) its share", .warning)
                return []
            }
            changes = allowed.filter { $0.transition == nil && !$0.isRemoving }.map { StatusChange(imageID: imageID, memberID: $0.member.memberID, from: $0.member.status) }
        case .images:
            guard let row = state.images.selected else { return [] }
            // A change already in flight takes no second one (as in the other panes).
            if !row.isOwn, state.memberships.row(key: row.key)?.transition != nil { return [] }
            guard !row.isOwn, let current = row.myStatus else {
                flash(&state, "this image is not shared with your project; open it to manage its members", .warning)
                return []
            }
            changes = [StatusChange(imageID: row.image.id, memberID: session.projectID, from: current)]
        }
        guard !changes.isEmpty else { return [] }
        let batch = changes.count > 1 ? takeID(&state) : nil
        if let batch { state.batches[batch] = BatchProgress(verb: verb(status), total: changes.count) }
        var effects: [Effect] = []
        for change in changes {
            let operation = takeID(&state)
            state.operations[operation] = PendingOperation(kind: .update(imageID: change.imageID, memberID: change.memberID, from: change.from, to: status), batch: batch)
            let transition = Transition(from: change.from, to: status, operationID: operation)
            applyTransition(&state, imageID: change.imageID, memberID: change.memberID, transition: transition)
            effects.append(.updateMember(operation: operation, imageID: change.imageID, memberID: change.memberID, status: status))
        }
        state.memberships.marked = []
        state.members.marked = []
        return effects
    }

    /// Shows (or clears, with nil) an in-flight transition on every row that shows this membership.
    static func applyTransition(_ state: inout ConsoleState, imageID: String, memberID: String, transition: Transition?) {
        if state.membersImageID == imageID {
            state.members.update(key: memberID) { $0.transition = transition }
        }
        if memberID == state.session?.projectID {
            state.memberships.update(key: imageID) { $0.transition = transition }
            syncImageStatuses(&state)
        }
    }

    static func memberUpdated(_ state: inout ConsoleState, _ operation: Int, _ result: Result<ImageMember, MembershipError>) -> [Effect] {
        guard let pending = state.operations.removeValue(forKey: operation),
              case let .update(imageID, memberID, from, to) = pending.kind else { return [] }
        let until = state.now.addingTimeInterval(highlightSeconds)
        let sequence = state.sequence
        let entry: ActivityEntry
        switch result {
        case let .success(member):
            settleMemberRow(&state, imageID: imageID, member: member)
            if memberID == state.session?.projectID {
                state.memberships.update(key: imageID) {
                    $0.status = member.status
                    $0.transition = nil
                    $0.highlight = Highlight(kind: .settled, until: until)
                    $0.changedAt = sequence
                }
                syncImageStatuses(&state)
            }
            entry = ActivityEntry(time: state.now, imageID: imageID, imageName: imageName(state, imageID), memberID: memberID,
                                  from: from, to: member.status, outcome: .done)
            settle(&state, batch: pending.batch, failure: nil, single: "\(imageName(state, imageID)): \(from) → \(member.status)")
        case let .failure(error):
            // Back to the status it had: nothing is shown as done that the server refused.
            if state.membersImageID == imageID {
                state.members.update(key: memberID) {
                    $0.transition = nil
                    $0.highlight = Highlight(kind: .failed, until: until)
                }
            }
            if memberID == state.session?.projectID {
                state.memberships.update(key: imageID) {
                    $0.transition = nil
                    $0.highlight = Highlight(kind: .failed, until: until)
                }
                syncImageStatuses(&state)
            }
            entry = ActivityEntry(time: state.now, imageID: imageID, imageName: imageName(state, imageID), memberID: memberID,
                                  from: from, to: to.rawValue, outcome: .failed, detail: describe(error))
            // My own share is named by its image; another project's row (admin) by the member too.
            let subject = memberID == state.session?.projectID ? imageName(state, imageID) : "\(imageName(state, imageID)) \(memberID)"
            settle(&state, batch: pending.batch, failure: "\(subject): \(describe(error))", single: nil)
        }
        return record(&state, [entry])
    }

    /// Shows the server's answer on the member row (when its image is on screen), highlighted.
    static func settleMemberRow(_ state: inout ConsoleState, imageID: String, member: ImageMember) {
        guard state.membersImageID == imageID else { return }
        let until = state.now.addingTimeInterval(highlightSeconds)
        let sequence = state.sequence
        state.members.update(key: member.memberID) {
            $0.member = member
            $0.transition = nil
            $0.highlight = Highlight(kind: .settled, until: until)
            $0.changedAt = sequence
        }
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

    static func verb(_ status: MemberStatus) -> String {
        switch status {
        case .accepted: return "accepted"
        case .rejected: return "rejected"
        case .pending: return "reset to pending"
        }
    }

    // MARK: Share

    /// The image `+` and `d` act on: the members pane's image, which must be mine (or I am admin).
    static func ownedImageForMembers(_ state: inout ConsoleState, verb: String) -> ImageRow? {
        let imageID = state.focus == .images ? state.images.selected?.image.id : state.membersImageID
        guard let imageID, let row = state.images.row(key: imageID) else {
            flash(&state, "select an image first", .warning)
            return nil
        }
        guard row.isOwn || state.session?.isAdmin == true else {
            flash(&state, "only the image's owner can \(verb) members", .warning)
            return nil
        }
        return row
    }

    static func beginShare(_ state: inout ConsoleState) -> [Effect] {
        guard let row = ownedImageForMembers(&state, verb: "add") else { return [] }
        state.overlay = .prompt(Prompt(kind: .share(imageID: row.image.id, imageName: row.image.name ?? row.image.id)))
        return []
    }

    /// Project ids from the share prompt: comma- or space-separated, duplicates dropped.
    public static func parseProjectIDs(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .map(String.init)
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func share(_ state: inout ConsoleState, imageID: String, text: String) -> [Effect] {
        let projects = parseProjectIDs(text)
        guard !projects.isEmpty else {
            flash(&state, "no project id given: nothing shared", .warning)
            return []
        }
        let batch = projects.count > 1 ? takeID(&state) : nil
        if let batch { state.batches[batch] = BatchProgress(verb: "shared", total: projects.count) }
        var effects: [Effect] = []
        if state.membersImageID != imageID { effects += showMembers(&state, of: imageID) }
        for project in projects {
            let operation = takeID(&state)
            state.operations[operation] = PendingOperation(kind: .add(imageID: imageID, memberID: project), batch: batch)
            if state.members.row(key: project) == nil {
                var rows = state.members.rows
                rows.append(MemberRow(member: ImageMember(imageID: imageID, memberID: project, status: "pending"),
                                      transition: Transition(from: "", to: .pending, operationID: operation), changedAt: state.sequence))
                state.members.setRows(rows)
            }
            effects.append(.addMember(operation: operation, imageID: imageID, memberID: project))
        }
        return effects
    }

    static func memberAdded(_ state: inout ConsoleState, _ operation: Int, _ result: Result<ImageMember, MembershipError>) -> [Effect] {
        guard let pending = state.operations.removeValue(forKey: operation), case let .add(imageID, memberID) = pending.kind else { return [] }
        let entry: ActivityEntry
        switch result {
        case let .success(member):
            settleMemberRow(&state, imageID: imageID, member: member)
            entry = ActivityEntry(time: state.now, imageID: imageID, imageName: imageName(state, imageID), memberID: memberID,
                                  from: "none", to: member.status, outcome: .done)
            settle(&state, batch: pending.batch, failure: nil, single: "shared \(imageName(state, imageID)) with \(memberID)")
        case let .failure(error):
            if state.membersImageID == imageID, let row = state.members.row(key: memberID), row.transition?.operationID == operation {
                state.members.setRows(state.members.rows.filter { $0.key != memberID })
            }
            entry = ActivityEntry(time: state.now, imageID: imageID, imageName: imageName(state, imageID), memberID: memberID,
                                  from: "none", to: "pending", outcome: .failed, detail: describe(error))
            settle(&state, batch: pending.batch, failure: "\(memberID): \(describe(error))", single: nil)
        }
        return record(&state, [entry])
    }

    // MARK: Remove

    static func beginRemove(_ state: inout ConsoleState) -> [Effect] {
        guard state.focus == .members else {
            flash(&state, "focus the members pane to remove members", .warning)
            return []
        }
        guard let image = ownedImageForMembers(&state, verb: "remove"), state.membersImageID == image.image.id else { return [] }
        let rows = (state.members.marked.isEmpty ? state.members.selected.map { [$0] } ?? [] : state.members.markedRows)
            .filter { $0.transition == nil && !$0.isRemoving }
        guard !rows.isEmpty else { return [] }
        let name = image.image.name ?? image.image.id
        let message = rows.count == 1
            ? "Stop sharing \(name) with \(rows[0].member.memberID)?"
            : "Stop sharing \(name) with \(rows.count) projects?"
        state.overlay = .confirm(Confirmation(title: "Remove member\(rows.count == 1 ? "" : "s")", message: message, confirmLabel: "Remove",
                                              removals: rows.map { MemberRemoval(imageID: image.image.id, memberID: $0.member.memberID) }))
        return []
    }

    static func remove(_ state: inout ConsoleState, _ removals: [MemberRemoval]) -> [Effect] {
        let batch = removals.count > 1 ? takeID(&state) : nil
        if let batch { state.batches[batch] = BatchProgress(verb: "removed", total: removals.count) }
        var effects: [Effect] = []
        for removal in removals {
            let operation = takeID(&state)
            state.operations[operation] = PendingOperation(kind: .remove(imageID: removal.imageID, memberID: removal.memberID), batch: batch)
            state.members.update(key: removal.memberID) { $0.isRemoving = true }
            effects.append(.removeMember(operation: operation, imageID: removal.imageID, memberID: removal.memberID))
        }
        state.members.marked = []
        return effects
    }

    static func memberRemoved(_ state: inout ConsoleState, _ operation: Int, _ result: Result<Void, MembershipError>) -> [Effect] {
        guard let pending = state.operations.removeValue(forKey: operation), case let .remove(imageID, memberID) = pending.kind else { return [] }
        // The row's status, if the pane still shows this image (another image may have a member with the same id).
        let previous = (state.membersImageID == imageID ? state.members.row(key: memberID)?.member.status : nil) ?? "?"
        let entry: ActivityEntry
        switch result {
        case .success:
            if state.membersImageID == imageID { state.members.setRows(state.members.rows.filter { $0.key != memberID }) }
            state.removedMembers[MemberRemoval(imageID: imageID, memberID: memberID)] = state.sequence
            entry = ActivityEntry(time: state.now, imageID: imageID, imageName: imageName(state, imageID), memberID: memberID,
                                  from: previous, to: "removed", outcome: .done)
            settle(&state, batch: pending.batch, failure: nil, single: "removed \(memberID) from \(imageName(state, imageID))")
        case let .failure(error):
            let until = state.now.addingTimeInterval(highlightSeconds)
            if state.membersImageID == imageID {
                state.members.update(key: memberID) {
                    $0.isRemoving = false
                    $0.highlight = Highlight(kind: .failed, until: until)
                }
            }
            entry = ActivityEntry(time: state.now, imageID: imageID, imageName: imageName(state, imageID), memberID: memberID,
                                  from: previous, to: "removed", outcome: .failed, detail: describe(error))
            settle(&state, batch: pending.batch, failure: "\(memberID): \(describe(error))", single: nil)
        }
        return record(&state, [entry])
    }
}
