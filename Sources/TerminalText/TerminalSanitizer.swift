/// Makes server-supplied text safe to put on a terminal: control characters, bidi overrides and
/// invisible characters become visible text, so a hostile image name cannot move the cursor,
/// change colours, reorder a line or hide a character (ncurses obeys `\r` and friends).
public enum TerminalSanitizer {
    /// Untrusted text as people should see it (`EscapeNotation.visible`):
    /// - C0 controls and DEL become caret notation (`^[`, `^M`, `^?`).
    /// - C1 controls (U+0080–U+009F, e.g. the 8-bit CSI U+009B) become `\u{9b}`.
    /// - Bidi controls, zero-width characters and U+2028/U+2029 become `\u{202e}` etc.
    ///
    /// A line of the activity log goes through it too: no newline survives, so one entry stays one line.
    ///
    /// The emoji presentation selector (U+FE0F) is dropped: terminals disagree on how wide it makes
    /// an emoji that is one column by default (`🌦️`: tmux 3.3 and ncurses one column, newer
    /// terminals two), which shifts the rest of the row. Without it every terminal draws the
    /// emoji as wcwidth, ncurses and memberdeck measure it.
    public static func sanitize(_ text: String) -> String {
        let visible = escaped(text, as: .visible)
        // Most text is ASCII: nothing to look for (the UTF-8 check is one pass over the bytes).
        guard !visible.utf8.allSatisfy({ $0 < 0x80 }), visible.unicodeScalars.contains(where: { $0.value == 0xFE0F }) else { return visible }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: visible.unicodeScalars.lazy.filter { $0.value != 0xFE0F })
        return String(out)
    }

    /// The one escaper of untrusted text: every character a terminal would obey, hide or reorder on
    /// (`needsEscaping`), and whatever `notation`'s own syntax reserves, written as `notation` says.
    /// Text with nothing to escape is returned as it is, without copying.
    public static func escaped(_ text: String, as notation: EscapeNotation) -> String {
        guard text.unicodeScalars.contains(where: notation.escapes) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if notation.escapes(scalar) {
                out.append(contentsOf: notation.spelling(of: scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Sanitises bytes that may not be valid UTF-8 (invalid sequences become U+FFFD first).
    public static func sanitize(bytes: [UInt8]) -> String {
        sanitize(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether a terminal would obey, hide or reorder on `scalar` instead of showing it: C0 controls,
    /// DEL, C1 controls, bidi controls, invisible characters and the line and paragraph separators.
    /// Every output of memberdeck escapes these, through `escaped(_:as:)`.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool { !isPlain(scalar) }

    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return false }
        if value < 0x7F { return true }
        if (0x80...0x9F).contains(value) { return false }
        if isBidiControl(value) || isInvisible(value) || isSeparator(value) { return false }
        return true
    }

    /// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks to YAML and some terminals.
    static func isSeparator(_ value: UInt32) -> Bool { value == 0x2028 || value == 0x2029 }

    /// U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C.
    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// Zero-width and other invisible format characters that could hide text.
    static func isInvisible(_ value: UInt32) -> Bool {
        (0x200B...0x200D).contains(value) || value == 0x2060 || value == 0xFEFF || value == 0x00AD || (0xFFF9...0xFFFB).contains(value)
            || (0xE0000...0xE007F).contains(value)
    }
}
