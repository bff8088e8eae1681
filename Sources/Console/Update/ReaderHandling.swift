import Foundation

/// The reader overlay: `i` describes the focused row (its own fields at once, then the whole record
/// as the server has it), `L` the activity log, `E` the last error; `y` copies.
extension ConsoleUpdate {
    /// Items a page key moves by.
    static let readerPage = 10

    /// `i`, or Enter on a row with nothing to open.
    static func describeRow(_ state: inout ConsoleState) -> [Effect] {
        guard let row = state.records.pane(state.focus).selected else {
            flash(&state, "no row to describe", .info)
            return []
        }
        let columns = state.system.pane(state.focus).columns
        // What the row shows, uncut, while the server is asked for the rest.
        let fields = columns.indices.map { RecordField(columns[$0].title, row.cell($0)) }
        let request = takeID(&state)
        state.overlay = .reader(Reader(kind: .describe(request: request), title: row.label, items: fields, isLoading: true))
        return [.describe(request: request, connection: row.connection ?? connectionID(state), row: row)]
    }

    /// The whole record arrived (or could not be read): it replaces the row's fields, if the
    /// overlay is still the one that asked.
    static func described(_ state: inout ConsoleState, _ request: Int, _ result: Result<[RecordField], Failure>) {
        guard case var .reader(reader) = state.overlay,
              reader.kind == .describe(request: request) || reader.kind == .sharedWith(request: request) else { return }
        reader.isLoading = false
        switch result {
        case let .success(fields):
            if !fields.isEmpty { reader.items = fields }
        case let .failure(error) where reader.kind == .sharedWith(request: request):
            reader.items = [RecordField("error", describe(error), isError: true)]
        case let .failure(error):
            reader.note = "only the listed fields: \(describe(error))"
        }
        reader.cursor = min(reader.cursor, max(0, reader.items.count - 1))
        state.overlay = .reader(reader)
    }

    /// `w` on a member row: every image shared with its project, read from the server.
    static func listSharedWith(_ state: inout ConsoleState) -> [Effect] {
        guard state.system.has(.sharedWith, in: state.focus) else {
            flashActionHome(&state, .sharedWith)
            return []
        }
        guard let row = state.records.pane(state.focus).selected else {
            flash(&state, "select a member first", .info)
            return []
        }
        let request = takeID(&state)
        let project = state.projectNames[row.key] ?? row.key
        state.overlay = .reader(Reader(kind: .sharedWith(request: request), title: "Images shared with \(project)", isLoading: true))
        return [.listSharedWith(request: request, connection: row.connection ?? connectionID(state), row: row)]
    }

    /// `L`: the activity log, newest first.
    static func openLog(_ state: inout ConsoleState) {
        state.overlay = .reader(.activityLog)
    }

    /// `E`: the last error in full, with when, where and as whom.
    static func openLastError(_ state: inout ConsoleState) {
        guard let report = state.lastError else {
            flash(&state, "no error so far", .info)
            return
        }
        var items = [RecordField("error", report.text, isError: true), RecordField("when", ActivityEntry.stamp(report.time))]
        if let place = report.place { items.append(RecordField("where", place)) }
        state.overlay = .reader(Reader(kind: .lastError, title: "Last error", items: items))
    }

    static func handleReaderKey(_ state: inout ConsoleState, _ reader: Reader, _ key: KeyPress) -> [Effect] {
        var reader = reader
        let items = state.readerItems(reader)
        let action = state.settings.keyMap.action(for: key)
        let opener: Action
        switch reader.kind {
        case .describe: opener = .describe
        case .log: opener = .log
        case .lastError: opener = .lastError
        case .sharedWith: opener = .sharedWith
        }
        if key == .escape || key == .enter || action == .quit || action == .back || action == opener {
            state.overlay = .none
            return []
        }
        let last = max(0, items.count - 1)
        switch action {
        case .up?: reader.cursor = max(0, reader.cursor - 1)
        case .down?: reader.cursor = min(last, reader.cursor + 1)
        case .top?: reader.cursor = 0
        case .bottom?: reader.cursor = last
        case .pageUp?: reader.cursor = max(0, reader.cursor - readerPage)
        case .pageDown?: reader.cursor = min(last, reader.cursor + readerPage)
        case .copyID?:
            guard items.indices.contains(reader.cursor) else { return [] }
            let item = items[reader.cursor]
            return copy(&state, item.value, what: item.label.isEmpty ? "the entry" : item.label)
        default:
            return []
        }
        state.overlay = .reader(reader)
        return []
    }

    /// `y` outside the reader: the focused row's id (its pane's id column, else its key).
    static func copyRowID(_ state: inout ConsoleState) -> [Effect] {
        guard let row = state.records.pane(state.focus).selected else {
            flash(&state, "no row to copy", .info)
            return []
        }
        let id = state.system.pane(state.focus).idColumn.map { row.cell($0) } ?? row.key
        return copy(&state, id, what: "the id of \(row.label)")
    }

    /// The longest text sent to the clipboard: terminals refuse longer OSC 52 payloads (xterm's
    /// default limit is about 100 kB of base64).
    static let clipboardLimit = 65_536

    static func copy(_ state: inout ConsoleState, _ text: String, what: String) -> [Effect] {
        guard !text.isEmpty else {
            flash(&state, "\(what) is empty: nothing copied", .info)
            return []
        }
        guard text.utf8.count <= clipboardLimit else {
            flash(&state, "\(what) is too long for the clipboard (\(text.utf8.count) bytes, at most \(clipboardLimit))", .warning)
            return []
        }
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        // Says what was copied, the id itself (not the name flashes give it).
        state.flash = Flash(text: "copied \(shown) to the clipboard", level: .info, until: state.now.addingTimeInterval(flashSeconds))
        return [.copyToClipboard(text)]
    }
}
