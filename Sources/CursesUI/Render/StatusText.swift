import TerminalText

/// How statuses and in-flight changes read in the panes, and which role colours them.
enum StatusText {
    /// The role for a member status as the server sent it.
    static func role(_ status: String) -> Role {
        switch status {
        case "pending": return .statusPending
        case "accepted": return .statusAccepted
        case "rejected": return .statusRejected
        default: return .normal
        }
    }

    /// A change in flight as the system words it (`removing…`, `pending → accepted…`); when the
    /// column is too narrow for a transition, only where it goes (`→ accepted…`).
    static func inFlight(_ text: String, width: Int, glyphs: Glyphs) -> String {
        let folded = glyphs.fold(text)
        guard DisplayWidth.of(folded) > width, let range = text.range(of: " → ") else { return folded }
        return glyphs.fold("→ " + text[range.upperBound...])
    }
}
