import Foundation

/// Project names for the ids the panes show (owners, members): asked for once per id, after the
/// rows are on screen, so names never delay a paint; a refresh that brings no new id asks nothing.
extension ConsoleUpdate {
    /// The most ids one request names (a pane of 10,000 images has far fewer owners).
    static let namesPerRequest = 500

    /// The ids of `pane`'s project columns that no one has asked to name yet.
    static func nameProjects(_ state: inout ConsoleState, in pane: PaneID) -> [Effect] {
        let columns = state.system.pane(pane).columns.indices.filter {
            let style = state.system.pane(pane).columns[$0].style
            return style == .owner || style == .member
        }
        guard !columns.isEmpty else { return [] }
        // Once the first pane is on screen (never before: it would compete with the first paint),
        // every project the sources know, in the background, so that Tab in `+` completes them.
        var effects: [Effect] = []
        if pane == .images, !state.everyNameAsked {
            state.everyNameAsked = true
            effects.append(.nameProjects(connection: connectionID(state), ids: []))
        }
        var wanted: [String] = []
        var seen = Set<String>()
        for row in state.records.pane(pane).rows {
            for column in columns {
                let id = row.cell(column)
                guard !id.isEmpty, state.projectNames[id] == nil, !state.namesAsked.contains(id), seen.insert(id).inserted else { continue }
                wanted.append(id)
            }
        }
        guard !wanted.isEmpty else { return effects }
        state.namesAsked.formUnion(wanted)
        let connection = connectionID(state)
        return stride(from: 0, to: wanted.count, by: namesPerRequest).map {
            .nameProjects(connection: connection, ids: Array(wanted[$0..<min($0 + namesPerRequest, wanted.count)]))
        } + effects
    }

    static func projectsNamed(_ state: inout ConsoleState, _ names: [String: String]) {
        for (id, name) in names where !name.isEmpty { state.projectNames[id] = name }
    }

    /// `N`: a prompt for the focused row's project (its member, or its owner), with its name so far.
    static func openProjectNamePrompt(_ state: inout ConsoleState) {
        let model = state.system.pane(state.focus)
        guard let row = state.records.pane(state.focus).selected,
              let column = model.columns.firstIndex(where: { $0.style == .member }) ?? model.columns.firstIndex(where: { $0.style == .owner }),
              !row.cell(column).isEmpty else {
            flash(&state, "no project on this row to name", .info)
            return
        }
        let id = row.cell(column)
        state.overlay = .prompt(Prompt(kind: .projectName(id: id), text: state.projectNames[id] ?? ""))
    }

    /// Enter in the `N` prompt: the name is kept for this Keystone (empty forgets it).
    static func nameProject(_ state: inout ConsoleState, id: String, name: String) -> [Effect] {
        let name = name.trimmingCharacters(in: .whitespaces)
        return [.aliasProject(connection: connectionID(state), id: id, name: name)]
    }

    static func projectAliased(_ state: inout ConsoleState, id: String, name: String, error: String?) {
        if let error {
            flash(&state, "could not name \(id): \(error)", .error)
            return
        }
        if name.isEmpty {
            state.projectNames[id] = nil
            state.namesAsked.remove(id)
            flash(&state, "forgot the name of \(id)", .info)
        } else {
            state.projectNames[id] = name
            state.flash = Flash(text: "\(id) is now \(name) (projects.yaml)", level: .info, until: state.now.addingTimeInterval(flashSeconds))
        }
    }
}
