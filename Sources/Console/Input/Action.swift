/// Everything a key can do in the normal mode. The key map binds keys to these.
public enum Action: String, Sendable, CaseIterable, Hashable {
    case up, down, top, bottom, pageUp = "page-up", pageDown = "page-down"
    case nextPane = "next-pane", previousPane = "previous-pane", paneLeft = "pane-left", paneRight = "pane-right"
    case open, back
    case accept, reject, pending
    case share, remove, mark
    /// Let the selected member share the image further, or not (where members have that flag).
    case toggleShare = "toggle-share"
    case filter, command, help, sort, refresh, log, quit
    /// Every field of the focused row's record, in full (`i`).
    case describe
    /// Copies the focused row's id to the terminal's clipboard (OSC 52).
    case copyID = "copy-id"
    /// The last error, in full.
    case lastError = "last-error"
    /// Gives the focused row's project (member or owner) a name of your own.
    case nameProject = "name-project"
    /// The same sort column, the other way round.
    case reverseSort = "reverse-sort"
    /// Every image (mine; all, for an admin) shared with the focused member's project, with its status.
    case sharedWith = "shared-with"

    /// Actions that change something on the server (disabled in read-only mode).
    public var isMutating: Bool { [.accept, .reject, .pending, .share, .remove, .toggleShare].contains(self) }

    /// Actions a system has or lacks (its `SystemModel` says where); the others work everywhere.
    public var isCapability: Bool { isMutating || self == .mark || self == .open || self == .sharedWith }

    /// Short text for the footer and the help overlay.
    public var summary: String {
        switch self {
        case .up: return "up"
        case .down: return "down"
        case .top: return "first row"
        case .bottom: return "last row"
        case .pageUp: return "page up"
        case .pageDown: return "page down"
        case .nextPane: return "next pane"
        case .previousPane: return "previous pane"
        case .paneLeft: return "pane left"
        case .paneRight: return "pane right"
        case .open: return "open"
        case .back: return "back"
        case .accept: return "accept"
        case .reject: return "reject"
        case .pending: return "reset to pending"
        case .share: return "share"
        case .remove: return "remove"
        case .mark: return "mark"
        case .toggleShare: return "toggle can share"
        case .filter: return "filter"
        case .command: return "command"
        case .help: return "help"
        case .sort: return "sort"
        case .reverseSort: return "reverse sort"
        case .refresh: return "refresh"
        case .log: return "activity log"
        case .describe: return "describe"
        case .copyID: return "copy id"
        case .lastError: return "last error"
        case .nameProject: return "name project"
        case .sharedWith: return "shared with it"
        case .quit: return "quit"
        }
    }
}
