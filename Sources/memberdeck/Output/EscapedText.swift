import TerminalText

/// Quoted strings for json and yaml output that are safe on a terminal and give back the server's
/// exact string: every character `TerminalSanitizer` would not print raw (controls, DEL, C1, bidi
/// controls, invisible characters, U+2028/U+2029) is written as a `\u` escape.
enum EscapedText {
    /// A JSON string; characters past U+FFFF that need escaping become a surrogate pair.
    static func json(_ text: String) -> String {
        quoted(text, extraEscape: { _ in false }) { scalar in
            guard scalar.value > 0xFFFF else { return hex4(scalar.value) }
            let offset = scalar.value - 0x10000
            return hex4(0xD800 + (offset >> 10)) + hex4(0xDC00 + (offset & 0x3FF))
        }
    }

    /// A YAML double-quoted scalar (whose escapes are a superset of JSON's). U+FFFE and U+FFFF, which
    /// YAML does not allow raw, are escaped too.
    static func yaml(_ text: String) -> String {
        quoted(text, extraEscape: { $0.value == 0xFFFE || $0.value == 0xFFFF }) { scalar in
            scalar.value > 0xFFFF ? "\\U" + pad(String(scalar.value, radix: 16), to: 8) : hex4(scalar.value)
        }
    }

    private static func quoted(_ text: String, extraEscape: (Unicode.Scalar) -> Bool, escape: (Unicode.Scalar) -> String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalSanitizer.needsEscaping(scalar) || extraEscape(scalar) {
                    out += escape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String { "\\u" + pad(String(value, radix: 16), to: 4) }

    private static func pad(_ digits: String, to width: Int) -> String {
        String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
