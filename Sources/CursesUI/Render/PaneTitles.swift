import Console

/// Pane titles: the visible count (`Images (37)`), with the filter when one is active
/// (`Images (3/37) /ubu`) and the sort when it is not the default (`[sorted by Owner]`).
enum PaneTitles {
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
