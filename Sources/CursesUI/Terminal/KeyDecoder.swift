import CNCurses
import Console

/// Turns what `wget_wch` returns into `KeyPress`es (or a resize).
enum KeyDecoder {
    enum Decoded: Equatable {
        case key(KeyPress)
        case resize
        case mouse
        case ignored
    }

    /// - Parameters:
    ///   - isFunctionKey: `wget_wch` returned KEY_CODE_YES.
    static func decode(_ value: UInt32, isFunctionKey: Bool) -> Decoded {
        if isFunctionKey {
            switch Int32(value) {
            case KEY_RESIZE: return .resize
            case KEY_MOUSE: return .mouse
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_ENTER: return .key(.enter)
            default:
                let number = Int32(value) - KEY_F0
                if (1...24).contains(number) { return .key(.function(Int(number))) }
                return .ignored
            }
        }
        switch value {
        case 0x1B: return .key(.escape)
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(value + 0x60)!)))
        case 0x00..<0x20: return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }
}
