import Console
import TerminalText

/// A pane of Glance v1, Atmosphere or Bonita: the system's columns; Atmosphere's versions indented
/// under their image with `▸`/`▾`; a change in flight shown in the last column.
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
        if let inFlight = row.inFlight, column == columns.count - 1 {
            return (glyphs.fold(inFlight), .statusInFlight)
        }
        let text = column < row.cells.count ? TerminalSafe.text(row.cells[column]) : ""
        guard column == 0 else { return (text, nil) }
        if row.depth > 0 { return (String(repeating: "  ", count: row.depth) + text, .dim) }
        if row.isExpandable { return ((row.isExpanded ? glyphs.expanded : glyphs.collapsed) + " " + text, nil) }
        return (text, nil)
    }
}

/// The three panes of Glance v1, Atmosphere and Bonita.
enum DirectoryPanes {
    static func draw(on canvas: inout Canvas, _ state: ConsoleState, _ directory: DirectoryState, panes: [PaneID: Rect], glyphs: Glyphs, waiting: String?) {
        let project = TerminalSafe.text(state.session?.projectName ?? "")
        for pane in PaneID.allCases {
            guard let rect = panes[pane] else { continue }
            let columns = directory.profile.columns[pane] ?? []
            let paneState = directory.pane(pane)
            let title = PaneTitles.counted(TerminalSafe.text(directory.title(pane, project: project)), paneState, columns: columns)
            let content = RecordContent(glyphs: glyphs, titles: columns, rows: paneState.rows.prefix(RecordContent.sampleSize), noun: "rows",
                                        emptyHint: emptyHint(directory, pane))
            var view = PaneView(content: content, pane: paneState, title: title, focused: state.focus == pane, glyphs: glyphs, placeholder: waiting)
            if pane == .images { view.note = state.truncation?.summary }
            if pane == .members, directory.detailParent == nil, paneState.rows.isEmpty {
                view.placeholder = waiting ?? selectHint(directory.profile.kind)
            }
            view.draw(on: &canvas, in: rect)
        }
    }

    static func selectHint(_ kind: DirectoryKind) -> String {
        switch kind {
        case .glanceV1: return "select an image"
        case .atmosphere: return "select a version (enter on an image shows them)"
        case .bonita: return "select a user"
        }
    }

    static func emptyHint(_ directory: DirectoryState, _ pane: PaneID) -> String {
        switch (directory.profile.kind, pane) {
        case (.glanceV1, .members): return "no members"
        case (.glanceV1, .memberships): return "nothing shared with this project"
        case (.atmosphere, .members): return "no group may launch this version"
        case (.atmosphere, .memberships): return "no version memberships"
        case (.bonita, .members): return "no memberships"
        default: return "nothing here"
        }
    }
}
