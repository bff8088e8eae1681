import Console

/// `L` / `:log`: the latest activity entries, newest at the bottom, as the log file has them.
enum LogOverlay {
    static func draw(on canvas: inout Canvas, _ state: ConsoleState, body: Rect, glyphs: Glyphs) {
        let box = body
        Box.draw(on: &canvas, box, border: .dialog, title: "Activity log (\(state.activity.count))", titleRole: .dialogTitle,
                 note: "esc close", fill: .dialog, glyphs: glyphs)
        let rows = box.height - 2
        let width = box.width - 4
        guard rows > 0, width > 0 else { return }
        guard !state.activity.isEmpty else {
            canvas.put("no activity yet", row: box.row + 1, column: box.column + 2, count: width, role: .dim, ellipsis: glyphs.ellipsis)
            return
        }
        let shown = state.activity.suffix(rows)
        for (offset, entry) in shown.enumerated() {
            let text = glyphs.fold(TerminalSafe.text(entry.line))
            canvas.put(text, row: box.row + 1 + offset, column: box.column + 2, count: width,
                       role: entry.outcome == .failed ? .error : .dialog, ellipsis: glyphs.ellipsis)
        }
    }
}
