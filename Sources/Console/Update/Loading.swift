import Foundation
import MembershipKit

/// Loads and refreshes: results are merged so that rows changed by this console after the load
/// was requested keep their state, rows in flight keep their transition, and a status that changed
/// elsewhere is highlighted and logged.
extension ConsoleUpdate {
    /// Starts the loads for every pane (a refresh); none while another refresh is in flight.
    static func startLoads(_ state: inout ConsoleState, includeMembers: Bool) -> [Effect] {
        guard let session = state.session else { return [] }
        var effects: [Effect] = []
        let images = takeID(&state)
        state.loads[images] = .images(scope: state.imageScope, requestedAt: state.sequence)
        if state.images.rows.isEmpty { state.images.loading = .loading(count: 0) }
        effects.append(.loadImages(request: images, scope: state.imageScope, projectID: session.projectID))
        let memberships = takeID(&state)
        state.loads[memberships] = .memberships(requestedAt: state.sequence)
        if state.memberships.rows.isEmpty { state.memberships.loading = .loading(count: 0) }
        effects.append(.loadMemberships(request: memberships, projectID: session.projectID))
        if includeMembers, let imageID = state.membersImageID {
            let members = takeID(&state)
            state.loads[members] = .members(imageID: imageID, requestedAt: state.sequence)
            effects.append(.loadMembers(request: members, imageID: imageID))
        }
        if let interval = state.settings.refreshInterval { state.nextRefresh = state.now.addingTimeInterval(interval) }
        return effects
    }

    /// Points the members pane at another image and loads its members.
    static func showMembers(_ state: inout ConsoleState, of imageID: String) -> [Effect] {
        state.membersImageID = imageID
        state.members.setRows([])
        state.members.marked = []
        state.members.loading = .loading(count: 0)
        // Loads of the previous image are dropped: their results would be ignored anyway.
        state.loads = state.loads.filter { if case .members = $0.value { return false } else { return true } }
        let request = takeID(&state)
        state.loads[request] = .members(imageID: imageID, requestedAt: state.sequence)
        return [.loadMembers(request: request, imageID: imageID)]
    }

    static func imagesLoaded(_ state: inout ConsoleState, _ request: Int, _ result: Result<[Image], MembershipError>) -> [Effect] {
        guard let load = state.loads.removeValue(forKey: request), case .images = load else { return [] }
        switch result {
        case let .success(images):
            let projectID = state.session?.projectID
            let statuses = Dictionary(state.memberships.rows.map { ($0.image.id, $0.status) }, uniquingKeysWith: { first, _ in first })
            state.images.setRows(images.map { image in
                let own = image.owner == projectID
                return ImageRow(image: image, myStatus: own ? nil : statuses[image.id], isOwn: own)
            })
            // A transition in flight shows as such (`pending → accepted…`), not as the status it leaves.
            syncImageStatuses(&state)
            state.images.loading = .idle
        case let .failure(error):
            state.images.loading = .failed(describe(error))
            flash(&state, "images: \(describe(error))", .error)
        }
        return []
    }

