/// How `TerminalSanitizer.escaped(_:as:)` writes a character it escapes, for each place untrusted text
/// goes. Which characters a terminal must not receive raw is decided once (`TerminalSanitizer.needsEscaping`);
/// a notation adds only what its own syntax reserves (a JSON string's quote and backslash).
public enum EscapeNotation: Sendable {
    /// For people: the console's screen, the activity log, and the table, value and csv outputs. C0
    /// controls and DEL in caret notation (`^[`, `^M`, `^?`), everything else as `\u{202e}`.
    case visible
    /// The contents of a JSON string: `\"`, `\\`, `\n`, `\r`, `\t`, else `\u001b`, and past U+FFFF a
    /// surrogate pair, so that a parser gives back the server's exact string.
    case jsonString
    /// The contents of a YAML double-quoted scalar: as JSON, but `\U0001f600` past U+FFFF; U+FFFE and
    /// U+FFFF, which YAML does not allow raw, are escaped too.
    case yamlString

    /// Whether `scalar` is written escaped in this notation.
    func escapes(_ scalar: Unicode.Scalar) -> Bool {
        if TerminalSanitizer.needsEscaping(scalar) { return true }
        switch self {
        case .visible: return false
        case .jsonString: return scalar == "\"" || scalar == "\\"
        case .yamlString: return scalar == "\"" || scalar == "\\" || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
    }

    /// How `scalar`, one that `escapes`, is written.
    func spelling(of scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        switch self {
        case .visible:
            if value < 0x20 { return "^" + String(Unicode.Scalar(UInt8(value + 0x40))) }
            return value == 0x7F ? "^?" : "\\u{\(String(value, radix: 16))}"
        case .jsonString:
            if let short = Self.shortEscape(scalar) { return short }
            guard value > 0xFFFF else { return Self.hex4(value) }
            let offset = value - 0x10000
            return Self.hex4(0xD800 + (offset >> 10)) + Self.hex4(0xDC00 + (offset & 0x3FF))
        case .yamlString:
            if let short = Self.shortEscape(scalar) { return short }
            return value > 0xFFFF ? "\\U" + Self.padded(value, to: 8) : Self.hex4(value)
        }
    }

    /// The escapes JSON and YAML share for the characters scripts most often meet.
    private static func shortEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return nil
        }
    }

    private static func hex4(_ value: UInt32) -> String { "\\u" + padded(value, to: 4) }

    private static func padded(_ value: UInt32, to width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
