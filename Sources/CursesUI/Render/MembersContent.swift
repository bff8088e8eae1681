import Console
import TerminalText

/// The members pane: member id (`(you)` on my project's row), status (or the change in flight),
/// created and updated times.
struct MembersContent: PaneContent {
    let glyphs: Glyphs
    /// My project, to mark my own row.
    let projectID: String?

    let columns = [
        ColumnSpec(title: "Member ID", minimum: 12, preferred: 32, dropRank: nil),
        ColumnSpec(title: "Status", minimum: 11, preferred: 12, dropRank: nil, flexible: true),
        ColumnSpec(title: "Created", minimum: 16, preferred: 16, dropRank: 2),
        ColumnSpec(title: "Updated", minimum: 16, preferred: 16, dropRank: 1),
    ]
    let gutter = 2
    let noun = "members"
    let emptyHint = "no members"

    func cell(_ row: MemberRow, column: Int, width: Int) -> (String, Role?) {
        switch column {
        case 0:
            let id = TerminalSafe.text(row.member.memberID)
            guard let projectID, row.member.memberID == projectID else { return (id, nil) }
            let you = " (you)"
            let room = width - DisplayWidth.of(you)
            let shown = DisplayWidth.of(id) <= room ? id : TextFit.truncate(id, to: room, ellipsis: glyphs.ellipsis)
            return (shown + you, .own)
        case 1:
            if row.isRemoving { return (StatusText.removing(glyphs), .statusInFlight) }
            if let transition = row.transition {
                return (StatusText.transition(from: transition.from, to: transition.to.rawValue, width: width, glyphs: glyphs), .statusInFlight)
            }
            return (TerminalSafe.text(row.member.status), StatusText.role(row.member.status))
        case 2: return (TimeText.minutes(row.member.createdAt), nil)
        default: return (TimeText.minutes(row.member.updatedAt), nil)
        }
    }

    func highlight(_ row: MemberRow) -> Highlight.Kind? { row.highlight?.kind }
}
