import Console

/// How a key is written in hints and help: `KeyPress.label`, sanitised (a key in config.yaml can be
/// any character), with words instead of arrows in ASCII frames.
enum KeyLabel {
    static func text(_ key: KeyPress, glyphs: Glyphs) -> String {
        if !glyphs.unicode {
            switch key {
            case .up: return "up"
            case .down: return "down"
            case .left: return "left"
            case .right: return "right"
            default: break
            }
        }
        return TerminalSafe.text(key.label)
    }

    /// Every key of an action, joined by `/` (`↑/k`).
    static func all(_ action: Action, keyMap: KeyMap, glyphs: Glyphs) -> String {
        keyMap.keys(for: action).map { text($0, glyphs: glyphs) }.joined(separator: "/")
    }
}
