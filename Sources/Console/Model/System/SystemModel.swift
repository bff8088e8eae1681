/// What the core knows of the connected system: what its three panes are called and show, which
/// actions it has and in which pane, the words of its hints, and its own `:` commands. Each system
/// declares one in its folder (`Sources/ConsoleRuntime/Systems/`); the core and the view read it
/// and never name a system. A capability absent here is neither hinted, listed in `?`, nor
/// completed, and its key says the system lacks it.
public struct SystemModel: Sendable, Equatable {
    /// How messages name the system (`has no can share`).
    public var name: String
    public var panes: [PaneID: PaneModel]
    /// Words for actions in hints and help where the system says it otherwise (`+ add group`).
    public var words: [Action: String]
    /// `:` commands of this system beyond the shared ones.
    public var commands: [CommandSpec]
    /// How a batch summary says an action was done (`3 accepted`); `done` otherwise.
    public var doneWords: [Action: String]
    /// Panes read again after a change settles, because they show its consequences.
    public var refreshAfterChange: [PaneID]
    /// What the second pane shows during `:sweep` (the shares a sweep would take back), for a
    /// system that has one.
    public var sweepPane: PaneModel?

    public init(name: String, panes: [PaneID: PaneModel], words: [Action: String] = [:], doneWords: [Action: String] = [:],
                sweepPane: PaneModel? = nil, commands: [CommandSpec] = [], refreshAfterChange: [PaneID] = []) {
        self.sweepPane = sweepPane
        self.name = name
        self.panes = panes
        self.words = words
        self.doneWords = doneWords
        self.commands = commands
        self.refreshAfterChange = refreshAfterChange
    }

    public func pane(_ id: PaneID) -> PaneModel { panes[id] ?? PaneModel(title: "", columns: []) }

    /// Whether the system has `action` in any pane. Moving, filtering and the like are everywhere.
    public func has(_ action: Action) -> Bool {
        !action.isCapability || panes.values.contains { $0.actions.contains(action) }
    }

    /// Whether `action` applies in `pane` (listed there, or acting there on a linked row).
    public func has(_ action: Action, in pane: PaneID) -> Bool {
        let model = self.pane(pane)
        return !action.isCapability || model.actions.contains(action) || model.linked?.actions.contains(action) == true
    }

    /// The word after a key in hints and help.
    public func word(_ action: Action) -> String { words[action] ?? action.summary }

    /// The word of a batch summary (`accepted`).
    public func doneWord(_ action: Action) -> String { doneWords[action] ?? "done" }

    /// The command called `name`, if the system has it.
    public func command(_ name: String) -> CommandSpec? { commands.first { $0.names.contains(name) } }
}

/// One pane of a system.
public struct PaneModel: Sendable, Equatable {
    /// `{}` is replaced by the detail's parent row (second pane) or the session's project (others).
    public var title: String
    /// The title while the pane lists everything (`:images all`), if the system has such a command.
    public var allTitle: String?
    public var columns: [ColumnModel]
    /// The actions this pane has beyond moving and filtering, in the order the hints show them.
    public var actions: [Action]
    /// Said when the pane has no rows.
    public var emptyHint: String
    /// Said by the detail pane while no row with a detail is selected (`select a user`).
    public var selectHint: String?
    /// Set when the pane's rows show the state of another pane's rows.
    public var linked: LinkedState?
    /// The column holding the row's id, which `y` copies; nil copies the row's key.
    public var idColumn: Int?

    public init(title: String, allTitle: String? = nil, columns: [ColumnModel], actions: [Action] = [], emptyHint: String = "nothing here",
                selectHint: String? = nil, linked: LinkedState? = nil, idColumn: Int? = nil) {
        self.idColumn = idColumn
        self.title = title
        self.allTitle = allTitle
        self.columns = columns
        self.actions = actions
        self.emptyHint = emptyHint
        self.selectHint = selectHint
        self.linked = linked
    }

    /// The column that shows the row's state (a status), where a change in flight is shown.
    public var stateColumn: Int? { columns.firstIndex { $0.style == .status } }
}

/// A `:` command a system adds (`:images all|mine`).
public struct CommandSpec: Sendable, Equatable {
    /// The name and its aliases (`inbox`, `memberships`).
    public var names: [String]
    /// As help shows it (`:images all|mine`).
    public var usage: String
    public var help: String
    /// What Tab completes after the name.
    public var arguments: [String]
    public var effect: CommandEffect

    public init(names: [String], usage: String, help: String, arguments: [String] = [], effect: CommandEffect) {
        self.names = names
        self.usage = usage
        self.help = help
        self.arguments = arguments
        self.effect = effect
    }
}

/// What a system's command does.
public enum CommandEffect: Sendable, Equatable {
    /// Moves the focus to a pane.
    case focus(PaneID)
    /// Chooses what the images pane lists (all or mine).
    case imageScope
    /// Fills the second pane with the shares a sweep would take back (`:sweep rejected pending 30d orphans`).
    case sweep
    /// Focuses the Memberships pane; `all` fills it from every cloud of clouds.yaml, `here` from the current one.
    case inboxSpan
}
