import Console
import TerminalText

/// `?`: every action with its keys from the live key map, and the `:` commands. Each section flows
/// into as many columns as the screen needs (one at 120×40, two at 80×24).
enum HelpOverlay {
    /// The `:` commands of every system and what they do (kept short so two columns fit in 80
    /// columns); the connected system's own come first.
    static let sharedCommands: [(String, String)] = [
        (":cloud [NAME]", "switch cloud"),
        (":endpoint NAME", "use endpoint"),
        (":theme NAME", "switch theme"),
        (":refresh SECONDS|off", "auto-refresh"),
        // Both are keys too (L, q): one line, so that help still fits 80×24.
        (":log|:q", "log / quit"),
    ]

    struct Entry {
        var left: String
        var right: String
        var disabled = false
    }

    struct Section {
        var heading: String
        var entries: [Entry]
        var leftWidth: Int { entries.map { DisplayWidth.of($0.left) }.max() ?? 0 }
        var entryWidth: Int { leftWidth + 2 + (entries.map { DisplayWidth.of($0.right) }.max() ?? 0) }
    }

    static let gap = 3

    /// Opposite moves share one line (`↑/k ↓/j  up / down`), so that every key still fits 80×24.
    static let pairs: [(first: Action, second: Action, words: String)] = [
        (.up, .down, "up / down"),
        (.top, .bottom, "first / last row"),
        (.nextPane, .previousPane, "next / previous pane"),
        (.paneLeft, .paneRight, "pane left / right"),
        (.sort, .reverseSort, "sort / reverse"),
    ]

    static func sections(_ state: ConsoleState, glyphs: Glyphs) -> [Section] {
        let keyMap = state.settings.keyMap
        // A capability the connected system lacks is not listed.
        let present = Action.allCases.filter { state.system.has($0) }
        let seconds = Set(pairs.map(\.second))
        let keys = present.compactMap { action -> Entry? in
            let labels = KeyLabel.all(action, keyMap: keyMap, glyphs: glyphs)
            if let pair = pairs.first(where: { $0.first == action }) {
                let other = KeyLabel.all(pair.second, keyMap: keyMap, glyphs: glyphs)
                return Entry(left: [labels, other].map { $0.isEmpty ? "(none)" : $0 }.joined(separator: " "), right: pair.words)
            }
            if seconds.contains(action) { return nil }
            let disabled = state.settings.readOnly && action.isMutating
            return Entry(left: labels.isEmpty ? "(none)" : labels, right: state.system.word(action) + (disabled ? " (off)" : ""), disabled: disabled)
        }
        let commands = systemCommands(state.system) + sharedCommands
        return [Section(heading: "Keys", entries: keys),
                Section(heading: "Commands", entries: commands.map { Entry(left: $0.0, right: $0.1) })]
    }

    /// The system's own commands; those that move the focus share one line (`:inbox [all]|:members`)
    /// so that help fits 80×24.
    static func systemCommands(_ system: SystemModel) -> [(String, String)] {
        var entries: [(String, String)] = []
        var focus: [String] = []
        for command in system.commands {
            switch command.effect {
            case .focus, .inboxSpan: focus.append(command.usage)
            case .imageScope, .sweep: entries.append((command.usage, command.help))
            }
        }
        if !focus.isEmpty { entries.append((focus.joined(separator: "|"), "focus a pane")) }
        return entries
    }

    static func draw(on canvas: inout Canvas, _ state: ConsoleState, body: Rect, glyphs: Glyphs) {
        let list = sections(state, glyphs: glyphs)
        let maxInnerWidth = max(1, body.width - 4)
        let maxRows = max(1, body.height - 2)
        var columns = Array(repeating: 1, count: list.count)
        func rows(_ index: Int) -> Int { (list[index].entries.count + columns[index] - 1) / columns[index] }
        func totalRows() -> Int { list.indices.reduce(0) { $0 + 1 + rows($1) } + list.count - 1 }
        func width(_ index: Int, _ count: Int) -> Int { count * list[index].entryWidth + gap * (count - 1) }
        // Spread the tallest section over one more column while the whole does not fit.
        while totalRows() > maxRows {
            let growable = list.indices.filter { width($0, columns[$0] + 1) <= maxInnerWidth }
            guard let tallest = growable.max(by: { rows($0) < rows($1) }) else { break }
            columns[tallest] += 1
        }
        let innerWidth = min(maxInnerWidth, list.indices.map { width($0, columns[$0]) }.max() ?? 1)
        let box = Box.centred(width: innerWidth + 4, height: min(maxRows, totalRows()) + 2, in: body)
        Box.draw(on: &canvas, box, border: .dialog, title: "Help", titleRole: .dialogTitle, note: "esc close", fill: .dialog, glyphs: glyphs)
        let lastRow = box.row + box.height - 2
        var y = box.row + 1
        for (index, section) in list.enumerated() {
            if index > 0 { y += 1 }
            guard y <= lastRow else { break }
            canvas.put(section.heading, row: y, column: box.column + 2, count: innerWidth, role: .dialogTitle, ellipsis: glyphs.ellipsis)
            y += 1
            let sectionRows = rows(index)
            let columnWidth = min(section.entryWidth, (innerWidth - gap * (columns[index] - 1)) / columns[index])
            for (position, entry) in section.entries.enumerated() {
                let line = y + position % sectionRows
                let x = box.column + 2 + (position / sectionRows) * (columnWidth + gap)
                if line > lastRow { continue }
                drawEntry(on: &canvas, entry, row: line, column: x, width: columnWidth, leftWidth: section.leftWidth, glyphs: glyphs)
            }
            y += sectionRows
        }
        if totalRows() > maxRows {
            // More entries than room: say so rather than cut silently.
            canvas.put("\(glyphs.ellipsis) (enlarge the terminal to see all)", row: lastRow, column: box.column + 2, count: innerWidth,
                       role: .dim, ellipsis: glyphs.ellipsis)
        }
    }

    private static func drawEntry(on canvas: inout Canvas, _ entry: Entry, row: Int, column: Int, width: Int, leftWidth: Int, glyphs: Glyphs) {
        let leftShown = min(leftWidth, width)
        canvas.put(entry.left, row: row, column: column, count: leftShown, role: entry.disabled ? .dim : .dialogKey, ellipsis: glyphs.ellipsis)
        let rest = width - leftShown - 2
        guard rest > 0 else { return }
        canvas.put(entry.right, row: row, column: column + leftShown + 2, count: rest, role: entry.disabled ? .dim : .dialog, ellipsis: glyphs.ellipsis)
    }
}
