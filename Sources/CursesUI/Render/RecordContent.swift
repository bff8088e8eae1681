import Console
import Foundation
import TerminalText

/// A pane's rows as its system's columns describe them: each cell shaped by its column's style
/// (short ids, `(mine)`, coloured statuses, times); children (an image's versions) indented under
/// their parent with `▸`/`▾`; a change in flight shown in the state column (or the last one on
/// screen), and the row highlighted when it settles, fails, or changed elsewhere.
struct RecordContent: PaneContent {
    let glyphs: Glyphs
    let columns: [ColumnSpec]
    let styles: [ColumnStyle]
    /// Where a change in flight shows, when that column is on screen.
    let stateColumn: Int?
    let gutter: Int
    let noun: String
    let emptyHint: String
    let now: Date
    /// Project names by id: owner and member cells show the name once it is known.
    let names: [String: String]

    /// Rows sampled to size the columns: enough to be representative, few enough for every frame.
    static let sampleSize = 200
    static let widestColumn = 40
    /// An owner's name takes at most this much room before it is cut.
    static let widestOwner = 16

    init(glyphs: Glyphs, model: PaneModel, rows: ArraySlice<RecordRow>, noun: String, now: Date, names: [String: String] = [:]) {
        self.glyphs = glyphs
        self.names = names
        styles = model.columns.map(\.style)
        stateColumn = model.stateColumn
        // Panes that take marks keep a column for the mark.
        gutter = model.actions.contains(.mark) ? 2 : 1
        let anyFlexible = model.columns.contains { $0.flexible }
        // Unless the system says otherwise, the first column takes what is left; the others are as
        // wide as their contents (up to a limit) and go first, the last first, when the pane is narrow.
        columns = model.columns.enumerated().map { index, column in
            let titleWidth = DisplayWidth.of(column.title)
            let minimum = column.minimum ?? (index == 0 ? 12 : max(6, titleWidth))
            // Measured only where it counts (every frame, 200 rows): a column without a preferred
            // width, and a member column, as wide as my row with its ` (you)` needs.
            let measured = { min(Self.widestColumn, max(minimum, rows.reduce(titleWidth) { widest, row in
                index < row.cells.count ? max(widest, Self.shownWidth(row, column: index, style: column.style, names: names)) : widest
            })) }
            var preferred = column.preferred ?? (index == 0 ? 28 : measured())
            if column.style == .member { preferred = max(preferred, measured()) }
            // An owner column grows to the project names that arrived (a short id is 8 columns).
            if column.style == .owner, !names.isEmpty { preferred = max(preferred, min(Self.widestOwner, measured())) }
            return ColumnSpec(title: column.title, minimum: minimum, preferred: max(minimum, preferred),
                              dropRank: index == 0 || column.essential ? nil : (column.dropRank ?? index),
                              flexible: column.flexible || (!anyFlexible && index == 0), onlyWithRoom: column.onlyWithRoom)
        }
        self.noun = noun
        emptyHint = model.emptyHint
        self.now = now
    }

    /// The columns a cell takes as drawn: a member by its name when known; my member row adds ` (you)`.
    static func shownWidth(_ row: RecordRow, column: Int, style: ColumnStyle, names: [String: String] = [:]) -> Int {
        let raw = row.cells[column]
        if style == .owner {
            if row.isMine { return DisplayWidth.of("(mine)") }
            return names[raw].map { DisplayWidth.of(TerminalSafe.text($0)) } ?? DisplayWidth.of(TerminalSafe.short(raw))
        }
        let text = DisplayWidth.of(TerminalSafe.text(style == .member ? names[raw] ?? raw : raw))
        return style == .member && row.isMine ? text + DisplayWidth.of(" (you)") : text
    }

    func cell(_ row: RecordRow, column: Int, width: Int) -> (String, Role?) {
        let raw = column < row.cells.count ? row.cells[column] : ""
        let style = column < styles.count ? styles[column] : .text
        let (text, role) = styled(raw, style, row: row, width: width)
        guard column == 0 else { return (text, role) }
        if row.depth > 0 { return (String(repeating: "  ", count: row.depth) + text, .dim) }
        if row.isExpandable { return ((row.isExpanded ? glyphs.expanded : glyphs.collapsed) + " " + text, role) }
        return (text, role)
    }

    private func styled(_ raw: String, _ style: ColumnStyle, row: RecordRow, width: Int) -> (String, Role?) {
        switch style {
        case .text: return (TerminalSafe.text(raw), nil)
        case .name: return raw.isEmpty ? ("(unnamed)", .dim) : (TerminalSafe.text(raw), nil)
        case .id: return (TerminalSafe.short(raw), nil)
        case .owner:
            if row.isMine { return ("(mine)", .own) }
            return names[raw].map { (TerminalSafe.text($0), nil) } ?? (TerminalSafe.short(raw), nil)
        case .member:
            let id = TerminalSafe.text(names[raw] ?? raw)
            guard row.isMine else { return (id, nil) }
            let you = " (you)"
            let room = width - DisplayWidth.of(you)
            let shown = DisplayWidth.of(id) <= room ? id : TextFit.truncate(id, to: room, ellipsis: glyphs.ellipsis)
            return (shown + you, .own)
        case .status: return (TerminalSafe.text(raw), StatusText.role(raw))
        case .time: return (TimeText.minutes(raw), nil)
        case .age: return (TimeText.age(raw, now: now), nil)
        }
    }

    func highlight(_ row: RecordRow) -> Highlight.Kind? { row.highlight?.kind }
    func inFlight(_ row: RecordRow) -> String? { row.inFlight }
    func inFlightColumn(placed: [PlacedColumn]) -> Int? {
        if let stateColumn, placed.contains(where: { $0.spec == stateColumn }) { return stateColumn }
        return placed.last?.spec
    }
}

/// The three panes, titled and worded by the system's `SystemModel`.
enum RecordPanesView {
    static func draw(on canvas: inout Canvas, _ state: ConsoleState, panes: [PaneID: Rect], glyphs: Glyphs, waiting: String?) {
        let records = state.records
        for pane in PaneID.allCases {
            guard let rect = panes[pane] else { continue }
            let model = state.system.pane(pane)
            let paneState = records.pane(pane)
            let title = PaneTitles.counted(TerminalSafe.text(ConsoleUpdate.recordPaneTitle(state, pane)), paneState,
                                           columns: model.columns.map(\.title))
            let content = RecordContent(glyphs: glyphs, model: model, rows: paneState.rows.prefix(RecordContent.sampleSize),
                                        noun: pane == .images ? model.title.lowercased() : "rows", now: state.now, names: state.projectNames)
            var view = PaneView(content: content, pane: paneState, title: title, focused: state.focus == pane, glyphs: glyphs, placeholder: waiting)
            if pane == .images { view.note = state.truncation?.summary }
            if pane == .members, paneState.rows.isEmpty {
                if records.detailParent == nil {
                    view.placeholder = waiting ?? model.selectHint
                } else if let note = records.detailParent?.detailNote {
                    view.placeholder = TerminalSafe.text(note)
                }
            }
            view.draw(on: &canvas, in: rect)
        }
    }
}
