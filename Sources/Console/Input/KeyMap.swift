/// Which keys trigger which actions. Defaults follow k9s, htop and vi; every binding can be
/// replaced in config.yaml (`keys: {accept: [a, ctrl-a]}`).
public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [Action: [KeyPress]]
    private var lookup: [KeyPress: Action]

    public static let defaults: [Action: [KeyPress]] = [
        .up: [.up, .character("k")],
        .down: [.down, .character("j")],
        .top: [.home, .character("g")],
        .bottom: [.end, .character("G")],
        .pageUp: [.pageUp, .control("b")],
        .pageDown: [.pageDown, .control("f")],
        .nextPane: [.tab],
        .previousPane: [.backTab],
        .paneLeft: [.left, .character("h")],
        .paneRight: [.right, .character("l")],
        .open: [.enter],
        .back: [.escape],
        .accept: [.character("a")],
        .reject: [.character("r")],
        .pending: [.character("p")],
        .share: [.character("+")],
        .remove: [.character("d")],
        .mark: [.character(" ")],
        .toggleShare: [.character("c")],
        .filter: [.character("/")],
        .command: [.character(":")],
        .help: [.character("?"), .function(1)],
        .sort: [.character("s")],
        .reverseSort: [.character("S")],
        .refresh: [.character("R"), .function(5)],
        .log: [.character("L")],
        .describe: [.character("i")],
        .copyID: [.character("y")],
        .lastError: [.character("E")],
        .nameProject: [.character("N")],
        .sharedWith: [.character("w")],
        .quit: [.character("q"), .function(10)],
    ]

    public init(overrides: [Action: [KeyPress]] = [:]) {
        var bindings = Self.defaults
        for (action, keys) in overrides { bindings[action] = keys }
        self.bindings = bindings
        var lookup: [KeyPress: Action] = [:]
        // Overrides win over a default that used the same key.
        for (action, keys) in bindings where overrides[action] == nil { for key in keys { lookup[key] = action } }
        for (action, keys) in overrides { for key in keys { lookup[key] = action } }
        self.lookup = lookup
    }

    public func action(for key: KeyPress) -> Action? { lookup[key] }

    public func keys(for action: Action) -> [KeyPress] {
        (bindings[action] ?? []).filter { lookup[$0] == action }
    }

    /// The first key for an action, as shown in hints.
    public func label(for action: Action) -> String? { keys(for: action).first?.label }
}
