/// How a column's cells read on screen. The cells stay as the server sent them (filtering and
/// sorting use them as they are); the style only shapes what is drawn.
public enum ColumnStyle: Sendable, Equatable {
    /// As sent.
    case text
    /// A name: `(unnamed)`, dimmed, when empty.
    case name
    /// A long id, shortened.
    case id
    /// A project id, shortened; `(mine)` on the user's own rows.
    case owner
    /// A project id in full; ` (you)` after it on the user's own row.
    case member
    /// A status, coloured by what it says; a change in flight on the row shows here.
    case status
    /// A timestamp, to the minute.
    case time
    /// How long ago (`3d`), from a timestamp.
    case age
}

/// One column of a pane: its title, how its cells read, and how it gives way when the pane is narrow.
public struct ColumnModel: Sendable, Equatable, ExpressibleByStringLiteral {
    public var title: String
    public var style: ColumnStyle
    /// Narrowest and preferred widths; nil sizes the column from its contents.
    public var minimum: Int?
    public var preferred: Int?
    /// Columns with a higher rank are left out first when the pane is narrow; nil ranks by
    /// position (the last first). The first column, and an essential one, always stay.
    public var dropRank: Int?
    public var essential: Bool
    /// Takes the width left over (by default the first column does).
    public var flexible: Bool
    /// Shown only when every column fits at its preferred width (a detail worth no other column's room).
    public var onlyWithRoom: Bool

    public init(_ title: String, style: ColumnStyle = .text, minimum: Int? = nil, preferred: Int? = nil,
                dropRank: Int? = nil, essential: Bool = false, flexible: Bool = false, onlyWithRoom: Bool = false) {
        self.onlyWithRoom = onlyWithRoom
        self.title = title
        self.style = style
        self.minimum = minimum
        self.preferred = preferred
        self.dropRank = dropRank
        self.essential = essential
        self.flexible = flexible
    }

    public init(stringLiteral title: String) { self.init(title) }
}

/// A pane whose rows show the state of rows of another pane (the images pane shows my status from
/// the inbox): its state column reads theirs, and some keys act on their row.
public struct LinkedState: Sendable, Equatable {
    /// The pane whose rows hold the state; rows are linked by `RecordRow.subject`.
    public var source: PaneID
    /// Keys that act on the linked row.
    public var actions: [Action]
    /// Said when such a key is pressed on a row with no linked row.
    public var missing: String

    public init(source: PaneID, actions: [Action], missing: String) {
        self.source = source
        self.actions = actions
        self.missing = missing
    }
}
