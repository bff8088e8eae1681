/// Lowercasing that allocates only when there is something to lower: most of what a pane shows and
/// sorts by (ids, states, dates, lowercase names) is lowercase already, and 100,000 rows would
/// otherwise each hold, or make on every sort, a copy of the same text.
enum TextCase {
    /// True when `text.lowercased() == text`: decided on the bytes for ASCII, and otherwise by each
    /// scalar's Unicode property, without lowering anything.
    static func isLowercase(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return !text.unicodeScalars.contains { $0.properties.changesWhenLowercased } }
            if byte >= 0x41, byte <= 0x5A { return false }
        }
        return true
    }

    /// `text.lowercased()`, the same string (no copy) when it is lowercase already.
    static func lowered(_ text: String) -> String {
        isLowercase(text) ? text : text.lowercased()
    }
}
