/// What one screen shows: lines of styled spans, exactly `width` columns each, `height` lines.
/// Pure data, so render tests compare it as text; `Screen` paints it with ncurses.
public struct Frame: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var lines: [FrameLine]
    /// Where the terminal cursor should be (in a prompt), or nil to hide it.
    public var cursor: (row: Int, column: Int)?

    public init(width: Int, height: Int, lines: [FrameLine], cursor: (row: Int, column: Int)? = nil) {
        self.width = width
        self.height = height
        self.lines = lines
        self.cursor = cursor
    }

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.lines == rhs.lines
            && lhs.cursor?.row == rhs.cursor?.row && lhs.cursor?.column == rhs.cursor?.column
    }

    /// The frame as plain text, one line per row (for tests and snapshots).
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// One screen line: spans of text, each with a semantic role the theme turns into colours.
public struct FrameLine: Sendable, Equatable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }

    public var text: String { spans.map(\.text).joined() }
}

/// A run of text in one role. The text is already sanitised and measured.
public struct Span: Sendable, Equatable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
}

/// Semantic roles: what a piece of the screen means. Themes give each a style.
public enum Role: String, Sendable, CaseIterable, Equatable {
    case normal
    case header
    case headerBadge = "header.badge"
    case title
    case titleFocused = "title.focused"
    case border
    case borderFocused = "border.focused"
    case columnHeader = "column.header"
    case selection
    case selectionUnfocused = "selection.unfocused"
    case marked
    case statusPending = "status.pending"
    case statusAccepted = "status.accepted"
    case statusRejected = "status.rejected"
    case statusInFlight = "status.inflight"
    case highlightSettled = "highlight.settled"
    case highlightExternal = "highlight.external"
    case highlightFailed = "highlight.failed"
    case own
    case dim
    /// A failure shown in place (connection error, a pane that could not load).
    case error
    case footer
    case footerKey = "footer.key"
    case flashInfo = "flash.info"
    case flashWarning = "flash.warning"
    case flashError = "flash.error"
    case prompt
    case dialog
    case dialogTitle = "dialog.title"
    /// Key names listed in the help overlay.
    case dialogKey = "dialog.key"
    case dialogButton = "dialog.button"
    case dialogButtonFocused = "dialog.button.focused"
}
