/// What is drawn over the panes and takes the keys.
public enum Overlay: Sendable, Equatable {
    case none
    case help
    /// Scrollable text: a record described, the activity log, the last error.
    case reader(Reader)
    case prompt(Prompt)
    case confirm(Confirmation)
    /// A searchable list to choose from (a group, a role).
    case picker(Picker)
}

/// A one-line text input at the bottom: `/` filter, `:` command, and the systems' prompts (`+` share).
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case filter(PaneID)
        case command
        /// A system's prompt for a record pane: each id typed makes one `operation`.
        case operation(label: String, RecordChange)
        /// `N`: the name to give a project id (kept in projects.yaml).
        case projectName(id: String)
    }

    public var kind: Kind
    public var text: String
    /// What Tab found when it could not complete: the choices, shown after the text.
    public var choices: String?
    /// Where Up and Down are in the command history (nil: the line being typed).
    public var historyPosition: Int?

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    /// The prefix shown before the text.
    public var label: String {
        switch kind {
        case .filter: return "/"
        case .command: return ":"
        case let .operation(label, _): return label
        case let .projectName(id): return "name project \(id): "
        }
    }
}

/// A yes/no dialog; the focus starts on Cancel so that Enter alone never destroys anything.
public struct Confirmation: Sendable, Equatable {
    public var title: String
    public var message: String
    public var confirmLabel: String
    /// What a yes sends: one change per row (several when rows were marked).
    public var changes: [RecordChange]
    /// How the batch summary says the changes were done (`3 removed`).
    public var doneWord: String = "done"
    public var focusOnConfirm: Bool = false

    public init(title: String, message: String, confirmLabel: String, changes: [RecordChange]) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.changes = changes
    }
}
