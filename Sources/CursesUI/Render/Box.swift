import TerminalText

/// Bordered boxes: the panes and the overlays. A title sits in the top border
/// (`┌─ Images (37) ───┐`) and an optional note in the bottom one.
enum Box {
    static func draw(on canvas: inout Canvas, _ rect: Rect, border: Role, title: String?, titleRole: Role,
                     note: String? = nil, fill: Role? = nil, glyphs: Glyphs) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let bottom = rect.row + rect.height - 1
        let right = rect.column + rect.width - 1
        let line = String(repeating: glyphs.horizontal, count: rect.width - 2)
        canvas.write(glyphs.topLeft + line + glyphs.topRight, row: rect.row, column: rect.column, limit: rect.width, role: border)
        canvas.write(glyphs.bottomLeft + line + glyphs.bottomRight, row: bottom, column: rect.column, limit: rect.width, role: border)
        for row in (rect.row + 1)..<bottom {
            canvas.write(glyphs.vertical, row: row, column: rect.column, limit: 1, role: border)
            canvas.write(glyphs.vertical, row: row, column: right, limit: 1, role: border)
            if let fill { canvas.fill(row: row, column: rect.column + 1, count: rect.width - 2, role: fill) }
        }
        // Corner, one line, a space each side of the text, one line, corner.
        let room = rect.width - 6
        if let title, !title.isEmpty, room > 0 {
            let text = " " + TextFit.truncate(title, to: room, ellipsis: glyphs.ellipsis) + " "
            canvas.write(text, row: rect.row, column: rect.column + 2, limit: room + 2, role: titleRole)
        }
        if let note, !note.isEmpty, room > 0 {
            let text = " " + TextFit.truncate(note, to: room, ellipsis: glyphs.ellipsis) + " "
            let width = DisplayWidth.of(text)
            canvas.write(text, row: bottom, column: right - 1 - width, limit: width, role: border)
        }
    }

    /// The cells inside the border.
    static func inner(_ rect: Rect) -> Rect {
        Rect(row: rect.row + 1, column: rect.column + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 2))
    }

    /// A rectangle of `width` × `height` centred in `area`.
    static func centred(width: Int, height: Int, in area: Rect) -> Rect {
        let width = min(width, area.width)
        let height = min(height, area.height)
        return Rect(row: area.row + (area.height - height) / 2, column: area.column + (area.width - width) / 2, width: width, height: height)
    }
}
