import TerminalText

/// Below the minimum size: one polite, centred message instead of squeezed panes.
enum TooSmallView {
    static func message(width: Int, height: Int, glyphs: Glyphs) -> String {
        "terminal too small: \(width)\(glyphs.times)\(height) (need at least \(Layout.minimumWidth)\(glyphs.times)\(Layout.minimumHeight))"
    }

    static func draw(on canvas: inout Canvas, glyphs: Glyphs) {
        let lines = TextFit.wrap(message(width: canvas.width, height: canvas.height, glyphs: glyphs), to: canvas.width)
        let shown = Array(lines.prefix(canvas.height))
        let top = (canvas.height - shown.count) / 2
        for (offset, line) in shown.enumerated() {
            let column = (canvas.width - DisplayWidth.of(line)) / 2
            canvas.write(line, row: top + offset, column: max(0, column), role: .normal)
        }
    }
}
