import Foundation

/// A scrollable overlay of wrapped text that takes the keys: a row's record field by field (`i`,
/// or Enter on a row with nothing to open), the activity log (`L`), and the last error in full (`E`).
/// Nothing in it is cut: long values wrap, and the cursor scrolls through the items.
public struct Reader: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A row's record; `request` is the read of the whole record from the server.
        case describe(request: Int)
        /// The activity log, newest first (read live from the state, so it grows while open).
        case log
        /// The last error, in full, with where and when.
        case lastError
        /// The images shared with a member's project; `request` is their read from the server.
        case sharedWith(request: Int)
    }

    public var kind: Kind
    public var title: String
    /// What it shows; the log's items are the state's activity instead (`ConsoleState.readerItems`).
    public var items: [RecordField]
    /// The item `y` copies, kept in view.
    public var cursor = 0
    /// The whole record is being read (the row's own fields show meanwhile).
    public var isLoading = false
    /// Said under the title: why the fields are only those the row shows, say.
    public var note: String?

    /// The activity log, as `L` opens it.
    public static let activityLog = Reader(kind: .log, title: "Activity log")

    public init(kind: Kind, title: String, items: [RecordField] = [], isLoading: Bool = false, note: String? = nil) {
        self.kind = kind
        self.title = title
        self.items = items
        self.isLoading = isLoading
        self.note = note
    }
}

/// One field of a record as the describe overlay shows it (`checksum`, the full value), or one
/// entry of a reader's list. `isError` draws it as an error (a failed activity entry).
public struct RecordField: Sendable, Equatable {
    public var label: String
    public var value: String
    public var isError: Bool

    public init(_ label: String, _ value: String, isError: Bool = false) {
        self.label = label
        self.value = value
        self.isError = isError
    }
}

/// The last error the console showed, kept whole for `E` (the footer cuts it to one line).
public struct ErrorReport: Sendable, Equatable {
    public var time: Date
    public var text: String
    /// The connection and user it happened as, when connected.
    public var place: String?

    public init(time: Date, text: String, place: String? = nil) {
        self.time = time
        self.text = text
        self.place = place
    }
}

extension ConsoleState {
    /// What a reader lists: its own items, or for the log the activity, newest first.
    public func readerItems(_ reader: Reader) -> [RecordField] {
        guard case .log = reader.kind else { return reader.items }
        return activity.reversed().map { RecordField("", $0.line, isError: $0.outcome == .failed) }
    }
}
