import Console
import TerminalText

/// A pane of record rows: the system's columns; children (an image's versions) indented under
/// their parent with `▸`/`▾`; a change in flight shown in the last column, and the row
/// highlighted when it settles, fails, or changed elsewhere.
struct RecordContent: PaneContent {
    let glyphs: Glyphs
    let columns: [ColumnSpec]
    let gutter = 1
    let noun: String
    let emptyHint: String

    /// Rows sampled to size the columns: enough to be representative, few enough for every frame.
    static let sampleSize = 200
    static let widestColumn = 40

    init(glyphs: Glyphs, titles: [String], rows: ArraySlice<RecordRow>, noun: String, emptyHint: String) {
        self.glyphs = glyphs
        // The first column takes what is left; the others are as wide as their contents (up to a
        // limit) and go first, the last first, when the pane is narrow.
        columns = titles.enumerated().map { index, title in
            guard index > 0 else { return ColumnSpec(title: title, minimum: 12, preferred: 28, dropRank: nil, flexible: true) }
            let widest = rows.reduce(DisplayWidth.of(title)) { widest, row in
                index < row.cells.count ? max(widest, DisplayWidth.of(TerminalSafe.text(row.cells[index]))) : widest
            }
            return ColumnSpec(title: title, minimum: max(6, DisplayWidth.of(title)), preferred: min(Self.widestColumn, max(6, widest)),
                              dropRank: index)
        }
        self.noun = noun
        self.emptyHint = emptyHint
    }

    func cell(_ row: RecordRow, column: Int, width: Int) -> (String, Role?) {
        let text = column < row.cells.count ? TerminalSafe.text(row.cells[column]) : ""
        guard column == 0 else { return (text, nil) }
        if row.depth > 0 { return (String(repeating: "  ", count: row.depth) + text, .dim) }
        if row.isExpandable { return ((row.isExpanded ? glyphs.expanded : glyphs.collapsed) + " " + text, nil) }
        return (text, nil)
    }

    func highlight(_ row: RecordRow) -> Highlight.Kind? { row.highlight?.kind }
    func inFlight(_ row: RecordRow) -> String? { row.inFlight }
}

/// The three panes of a system of record rows, titled and worded by its `SystemModel`.
enum RecordPanesView {
    static func draw(on canvas: inout Canvas, _ state: ConsoleState, _ records: RecordPanes, panes: [PaneID: Rect], glyphs: Glyphs, waiting: String?) {
        for pane in PaneID.allCases {
            guard let rect = panes[pane] else { continue }
            let model = state.system.pane(pane)
            let paneState = records.pane(pane)
            let title = PaneTitles.counted(TerminalSafe.text(ConsoleUpdate.recordPaneTitle(state, pane)), paneState, columns: model.columns)
            let content = RecordContent(glyphs: glyphs, titles: model.columns, rows: paneState.rows.prefix(RecordContent.sampleSize), noun: "rows",
                                        emptyHint: model.emptyHint)
            var view = PaneView(content: content, pane: paneState, title: title, focused: state.focus == pane, glyphs: glyphs, placeholder: waiting)
            if pane == .images { view.note = state.truncation?.summary }
            if pane == .members, records.detailParent == nil, paneState.rows.isEmpty {
                view.placeholder = waiting ?? model.selectHint
            }
            view.draw(on: &canvas, in: rect)
        }
    }
}
