import TerminalText

/// The one door through which server text enters a frame: everything a server sent (names, ids,
/// owners, statuses, messages) passes here before it is measured or drawn.
enum TerminalSafe {
    static func text(_ text: String) -> String { TerminalSanitizer.sanitize(text) }

    /// The first `count` characters of an id (`1a2b3c4d`), sanitised.
    static func short(_ id: String, _ count: Int = 8) -> String { TerminalSanitizer.sanitize(String(id.prefix(count))) }
}