    static func membersLoaded(_ state: inout ConsoleState, _ request: Int, _ imageID: String,
                              _ result: Result<[ImageMember], MembershipError>) -> [Effect] {
        guard let load = state.loads.removeValue(forKey: request), case let .members(_, requestedAt) = load,
              imageID == state.membersImageID else { return [] }
        switch result {
        case let .success(members):
            // Not the first load of this image (a refresh, even after a failed one): changes are news.
            let wasLoaded = !isFirstLoad(state.members.loading)
            var rows: [MemberRow] = []
            var seen: [ActivityEntry] = []
            for member in members {
                guard let existing = state.members.row(key: member.memberID) else {
                    // A member this console removed after the load was requested stays removed.
                    if let removedAt = state.removedMembers[MemberRemoval(imageID: imageID, memberID: member.memberID)],
                       removedAt > requestedAt { continue }
                    rows.append(MemberRow(member: member))
                    continue
                }
                if existing.transition != nil || existing.isRemoving || existing.changedAt > requestedAt {
                    rows.append(existing)
                } else if existing.member.status != member.status, wasLoaded {
                    var changed = MemberRow(member: member, highlight: Highlight(kind: .external, until: state.now.addingTimeInterval(highlightSeconds)))
                    changed.changedAt = existing.changedAt
                    rows.append(changed)
                    seen.append(ActivityEntry(time: state.now, imageID: imageID, imageName: imageName(state, imageID), memberID: member.memberID,
                                              from: existing.member.status, to: member.status, outcome: .seen))
                } else {
                    var kept = existing
                    kept.member = member
                    rows.append(kept)
                }
            }
            // Rows being added by this console stay until their answer arrives, and rows it added after
            // the load was requested stay too (the action's result wins over an older read).
            for row in state.members.rows where (row.transition != nil || row.changedAt > requestedAt) && !rows.contains(where: { $0.key == row.key }) {
                rows.append(row)
            }
            state.removedMembers = state.removedMembers.filter { $0.key.imageID != imageID || $0.value > requestedAt }
            state.members.setRows(rows)
            state.members.loading = .idle
            return record(&state, seen)
        case let .failure(error):
            // Rows already shown (a refresh) stay, with what is in flight; the failure is shown and flashed.
            state.members.loading = .failed(describe(error))
            flash(&state, "members: \(describe(error))", .error)
            return []
        }
    }

    static func membershipsLoaded(_ state: inout ConsoleState, _ request: Int, _ result: Result<[Membership], MembershipError>) -> [Effect] {
        guard let load = state.loads.removeValue(forKey: request), case let .memberships(requestedAt) = load else { return [] }
        switch result {
        case let .success(memberships):
            let wasLoaded = !isFirstLoad(state.memberships.loading)
            var rows: [MembershipRow] = []
            var seen: [ActivityEntry] = []
            for membership in memberships {
                let fresh = MembershipRow(image: membership.image, status: membership.status, sharedAt: membership.sharedAt)
                guard let existing = state.memberships.row(key: membership.image.id) else {
                    rows.append(fresh)
                    continue
                }
                if existing.transition != nil || existing.changedAt > requestedAt {
                    rows.append(existing)
                } else if existing.status != membership.status, wasLoaded {
                    var changed = fresh
                    changed.highlight = Highlight(kind: .external, until: state.now.addingTimeInterval(highlightSeconds))
                    rows.append(changed)
                    seen.append(ActivityEntry(time: state.now, imageID: membership.image.id, imageName: membership.image.name ?? membership.image.id,
                                              memberID: state.session?.projectID ?? "", from: existing.status, to: membership.status, outcome: .seen))
                } else {
                    var kept = fresh
                    kept.highlight = existing.highlight
                    kept.changedAt = existing.changedAt
                    rows.append(kept)
                }
            }
            state.memberships.setRows(rows)
            state.memberships.loading = .idle
            syncImageStatuses(&state)
            return record(&state, seen)
        case let .failure(error):
            state.memberships.loading = .failed(describe(error))
            flash(&state, "memberships: \(describe(error))", .error)
            return []
        }
    }

    /// True while a pane waits for its first rows (`.loading`), as opposed to a refresh of rows already shown.
    static func isFirstLoad(_ loading: LoadState) -> Bool {
        if case .loading = loading { return true }
        return false
    }

    /// The images pane shows my status for shared images; the memberships pane is its source.
    static func syncImageStatuses(_ state: inout ConsoleState) {
        for row in state.memberships.rows {
            let status = row.transition.map { "\($0.from) → \($0.to.rawValue)…" } ?? row.status
            if let image = state.images.row(key: row.key), !image.isOwn, image.myStatus != status {
                state.images.update(key: row.key) { $0.myStatus = status }
            }
        }
    }

    /// Adds entries to the activity log and asks the runner to write them to the file.
    static func record(_ state: inout ConsoleState, _ entries: [ActivityEntry]) -> [Effect] {
        guard !entries.isEmpty else { return [] }
        state.activity += entries
        if state.activity.count > 1000 { state.activity.removeFirst(state.activity.count - 1000) }
        return entries.map(Effect.recordActivity)
    }
}
