import Console

/// Draws one pane: a bordered box with its title, a column header, and the rows on screen. Only the
/// rows in `visible[top ..< top + capacity]` are laid out, so a pane of 10,000 images costs what a
/// pane of 30 does.
struct PaneView<Content: PaneContent> {
    let content: Content
    let pane: PaneState<Content.Row>
    let title: String
    let focused: Bool
    let glyphs: Glyphs
    /// Replaces the empty hint when the pane has nothing to show yet (`select an image`, `connecting…`).
    var placeholder: String?
    /// Said in the bottom border (why a listing is partial), so it outlives the flash.
    var note: String?

    /// The bottom border: why a listing is partial, how many rows are marked, and where the cursor
    /// is (`12/220`), as k9s and htop show it.
    var bottomNote: String? {
        var parts: [String] = []
        if let note { parts.append(TerminalSafe.text(note)) }
        if !pane.marked.isEmpty { parts.append("\(pane.marked.count) marked") }
        if !pane.visible.isEmpty { parts.append("\(pane.cursor + 1)/\(pane.visible.count)") }
        return parts.isEmpty ? nil : parts.joined(separator: "  ")
    }

    func draw(on canvas: inout Canvas, in rect: Rect) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        Box.draw(on: &canvas, rect, border: focused ? .borderFocused : .border, title: title,
                 titleRole: focused ? .titleFocused : .title, note: bottomNote, glyphs: glyphs)
        let inner = Box.inner(rect)
        let tableWidth = max(0, inner.width - content.gutter)
        let placed = ColumnPlan.place(content.columns, width: tableWidth)
        let tableColumn = inner.column + content.gutter
        drawHeader(on: &canvas, inner: inner, placed: placed, tableColumn: tableColumn)
        let capacity = inner.height - 1
        guard capacity > 0 else { return }
        let firstRow = inner.row + 1
        if pane.visible.isEmpty {
            let (message, role) = emptyMessage()
            canvas.put(message, row: firstRow, column: tableColumn, count: tableWidth, role: role, ellipsis: glyphs.ellipsis)
            return
        }
        let top = scrollTop(capacity: capacity)
        for offset in 0..<capacity {
            let position = top + offset
            guard position < pane.visible.count else { break }
            drawRow(on: &canvas, pane.rows[pane.visible[position]], isCursor: position == pane.cursor, row: firstRow + offset,
                    inner: inner, placed: placed, tableColumn: tableColumn)
        }
    }

    private func drawHeader(on canvas: inout Canvas, inner: Rect, placed: [PlacedColumn], tableColumn: Int) {
        canvas.fill(row: inner.row, column: inner.column, count: inner.width, role: .columnHeader)
        for column in placed {
            canvas.put(content.columns[column.spec].title, row: inner.row, column: tableColumn + column.offset, count: column.width,
                       role: .columnHeader, ellipsis: glyphs.ellipsis)
        }
    }

    private func drawRow(on canvas: inout Canvas, _ row: Content.Row, isCursor: Bool, row line: Int, inner: Rect,
                         placed: [PlacedColumn], tableColumn: Int) {
        let isMarked = !pane.marked.isEmpty && pane.marked.contains(row.key)
        let selection: Role = focused ? .selection : .selectionUnfocused
        let base: Role
        switch content.highlight(row) {
        case .settled?: base = .highlightSettled
        case .external?: base = .highlightExternal
        case .failed?: base = .highlightFailed
        case nil: base = isCursor ? selection : (isMarked ? .marked : .normal)
        }
        canvas.fill(row: line, column: inner.column, count: inner.width, role: base)
        if content.gutter > 0 {
            // The gutter keeps showing the cursor while a highlight colours the rest of the row.
            let gutterRole: Role = isCursor ? selection : (isMarked ? .marked : base)
            canvas.put(isMarked ? glyphs.mark : "", row: line, column: inner.column, count: content.gutter, role: gutterRole, ellipsis: "")
        }
        let inFlight = content.inFlight(row)
        let inFlightColumn = inFlight == nil ? nil : content.inFlightColumn(placed: placed)
        for column in placed {
            var (text, role) = content.cell(row, column: column.spec, width: column.width)
            if let inFlight, column.spec == inFlightColumn {
                (text, role) = (StatusText.inFlight(TerminalSafe.text(inFlight), width: column.width, glyphs: glyphs), .statusInFlight)
            }
            canvas.put(text, row: line, column: tableColumn + column.offset, count: column.width,
                       role: base == .normal ? (role ?? base) : base, ellipsis: glyphs.ellipsis)
        }
    }

    /// The controller's scroll position, moved only as far as needed to keep the cursor on screen
    /// (the controller's idea of the pane height can lag a resize by one event).
    private func scrollTop(capacity: Int) -> Int {
        var top = min(max(0, pane.top), max(0, pane.visible.count - 1))
        if pane.cursor < top { top = pane.cursor }
        if pane.cursor >= top + capacity { top = pane.cursor - capacity + 1 }
        return max(0, top)
    }

    private func emptyMessage() -> (String, Role) {
        switch pane.loading {
        case let .failed(message): return (glyphs.fold(TerminalSafe.text(message)), .error)
        case let .loading(count) where pane.rows.isEmpty:
            return (count > 0 ? "\(content.noun) \(count)\(glyphs.ellipsis)" : "loading\(glyphs.ellipsis)", .dim)
        default:
            if let filter = pane.filter, !pane.rows.isEmpty { return ("nothing matches /\(TerminalSafe.text(filter.typed))", .dim) }
            return (placeholder ?? content.emptyHint, .dim)
        }
    }
}
