/// What is drawn over the panes and takes the keys.
public enum Overlay: Sendable, Equatable {
    case none
    case help
    case log
    case prompt(Prompt)
    case confirm(Confirmation)
    /// A searchable list to choose from (a group, a role).
    case picker(Picker)
}

/// A one-line text input at the bottom: `/` filter, `:` command, `+` share.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case filter(PaneID)
        case command
        /// Share an image: project ids, comma-separated.
        case share(imageID: String, imageName: String)
        /// A system's prompt for a record pane: each id typed makes one `operation`.
        case operation(label: String, RecordChange)
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    /// The prefix shown before the text.
    public var label: String {
        switch kind {
        case .filter: return "/"
        case .command: return ":"
        case let .share(_, name): return "share \(name) with (project ids, comma-separated): "
        case let .operation(label, _): return label
        }
    }
}

/// A yes/no dialog; the focus starts on Cancel so that Enter alone never destroys anything.
public struct Confirmation: Sendable, Equatable {
    public var title: String
    public var message: String
    public var confirmLabel: String
    public var removals: [MemberRemoval]
    /// A confirmed change to a record row (instead of `removals`).
    public var change: RecordChange?
    public var focusOnConfirm: Bool = false

    public init(title: String, message: String, confirmLabel: String, removals: [MemberRemoval]) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.removals = removals
    }
}

/// One member to remove from one image.
public struct MemberRemoval: Sendable, Hashable {
    public var imageID: String
    public var memberID: String
}
