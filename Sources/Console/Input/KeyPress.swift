/// A key as the view layer decoded it from the terminal.
public enum KeyPress: Sendable, Hashable {
    case character(Character)
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)

    /// Parses the names used in config.yaml: `a`, `A`, `?`, `space`, `enter`, `esc`, `tab`,
    /// `shift-tab`, `up`, `pgdn`, `home`, `f5`, `ctrl-r`, `backspace`, `delete`.
    public init?(name: String) {
        let lower = name.lowercased()
        switch lower {
        case "space": self = .character(" ")
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "shift-tab", "backtab", "btab": self = .backTab
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "pgup", "pageup", "page-up": self = .pageUp
        case "pgdn", "pagedown", "page-down": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "backspace", "bs": self = .backspace
        case "delete", "del": self = .delete
        default:
            if lower.hasPrefix("ctrl-"), name.count == 6, let character = lower.last, character.isLetter {
                self = .control(character)
            } else if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
                self = .function(number)
            } else if name.count == 1, let character = name.first, !character.isWhitespace {
                self = .character(character)
            } else {
                return nil
            }
        }
    }

    /// How the key is written in help and hints.
    public var label: String {
        switch self {
        case .character(" "): return "space"
        case let .character(character): return String(character)
        case let .control(character): return "ctrl-\(character)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case let .function(number): return "f\(number)"
        }
    }
}
