import Console
import TerminalText

/// The last row: the prompt being typed, else the flash message, else key hints for the focused pane
/// built from the live key map (so remapped keys show as they are), with mutating actions dimmed in
/// read-only mode.
enum FooterView {
    /// The actions hinted for a pane, in order of importance (the tail is dropped when narrow):
    /// what the system has in that pane, then what every pane has.
    static func hintedActions(_ pane: PaneID, system: SystemModel) -> [Action] {
        system.pane(pane).actions + [.filter, .command, .help, .quit]
    }

    /// Draws the footer; returns where the terminal cursor goes (in a prompt).
    static func draw(on canvas: inout Canvas, _ state: ConsoleState, glyphs: Glyphs) -> (row: Int, column: Int)? {
        let row = canvas.height - 1
        let width = canvas.width
        canvas.fill(row: row, column: 0, count: width, role: .footer)
        if case let .prompt(prompt) = state.overlay {
            let label = glyphs.fold(TerminalSafe.text(prompt.label))
            let text = TerminalSafe.text(prompt.text)
            // Keep the end of long input in view, with the cursor after it.
            let labelShown = promptLabel(label, width: max(0, width / 2), glyphs: glyphs)
            let used = canvas.write(labelShown, row: row, column: 0, role: .prompt)
            let shown = TextFit.takeLast(text, max(0, width - used - 1))
            let typed = canvas.write(shown, row: row, column: used, role: .prompt)
            if let choices = prompt.choices {
                let room = width - used - typed - 3
                if room > 0 {
                    canvas.write(TextFit.truncate(TerminalSafe.text(choices), to: room, ellipsis: glyphs.ellipsis),
                                 row: row, column: used + typed + 2, role: .dim)
                }
            }
            return (row, min(width - 1, used + typed))
        }
        if let flash = state.flash {
            let role: Role
            switch flash.level {
            case .info: role = .flashInfo
            case .warning: role = .flashWarning
            case .error: role = .flashError
            }
            let text = TextFit.truncate(glyphs.fold(TerminalSafe.text(flash.text)), to: width, ellipsis: glyphs.ellipsis)
            canvas.fill(row: row, column: 0, count: width, role: role)
            canvas.write(text, row: row, column: 0, role: role)
            return nil
        }
        switch state.overlay {
        case .help:
            drawFixed(on: &canvas, [("esc", "close")], row: row)
        case .reader:
            drawFixed(on: &canvas, [(glyphs.fold("↑↓"), "move"), ("y", "copy"), ("esc", "close")], row: row)
        case .confirm:
            // The dialog's keys are fixed by the controller (not remappable), so they are spelled out.
            drawFixed(on: &canvas, [("tab", "switch"), ("enter", "choose"), ("y", "yes"), ("esc", "cancel")], row: row)
        case .picker:
            drawFixed(on: &canvas, [("type", "to find"), (glyphs.fold("↑↓"), "move"), ("enter", "choose"), ("esc", "cancel")], row: row)
        case .none, .prompt:
            drawHints(on: &canvas, state, row: row, glyphs: glyphs)
        }
        return nil
    }

    /// A prompt's label cut to `width`, still ending with its `: ` so the typed text never runs into it.
    static func promptLabel(_ label: String, width: Int, glyphs: Glyphs) -> String {
        guard DisplayWidth.of(label) > width else { return label }
        let separator = label.hasSuffix(": ") ? ": " : " "
        let body = label.hasSuffix(": ") ? String(label.dropLast(2)) : label
        return TextFit.truncate(body, to: max(0, width - separator.count), ellipsis: glyphs.ellipsis) + separator
    }

    private static func drawFixed(on canvas: inout Canvas, _ hints: [(String, String)], row: Int) {
        var column = 0
        for (key, word) in hints {
            if column > 0 { column += 2 }
            column += canvas.write(key, row: row, column: column, role: .footerKey)
            column += canvas.write(" " + word, row: row, column: column, role: .footer)
        }
    }

    /// The hints the last to go when the row is narrow: how to learn the rest, and how to leave.
    static let lastToGo: [Action] = [.help, .quit]

    private static func drawHints(on canvas: inout Canvas, _ state: ConsoleState, row: Int, glyphs: Glyphs) {
        let keyMap = state.settings.keyMap
        let hints: [(action: Action, label: String, word: String)] = hintedActions(state.focus, system: state.system).compactMap { action in
            guard let key = keyMap.keys(for: action).first else { return nil }
            return (action, KeyLabel.text(key, glyphs: glyphs), hintWord(action, system: state.system))
        }
        func width(_ hint: (action: Action, label: String, word: String)) -> Int { 2 + DisplayWidth.of(hint.label) + 1 + DisplayWidth.of(hint.word) }
        // `? help` and `q quit` first, then the others in order while they fit (the tail goes);
        // drawn in the usual order.
        var kept = Set<Action>()
        var used = -2
        for hint in hints where lastToGo.contains(hint.action) && used + width(hint) <= canvas.width {
            kept.insert(hint.action)
            used += width(hint)
        }
        for hint in hints where !lastToGo.contains(hint.action) {
            guard used + width(hint) <= canvas.width else { break }
            kept.insert(hint.action)
            used += width(hint)
        }
        var column = 0
        for hint in hints where kept.contains(hint.action) {
            let disabled = state.settings.readOnly && hint.action.isMutating
            if column > 0 { column += 2 }
            column += canvas.write(hint.label, row: row, column: column, role: disabled ? .dim : .footerKey)
            column += canvas.write(" " + hint.word, row: row, column: column, role: disabled ? .dim : .footer)
        }
    }

    /// The word after a key in the hints (shorter than the help text where that one is long).
    static func hintWord(_ action: Action, system: SystemModel) -> String {
        if let word = system.words[action] { return word }
        switch action {
        case .pending: return "pending"
        case .toggleShare: return "can share"
        case .log: return "log"
        default: return action.summary
        }
    }
}
