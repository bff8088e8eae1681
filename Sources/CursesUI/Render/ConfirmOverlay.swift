import Console
import TerminalText

/// A yes/no dialog: title, message, `[ Cancel ]` and `[ <confirm> ]`, the focused button marked
/// (focus starts on Cancel, so Enter alone never destroys anything).
enum ConfirmOverlay {
    static func draw(on canvas: inout Canvas, _ confirmation: Confirmation, body: Rect, glyphs: Glyphs) {
        let title = TerminalSafe.text(confirmation.title)
        let message = glyphs.fold(TerminalSafe.text(confirmation.message))
        let cancel = "[ Cancel ]"
        let confirm = "[ \(TerminalSafe.text(confirmation.confirmLabel)) ]"
        let buttonsWidth = DisplayWidth.of(cancel) + 3 + DisplayWidth.of(confirm)
        let wanted = max(40, DisplayWidth.of(title) + 8, min(DisplayWidth.of(message), 64) + 4, buttonsWidth + 4)
        let width = min(wanted, body.width - 2)
        let innerWidth = max(1, width - 4)
        let maxLines = max(1, body.height - 6)
        var lines = TextFit.wrap(message, to: innerWidth)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = TextFit.truncate(lines[maxLines - 1] + glyphs.ellipsis, to: innerWidth, ellipsis: glyphs.ellipsis)
        }
        // Border, blank, message, blank, buttons, border.
        let box = Box.centred(width: width, height: lines.count + 5, in: body)
        Box.draw(on: &canvas, box, border: .dialog, title: title, titleRole: .dialogTitle, fill: .dialog, glyphs: glyphs)
        for (offset, line) in lines.enumerated() {
            canvas.put(line, row: box.row + 2 + offset, column: box.column + 2, count: innerWidth, role: .dialog, ellipsis: glyphs.ellipsis)
        }
        let buttonsRow = box.row + box.height - 2
        var column = box.column + max(2, (box.width - buttonsWidth) / 2)
        column += canvas.write(cancel, row: buttonsRow, column: column, limit: box.column + box.width - 1 - column,
                               role: confirmation.focusOnConfirm ? .dialogButton : .dialogButtonFocused)
        column += 3
        canvas.write(confirm, row: buttonsRow, column: column, limit: max(0, box.column + box.width - 1 - column),
                     role: confirmation.focusOnConfirm ? .dialogButtonFocused : .dialogButton)
    }
}
