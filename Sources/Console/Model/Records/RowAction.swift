/// A change the core can send for a row: what the system performs, and the words and the
/// optimistic row the core shows until the server answers. The system prepares it when it builds
/// the row, so the core needs no knowledge of what the change means.
public struct RowOperation: Sendable, Equatable {
    /// What the system's adapter performs.
    public var request: RowRef
    /// What the row shows while the change is in flight (`removing…`, `can share → yes…`).
    public var inFlight: String
    /// What the flash and the activity log say (`remove p-a from golden`); `{}` is the argument.
    public var description: String
    /// For an addition: the row shown, in flight, until the answer (`{}` in its cells is the argument).
    public var newRow: RecordRow?
    /// Typed by the user (a prompt's project id), or chosen in a picker.
    public var argument: String?

    public init(request: RowRef, inFlight: String, description: String, newRow: RecordRow? = nil, argument: String? = nil) {
        self.request = request
        self.inFlight = inFlight
        self.description = description
        self.newRow = newRow
        self.argument = argument
    }

    /// The operation with the user's argument filled in.
    public func with(argument: String) -> RowOperation {
        var filled = self
        filled.argument = argument
        filled.description = description.replacingOccurrences(of: "{}", with: argument)
        if var row = newRow {
            row.key = row.key.replacingOccurrences(of: "{}", with: argument)
            row.cells = row.cells.map { $0.replacingOccurrences(of: "{}", with: argument) }
            filled.newRow = row
        }
        return filled
    }
}

/// What a key does to a row (or, for `+`, to the row whose detail is shown).
public enum RowAction: Sendable, Equatable {
    /// Sent at once.
    case perform(RowOperation)
    /// Sent after a yes in a dialog that starts on Cancel.
    case confirm(title: String, message: String, confirmLabel: String, RowOperation)
    /// A prompt whose text (ids, comma- or space-separated) makes one operation each.
    case prompt(label: String, RowOperation)
    /// A searchable list the system fills; the choice leads to the next step.
    case pick(PickerRequest)
    /// The key exists in the system but not for this row: says why.
    case refused(String)
}

/// What a picker lists: the system reads `ref` to load the items.
public struct PickerRequest: Sendable, Equatable {
    public var title: String
    public var ref: RowRef

    public init(title: String, ref: RowRef) {
        self.title = title
        self.ref = ref
    }
}

/// What the server answered to an operation, as the system turned it into rows.
public enum OperationOutcome: Sendable, Equatable {
    /// The row as the server now has it (replaces the one in flight, or the new row of an addition).
    case row(RecordRow)
    /// The row is gone.
    case removed
}
