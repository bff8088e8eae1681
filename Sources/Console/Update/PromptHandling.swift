import Foundation

/// The one-line prompts: `/` filters as you type, `:` runs a command (Tab completes), and the systems' prompts (`+`).
extension ConsoleUpdate {
    static func handlePromptKey(_ state: inout ConsoleState, _ prompt: Prompt, _ key: KeyPress) -> [Effect] {
        var prompt = prompt
        prompt.choices = nil
        switch key {
        case .escape:
            state.overlay = .none
            if case let .filter(pane) = prompt.kind { setFilter(&state, pane, nil) }
            return []
        case .enter:
            state.overlay = .none
            return submit(&state, prompt)
        case .backspace, .delete, .control("h"):
            if prompt.text.isEmpty {
                state.overlay = .none
                return []
            }
            prompt.text.removeLast()
        case .control("u"):
            prompt.text = ""
        case .control("w"):
            let trimmed = prompt.text.reversed().drop(while: { $0 == " " }).drop(while: { $0 != " " })
            prompt.text = String(trimmed.reversed())
        case .tab:
            if case .command = prompt.kind {
                let completed = ConsoleCommands.complete(prompt.text, state: state)
                // Nothing to add: say what may follow (`:endpoint ` Tab lists the endpoints).
                if completed == prompt.text { prompt.choices = ConsoleCommands.choices(prompt.text, state: state) }
                prompt.text = completed
            }
            if case .operation = prompt.kind { completeProjectName(&prompt, state: state) }
        case .up, .down:
            guard case .command = prompt.kind, !state.commandHistory.isEmpty else { return [] }
            let history = state.commandHistory
            let current = prompt.historyPosition ?? history.count
            let next = key == .up ? max(0, current - 1) : min(history.count, current + 1)
            prompt.historyPosition = next == history.count ? nil : next
            prompt.text = next == history.count ? "" : history[next]
        case let .character(character):
            prompt.text.append(character)
        default:
            return []
        }
        state.overlay = .prompt(prompt)
        if case let .filter(pane) = prompt.kind { setFilter(&state, pane, RowFilter(typed: prompt.text)) }
        return []
    }

    /// Tab in a system's prompt (`+ share … with`): the last comma-separated entry completes to a
    /// project name the console knows; with several, their common start, and the choices shown.
    static func completeProjectName(_ prompt: inout Prompt, state: ConsoleState) {
        let known = Array(Set(state.projectNames.values)).sorted()
        guard !known.isEmpty else { return }
        var entries = prompt.text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let last = entries.removeLast()
        let typed = String(last.drop { $0 == " " })
        let lead = String(last.prefix(last.count - typed.count))
        let completed = ConsoleCommands.extend(typed, candidates: known, suffix: "")
        if completed == typed {
            let matching = known.filter { $0.hasPrefix(typed) }
            prompt.choices = matching.isEmpty ? "no known project starts with '\(typed)'" : matching.prefix(12).joined(separator: "  ")
        }
        prompt.text = (entries + [lead + completed]).joined(separator: ",")
    }

    static func submit(_ state: inout ConsoleState, _ prompt: Prompt) -> [Effect] {
        switch prompt.kind {
        case let .filter(pane):
            setFilter(&state, pane, RowFilter(typed: prompt.text))
            return []
        case .command:
            let line = prompt.text.trimmingCharacters(in: .whitespaces)
            if !line.isEmpty, state.commandHistory.last != line {
                state.commandHistory.append(line)
                if state.commandHistory.count > 50 { state.commandHistory.removeFirst() }
            }
            return ConsoleCommands.run(&state, prompt.text)
        case let .operation(_, change):
            return submitOperationPrompt(&state, change, text: prompt.text)
        case let .projectName(id):
            return nameProject(&state, id: id, name: prompt.text)
        }
    }
}
