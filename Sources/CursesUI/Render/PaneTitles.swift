import Console

/// Pane titles: the visible count (`Images (37)`), with the filter when one is active
/// (`Images (3/37) /ubu`) and the sort when it is not the default (`[sorted by Owner]`).
enum PaneTitles {
    static func images(_ state: ConsoleState) -> String {
        counted(state.imageScope == .all ? "All images" : "Images", state.images, columns: ImageRow.columns)
    }

    static func members(_ state: ConsoleState) -> String {
        guard let imageID = state.membersImageID else { return counted("Members", state.members, columns: MemberRow.columns) }
        return counted("Members of \(imageName(state, imageID))", state.members, columns: MemberRow.columns)
    }

    static func memberships(_ state: ConsoleState) -> String {
        counted("Memberships", state.memberships, columns: MembershipRow.columns)
    }

    /// The image the members pane shows, by name. Looked up among the selected rows only (no
    /// search through every image each frame); an id prefix otherwise.
    static func imageName(_ state: ConsoleState, _ imageID: String) -> String {
        let name: String?
        if let row = state.images.selected, row.key == imageID {
            name = row.image.name
        } else if let row = state.memberships.selected, row.key == imageID {
            name = row.image.name
        } else {
            name = nil
        }
        if let name, !name.isEmpty { return TerminalSafe.text(name) }
        return TerminalSafe.short(imageID)
    }

    static func counted<Row>(_ name: String, _ pane: PaneState<Row>, columns: [String]) -> String {
        var title = name
        if let filter = pane.filter {
            title += " (\(pane.visible.count)/\(pane.rows.count)) /\(TerminalSafe.text(filter.typed))"
        } else {
            title += " (\(pane.visible.count))"
        }
        if pane.sortColumn != 0 || pane.sortDescending, columns.indices.contains(pane.sortColumn) {
            title += " [sorted by \(columns[pane.sortColumn])\(pane.sortDescending ? " desc" : "")]"
        }
        return title
    }
}
