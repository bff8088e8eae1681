import Console

/// The view: `render(state) -> Frame`, a pure function of the console state and the terminal size.
/// Header on row 0, the three panes, the footer on the last row, and any overlay on top. Only the
/// rows on screen are laid out, so the cost does not grow with the number of images.
public enum ConsoleRenderer {
    /// - Parameters:
    ///   - width: terminal columns; every line of the frame is exactly this many display columns.
    ///   - height: terminal lines; the frame has exactly this many.
    ///   - unicode: box drawing, braille spinner, `→` and `…` when true; ASCII (`+-|`, `|/-\`, `->`,
    ///     `...`) for a non-UTF-8 locale or a vt100.
    public static func render(_ state: ConsoleState, width: Int, height: Int, unicode: Bool) -> Frame {
        let glyphs = Glyphs(unicode: unicode)
        var canvas = Canvas(width: width, height: height)
        guard Layout.fits(width: width, height: height) else {
            TooSmallView.draw(on: &canvas, glyphs: glyphs)
            return Frame(width: canvas.width, height: canvas.height, lines: canvas.lines())
        }
        HeaderView.draw(on: &canvas, state, glyphs: glyphs)
        let panes = Layout.panes(width: width, height: height)
        // Before the session exists every pane says why it is empty.
        let waiting: String? = state.session != nil ? nil : (state.connectionError != nil ? "not connected" : "connecting\(glyphs.ellipsis)")
        RecordPanesView.draw(on: &canvas, state, panes: panes, glyphs: glyphs, waiting: waiting)
        let body = Rect(row: 1, column: 0, width: width, height: height - 2)
        switch state.overlay {
        case .help: HelpOverlay.draw(on: &canvas, state, body: body, glyphs: glyphs)
        case let .reader(reader): ReaderOverlay.draw(on: &canvas, state, reader, body: body, glyphs: glyphs)
        case let .confirm(confirmation): ConfirmOverlay.draw(on: &canvas, confirmation, body: body, glyphs: glyphs)
        case let .picker(picker): PickerOverlay.draw(on: &canvas, picker, body: body, glyphs: glyphs)
        case .prompt, .none: break
        }
        let cursor = FooterView.draw(on: &canvas, state, glyphs: glyphs)
        return Frame(width: width, height: height, lines: canvas.lines(), cursor: cursor)
    }
}
