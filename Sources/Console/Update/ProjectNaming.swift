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
        var wanted: [String] = []
        var seen = Set<String>()
        for row in state.records.pane(pane).rows {
            for column in columns {
                let id = row.cell(column)
                guard !id.isEmpty, state.projectNames[id] == nil, !state.namesAsked.contains(id), seen.insert(id).inserted else { continue }
                wanted.append(id)
            }
        }
        guard !wanted.isEmpty else { return [] }
        state.namesAsked.formUnion(wanted)
        let connection = connectionID(state)
        return stride(from: 0, to: wanted.count, by: namesPerRequest).map {
            .nameProjects(connection: connection, ids: Array(wanted[$0..<min($0 + namesPerRequest, wanted.count)]))
        }
    }

    static func projectsNamed(_ state: inout ConsoleState, _ names: [String: String]) {
        for (id, name) in names where !name.isEmpty { state.projectNames[id] = name }
    }
}
