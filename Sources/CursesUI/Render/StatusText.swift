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

    /// `pending → accepted…`, or `→ accepted…` when the column is narrow; `from` empty means the
    /// share is being created (`adding…`).
    static func transition(from: String, to: String, width: Int, glyphs: Glyphs) -> String {
        if from.isEmpty { return "adding" + glyphs.ellipsis }
        let full = "\(TerminalSafe.text(from)) \(glyphs.arrow) \(to)\(glyphs.ellipsis)"
        if DisplayWidth.of(full) <= width { return full }
        return "\(glyphs.arrow) \(to)\(glyphs.ellipsis)"
    }

    /// `removing…`.
    static func removing(_ glyphs: Glyphs) -> String { "removing" + glyphs.ellipsis }

    /// The images pane's Share text (my status, or the controller's `pending → accepted…` while a
    /// change is in flight), with its role.
    static func share(_ myStatus: String, width: Int, glyphs: Glyphs) -> (String, Role) {
        let arrow = " → "
        if myStatus.hasSuffix("…"), let range = myStatus.range(of: arrow) {
            let from = String(myStatus[..<range.lowerBound])
            let to = String(myStatus[range.upperBound...].dropLast())
            return (transition(from: from, to: TerminalSafe.text(to), width: width, glyphs: glyphs), .statusInFlight)
        }
        return (TerminalSafe.text(myStatus), role(myStatus))
    }
}
