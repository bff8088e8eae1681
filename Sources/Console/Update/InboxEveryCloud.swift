/// `:inbox all`: the Memberships pane filled from every cloud of clouds.yaml at once. Each row keeps
/// the connection it came from, so `a`, `r` and `p` act with that cloud's credentials; a Cloud
/// column says which, and the pane's title counts the clouds read.
extension ConsoleUpdate {
    static let cloudColumn = ColumnModel("Cloud", minimum: 6, preferred: 12, essential: true)

    /// `:inbox` focuses the pane; `:inbox all` and `:inbox here` choose whose shares it lists.
    static func inboxCommand(_ state: inout ConsoleState, _ command: CommandSpec, _ argument: String) -> [Effect] {
        switch argument {
        case "":
            state.focus = .memberships
            return []
        case "all":
            guard !state.settings.availableClouds.isEmpty else {
                flash(&state, ":inbox all reads every cloud of clouds.yaml, and there is none", .error)
                return []
            }
            state.inboxSpan = .everyCloud
        case "here":
            state.inboxSpan = .here
        default:
            flash(&state, ":\(command.names[0]) takes all or here, not '\(argument)'", .error)
            return []
        }
        state.focus = .memberships
        applyInboxColumns(&state)
        return reloadInbox(&state)
    }

    /// The Memberships pane's columns for the span: the system's, and a last Cloud column for every cloud.
    static func applyInboxColumns(_ state: inout ConsoleState) {
        guard var pane = state.session?.system.panes[.memberships] else { return }
        if state.inboxSpan == .everyCloud { pane.columns.append(cloudColumn) }
        state.system.panes[.memberships] = pane
    }

    /// Empties the pane and reads it again (rows of the other span must not stay).
    static func reloadInbox(_ state: inout ConsoleState) -> [Effect] {
        state.records.modify(.memberships) {
            $0.setRows([])
            $0.marked = []
            $0.loading = .loading(count: 0)
        }
        state.loads = state.loads.filter { if case .records(.memberships, _, _) = $0.value { return false } else { return true } }
        state.inboxClouds = [:]
        guard state.session != nil else { return [] }
        return [loadInbox(&state)]
    }

    /// The load of the Memberships pane, for the span chosen.
    static func loadInbox(_ state: inout ConsoleState) -> Effect {
        let request = takeID(&state)
        state.loads[request] = .records(pane: .memberships, parentKey: nil, requestedAt: state.sequence)
        guard state.inboxSpan == .everyCloud else {
            return .loadRows(request: request, connection: connectionID(state), pane: .memberships, parent: nil, scope: state.imageScope)
        }
        let clouds = state.settings.availableClouds
        for cloud in clouds where state.inboxClouds[cloud] == nil { state.inboxClouds[cloud] = .reading }
        state.inboxStreaming = state.records.pane(.memberships).rows.isEmpty ? request : nil
        return .loadInboxEveryCloud(request: request, clouds: clouds)
    }

    /// One cloud answered: who it is, and how many shares (a failure is flashed; the others still show).
    static func inboxCloudRead(_ state: inout ConsoleState, _ request: Int, _ report: CloudInboxReport) {
        guard state.loads[request] != nil else { return }
        if let identity = report.identity { state.identities[identity.connection] = ConnectionIdentity(identity) }
        switch report.result {
        case let .success(count):
            state.inboxClouds[report.cloud] = .read(shares: count)
            // A first load shows each cloud's rows as they come; a refresh keeps what it shows until all have answered.
            if state.records.pane(.memberships).loading != .idle, !report.rows.isEmpty, state.inboxStreaming == request {
                var rows = report.rows
                prepare(state, .memberships, &rows)
                state.records.modify(.memberships) { $0.setRows($0.rows + rows) }
            }
        case let .failure(error):
            state.inboxClouds[report.cloud] = .failed(describe(error))
            flash(&state, "cloud \(report.cloud): \(describe(error))", .warning)
        }
    }

    /// A row of the Memberships pane as `:inbox all` shows it: its cloud in the last cell, and, for
    /// a row of another connection, a key and subject of its own (the same image may be offered to
    /// several clouds' projects, and must not read as the current project's share elsewhere).
    static func decorateInboxRow(_ state: ConsoleState, _ row: inout RecordRow) {
        guard state.inboxSpan == .everyCloud, let base = state.session?.system.pane(.memberships).columns.count else { return }
        let connection = row.connection ?? connectionID(state)
        if row.cells.count == base {
            row.cells.append(connection.map { state.identities[$0]?.place ?? $0.name } ?? "")
        }
        guard let connection, connection != connectionID(state) else { return }
        let prefix = connection.name + "|"
        if !row.key.hasPrefix(prefix) { row.key = prefix + row.key }
        if let subject = row.subject, !subject.hasPrefix(prefix) { row.subject = prefix + subject }
    }

    /// `Memberships · every cloud (3/5 read, 1 failed)`.
    static func inboxSpanTitle(_ state: ConsoleState) -> String {
        guard state.inboxSpan == .everyCloud else { return "" }
        let states = Array(state.inboxClouds.values)
        let read = states.filter { if case .read = $0 { true } else { false } }.count
        let failed = states.filter { if case .failed = $0 { true } else { false } }.count
        var detail = read + failed < states.count ? "\(read + failed)/\(states.count) read" : "\(states.count) clouds"
        if failed > 0 { detail += ", \(failed) failed" }
        return " · every cloud (\(detail))"
    }
}
