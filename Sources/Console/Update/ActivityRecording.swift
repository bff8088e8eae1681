import Foundation

/// The activity log: every change this console made or saw, kept on screen and written to a file.
extension ConsoleUpdate {
    /// Adds entries to the activity log and asks the runner to write them to the file.
    static func record(_ state: inout ConsoleState, _ entries: [ActivityEntry]) -> [Effect] {
        guard !entries.isEmpty else { return [] }
        // The member project by name too, where known (the id stays: the log is a record).
        var entries = entries
        for index in entries.indices where entries[index].memberName == nil {
            entries[index].memberName = state.projectNames[entries[index].memberID]
        }
        state.activity += entries
        if state.activity.count > 1000 { state.activity.removeFirst(state.activity.count - 1000) }
        return entries.map(Effect.recordActivity)
    }

    /// A line for a change: under the changed row's log name when its system gives one, else
    /// under the row whose detail was shown when the change was sent.
    static func activityEntry(_ state: ConsoleState, _ change: RecordChange, to settled: String? = nil,
                              outcome: ActivityEntry.Outcome, detail: String?) -> ActivityEntry {
        let operation = change.operation
        let who = state.identity(of: change.connection)
        guard let name = change.logName, let from = operation.from, let to = operation.to else {
            return ActivityEntry(time: state.now, imageID: change.parentKey, imageName: change.parentLabel, memberID: "", from: "",
                                 to: operation.description, outcome: outcome, detail: detail, place: who?.place ?? "", user: who?.user ?? "")
        }
        return ActivityEntry(time: state.now, imageID: name.objectID, imageName: name.objectName, memberID: name.memberID,
                             from: from, to: settled ?? to, outcome: outcome, detail: detail, place: who?.place ?? "", user: who?.user ?? "")
    }
}
