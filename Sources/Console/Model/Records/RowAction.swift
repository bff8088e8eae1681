/// A change the core can send for a row: what the system performs, and the words and the
/// optimistic row the core shows until the server answers. The system prepares it when it builds
/// the row, so the core needs no knowledge of what the change means.
///
/// An operation may be written once for every row of a pane (shared, so 10,000 rows cost one):
/// `{key}` and `{row}` in its texts and new row stand for the row's key and label, and `target`
/// is the row's ref, all filled in when a key sends it (`bound(to:)`).
public struct RowOperation: Sendable, Equatable {
    /// What the system's adapter performs.
    public var request: RowRef
    /// The row it was sent for (its ref and cells), set when it is sent.
    public var target: RecordRow? {
        get { targetStorage.first }
        set { targetStorage = newValue.map { [$0] } ?? [] }
    }
    /// Behind a pointer, as `newRow` is.
    private var targetStorage: [RecordRow] = []
    /// What the row shows while the change is in flight (`removing…`, `can share → yes…`).
    public var inFlight: String
    /// What the flash and the activity log say (`remove p-a from golden`); `{}` is the argument.
    public var description: String
    /// For an addition: the row shown, in flight, until the answer (`{}` in its cells is the argument).
    public var newRow: RecordRow? {
        get { newRowStorage.first }
        set { newRowStorage = newValue.map { [$0] } ?? [] }
    }
    /// `newRow` behind a pointer: a row is large, and every action of every row carries an
    /// operation, so storing it inline would multiply the memory of a pane of 10,000 rows.
    private var newRowStorage: [RecordRow] = []
    /// Typed by the user (a prompt's project id), or chosen in a picker.
    public var argument: String?
    /// The state the change leaves and the one it asks for, for the activity log (`pending`,
    /// `accepted`; `none` for an addition, `removed` for a removal). Without them the log says
    /// the description.
    public var from: String?
    public var to: String?
    /// What the flash says when it is done (`{}` is the argument); `<description>: done` otherwise.
    public var doneMessage: String?

    public init(request: RowRef, inFlight: String, description: String, newRow: RecordRow? = nil, argument: String? = nil,
                from: String? = nil, to: String? = nil, doneMessage: String? = nil) {
        self.request = request
        self.inFlight = inFlight
        self.description = description
        self.newRowStorage = newRow.map { [$0] } ?? []
        self.argument = argument
        self.from = from
        self.to = to
        self.doneMessage = doneMessage
    }

    /// The operation as sent for `row`: `{key}` and `{row}` filled in, and `target` set.
    public func bound(to row: RecordRow) -> RowOperation {
        var bound = self
        bound.target = target ?? row
        guard [description, inFlight, doneMessage ?? ""].contains(where: { $0.contains("{key}") || $0.contains("{row}") }) || newRow != nil else {
            return bound
        }
        let fill = { (text: String) in text.replacingOccurrences(of: "{key}", with: row.key).replacingOccurrences(of: "{row}", with: row.label) }
        bound.description = fill(description)
        bound.inFlight = fill(inFlight)
        bound.doneMessage = doneMessage.map(fill)
        bound.newRow = newRow?.filled(fill)
        return bound
    }

    /// The operation with the user's argument filled in.
    public func with(argument: String) -> RowOperation {
        var filled = self
        filled.argument = argument
        let fill = { (text: String) in text.replacingOccurrences(of: "{}", with: argument) }
        filled.description = fill(description)
        filled.doneMessage = doneMessage.map(fill)
        filled.newRow = newRow?.filled(fill)
        return filled
    }
}

extension RecordRow {
    /// The row with `fill` applied to its key, cells, label, subject and log name (a new row's placeholders).
    func filled(_ fill: (String) -> String) -> RecordRow {
        var row = self
        row.key = fill(key)
        row.cells = cells.map(fill)
        row.label = fill(label)
        row.subject = subject.map(fill)
        if var name = logName {
            name.objectID = fill(name.objectID)
            name.objectName = fill(name.objectName)
            name.memberID = fill(name.memberID)
            row.logName = name
        }
        return row
    }
}

/// What a key does to a row (or, for `+`, to the row whose detail is shown).
public enum RowAction: Sendable, Equatable {
    /// Sent at once.
    case perform(RowOperation)
    /// Sent after a yes in a dialog that starts on Cancel. `many` is the message when several
    /// marked rows are confirmed at once (`{n}` is how many, `{names}` names them).
    case confirm(title: String, message: String, confirmLabel: String, RowOperation, many: String? = nil)
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
