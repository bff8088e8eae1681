/// The bell for a new share: the console rings the terminal's bell when a pending share that the
/// previous load of the same inbox did not list arrives, so a consumer waiting for one need not
/// watch the screen. Decided here (pure); the UI thread rings it (`Effect.ringBell`).
extension ConsoleUpdate {
    /// Called with each complete load of the Memberships pane. Only the current project's inbox
    /// rings (`:inbox here`); the first load of a connection and a cloud switch only take note.
    static func inboxBell(_ state: inout ConsoleState, _ rows: [RecordRow]) -> [Effect] {
        guard state.inboxSpan == .here, let connection = connectionID(state) else {
            state.inboxSeen = nil
            return []
        }
        let keys = Set(rows.map(\.key))
        defer { state.inboxSeen = InboxSeen(connection: connection, keys: keys) }
        guard state.settings.bell, let seen = state.inboxSeen, seen.connection == connection,
              let status = state.system.pane(.memberships).stateColumn else { return [] }
        // A share known before (accepted, then reset to pending, say) is not new.
        let arrived = rows.contains { row in !seen.keys.contains(row.key) && row.cells.indices.contains(status) && row.cells[status] == "pending" }
        return arrived ? [.ringBell] : []
    }
}

/// The keys of the last complete load of one connection's inbox: what a later load compares with.
public struct InboxSeen: Sendable, Equatable {
    public var connection: ConnectionID
    public var keys: Set<String>
}
