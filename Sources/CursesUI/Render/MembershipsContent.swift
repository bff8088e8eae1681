import Console
import Foundation

/// The memberships pane (my inbox): status (or the change in flight), image name, owner, and how
/// long ago the share was offered.
struct MembershipsContent: PaneContent {
    let glyphs: Glyphs
    let now: Date

    let columns = [
        ColumnSpec(title: "Status", minimum: 11, preferred: 12, dropRank: nil),
        ColumnSpec(title: "Image", minimum: 10, preferred: 20, dropRank: nil, flexible: true),
        ColumnSpec(title: "Owner", minimum: 8, preferred: 8, dropRank: 1),
        ColumnSpec(title: "Age", minimum: 4, preferred: 4, dropRank: 2),
    ]
    let gutter = 2
    let noun = "memberships"
    let emptyHint = "no shares offered to your project"

    func cell(_ row: MembershipRow, column: Int, width: Int) -> (String, Role?) {
        switch column {
        case 0:
            if let transition = row.transition {
                return (StatusText.transition(from: transition.from, to: transition.to.rawValue, width: width, glyphs: glyphs), .statusInFlight)
            }
            return (TerminalSafe.text(row.status), StatusText.role(row.status))
        case 1:
            guard let name = row.image.name, !name.isEmpty else { return (TerminalSafe.short(row.image.id), .dim) }
            return (TerminalSafe.text(name), nil)
        case 2: return (TerminalSafe.short(row.image.owner ?? ""), nil)
        default: return (TimeText.age(row.sharedAt ?? row.image.createdAt, now: now), nil)
        }
    }

    func highlight(_ row: MembershipRow) -> Highlight.Kind? { row.highlight?.kind }
}
