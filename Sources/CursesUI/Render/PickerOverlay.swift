import Console
import TerminalText

/// The searchable list `+` opens (a group; then a role): a title, the filter
/// typed so far, and the matching items with the selected one highlighted.
enum PickerOverlay {
    static func draw(on canvas: inout Canvas, _ picker: Picker, body: Rect, glyphs: Glyphs) {
        let width = min(max(44, body.width * 2 / 3), body.width - 2)
        let height = min(max(8, body.height - 4), body.height)
        let box = Box.centred(width: width, height: height, in: body)
        Box.draw(on: &canvas, box, border: .dialog, title: TerminalSafe.text(picker.title), titleRole: .dialogTitle, fill: .dialog, glyphs: glyphs)
        let inner = max(1, box.width - 4)
        let filterLine = "find: " + TerminalSafe.text(picker.filter)
        canvas.put(filterLine, row: box.row + 1, column: box.column + 2, count: inner, role: .prompt, ellipsis: glyphs.ellipsis)
        let listTop = box.row + 3
        let listRows = max(1, box.height - 4)
        if picker.isLoading {
            canvas.put("loading\(glyphs.ellipsis)", row: listTop, column: box.column + 2, count: inner, role: .dim, ellipsis: glyphs.ellipsis)
            return
        }
        if let error = picker.error {
            canvas.put(glyphs.fold(TerminalSafe.text(error)), row: listTop, column: box.column + 2, count: inner, role: .error, ellipsis: glyphs.ellipsis)
            return
        }
        let items = picker.visible
        if items.isEmpty {
            canvas.put("nothing matches", row: listTop, column: box.column + 2, count: inner, role: .dim, ellipsis: glyphs.ellipsis)
            return
        }
        // Keep the cursor in view.
        let first = max(0, min(picker.cursor - listRows / 2, items.count - listRows))
        for (offset, item) in items.dropFirst(first).prefix(listRows).enumerated() {
            let index = first + offset
            let label = TerminalSafe.text(item.label)
            let detail = TerminalSafe.text(item.detail)
            let text = detail.isEmpty ? label : label + "  " + detail
            canvas.put(text, row: listTop + offset, column: box.column + 2, count: inner,
                       role: index == picker.cursor ? .selection : .dialog, ellipsis: glyphs.ellipsis)
        }
    }
}
