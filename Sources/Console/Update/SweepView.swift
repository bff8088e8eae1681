/// `:sweep`: the second pane lists the shares a sweep would take back (rejected ones, ones pending
/// too long, orphans), across my images, with marks and `d`; a row's detail (moving in the first
/// pane, Esc) takes the pane back.
extension ConsoleUpdate {
    /// The key of the second pane's parent while it shows a sweep.
    static let sweepKey = "\u{1F}sweep"

    static func sweepCommand(_ state: inout ConsoleState, _ command: CommandSpec, _ argument: String) -> [Effect] {
        guard state.session?.system.sweepPane != nil else {
            flash(&state, "\(state.system.name) has no shares to sweep", .error)
            return []
        }
        let criteria: SweepCriteria
        switch SweepCriteria.parse(argument) {
        case let .success(parsed): criteria = parsed
        case let .failure(error):
            flash(&state, error.text, .error)
            return []
        }
        if criteria.orphans, state.session?.isAdmin != true {
            flash(&state, "orphans needs an admin: only an admin may ask Keystone about other projects", .error)
            return []
        }
        state.sweep = criteria
        applySweepPane(&state)
        state.focus = .members
        state.openedFrom = nil
        let parent = RecordRow(key: sweepKey, cells: [], ref: RowRef(sweepKey), label: "sweep", actions: [:], opensDetail: true)
        return showDetail(&state, of: parent)
    }

    /// The second pane's model: the sweep's while one is shown, the system's otherwise.
    static func applySweepPane(_ state: inout ConsoleState) {
        guard let system = state.session?.system else { return }
        state.system.panes[.members] = state.sweep != nil ? system.sweepPane ?? system.pane(.members) : system.pane(.members)
    }

    static func endSweep(_ state: inout ConsoleState) {
        state.sweep = nil
        applySweepPane(&state)
    }
}
