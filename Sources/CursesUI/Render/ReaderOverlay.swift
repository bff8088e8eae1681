import Console
import TerminalText

/// The reader: a record field by field (`i`), the activity log newest first (`L`), the last error
/// (`E`). Nothing is cut: values wrap under their own column, and the view scrolls to keep the
/// cursor's item (what `y` copies) in the middle.
enum ReaderOverlay {
    /// The widest label column; a longer label wraps like a value.
    static let maxLabelWidth = 24

    static func draw(on canvas: inout Canvas, _ state: ConsoleState, _ reader: Reader, body: Rect, glyphs: Glyphs) {
        let items = state.readerItems(reader)
        let title = reader.kind == .log ? "\(reader.title) (\(items.count), newest first)" : TerminalSafe.text(reader.title)
        let position = items.isEmpty ? "" : "\(min(reader.cursor, items.count - 1) + 1)/\(items.count)  "
        Box.draw(on: &canvas, body, border: .dialog, title: glyphs.fold(title), titleRole: .dialogTitle,
                 note: position + "y copy  esc close", fill: .dialog, glyphs: glyphs)
        let width = body.width - 4
        var top = body.row + 1
        var rows = body.height - 2
        guard rows > 0, width > 0 else { return }
        // What the overlay is waiting for, or why it shows less than it could.
        if let status = reader.isLoading ? "reading the whole record\(glyphs.ellipsis)" : reader.note {
            canvas.put(glyphs.fold(TerminalSafe.text(status)), row: top, column: body.column + 2, count: width,
                       role: reader.isLoading ? .dim : .error, ellipsis: glyphs.ellipsis)
            top += 2
            rows -= 2
        }
        guard !items.isEmpty else {
            if rows > 0 {
                canvas.put(reader.kind == .log ? "no activity yet" : "nothing to show", row: top, column: body.column + 2,
                           count: width, role: .dim, ellipsis: glyphs.ellipsis)
            }
            return
        }
        guard rows > 0 else { return }
        let labelWidth = min(maxLabelWidth, items.map { DisplayWidth.of(TerminalSafe.text($0.label)) }.max() ?? 0)
        let valueColumn = labelWidth > 0 ? labelWidth + 2 : 0
        let valueWidth = max(1, width - valueColumn)
        let lines = items.map { item in
            TextFit.lines(glyphs.fold(TerminalSafe.text(item.value)), width: valueWidth)
        }
        var starts: [Int] = []
        var total = 0
        for itemLines in lines {
            starts.append(total)
            total += max(1, itemLines.count)
        }
        let cursor = min(reader.cursor, items.count - 1)
        let first = max(0, min(starts[cursor] - rows / 2, total - rows))
        for (index, item) in items.enumerated() {
            let itemLines = lines[index].isEmpty ? [""] : lines[index]
            let selected = index == cursor
            let role: Role = selected ? .selection : item.isError ? .error : .dialog
            for (offset, text) in itemLines.enumerated() {
                let line = starts[index] + offset - first
                guard line >= 0, line < rows else { continue }
                let row = top + line
                if selected { canvas.fill(row: row, column: body.column + 1, count: body.width - 2, role: .selection) }
                if offset == 0, labelWidth > 0 {
                    canvas.put(TerminalSafe.text(item.label), row: row, column: body.column + 2, count: labelWidth,
                               role: selected ? .selection : .dialogKey, ellipsis: glyphs.ellipsis)
                }
                canvas.put(text, row: row, column: body.column + 2 + valueColumn, count: valueWidth, role: role, ellipsis: glyphs.ellipsis)
            }
            if starts[index] - first >= rows { break }
        }
    }
}
