import Console

/// The images pane: name, short id, visibility, owner (`(mine)` for my project's images) and, for
/// images shared with me, my member status.
struct ImagesContent: PaneContent {
    let glyphs: Glyphs

    let columns = [
        ColumnSpec(title: "Name", minimum: 12, preferred: 24, dropRank: nil, flexible: true),
        ColumnSpec(title: "ID", minimum: 8, preferred: 8, dropRank: 3),
        ColumnSpec(title: "Visibility", minimum: 7, preferred: 10, dropRank: 4),
        ColumnSpec(title: "Owner", minimum: 8, preferred: 8, dropRank: 2),
        ColumnSpec(title: "Share", minimum: 8, preferred: 11, dropRank: 1),
    ]
    let gutter = 1
    let noun = "images"
    let emptyHint = "no images"

    func cell(_ row: ImageRow, column: Int, width: Int) -> (String, Role?) {
        switch column {
        case 0:
            guard let name = row.image.name, !name.isEmpty else { return ("(unnamed)", .dim) }
            return (TerminalSafe.text(name), nil)
        case 1: return (TerminalSafe.short(row.image.id), nil)
        case 2: return (TerminalSafe.text(row.image.visibility ?? ""), nil)
        case 3: return row.isOwn ? ("(mine)", .own) : (TerminalSafe.short(row.image.owner ?? ""), nil)
        default:
            guard let status = row.myStatus else { return ("", nil) }
            let (text, role) = StatusText.share(status, width: width, glyphs: glyphs)
            return (text, role)
        }
    }
}
