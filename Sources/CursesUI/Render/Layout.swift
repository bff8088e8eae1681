import Console

/// A rectangle of terminal cells.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }

    /// True when the rectangle has no cells.
    public var isEmpty: Bool { width <= 0 || height <= 0 }
}

/// Where the panes go for a terminal size. Shared by the renderer and the terminal loop (which sends
/// `rowCapacity` in `Event.resize`), so that the controller scrolls by exactly what is on screen.
public enum Layout {
    /// Below this size the console shows a "terminal too small" message instead of the panes.
    public static let minimumWidth = 60
    public static let minimumHeight = 15
    /// At this width and above the images pane sits left of the other two.
    public static let sideBySideWidth = 100
    /// A pane needs two border lines, a column header and at least one data row.
    static let minimumPaneHeight = 4

    /// True when the size is large enough for the panes.
    public static func fits(width: Int, height: Int) -> Bool { width >= minimumWidth && height >= minimumHeight }

    /// The pane rectangles. Row 0 is the header and the last row the footer.
    public static func panes(width: Int, height: Int) -> [PaneID: Rect] {
        let top = 1
        let body = max(0, height - 2)
        let width = max(0, width)
        if width >= sideBySideWidth {
            let left = (width * 55 + 50) / 100
            let right = width - left
            let members = clampPane((body * 45 + 50) / 100, body: body, others: minimumPaneHeight)
            return [
                .images: Rect(row: top, column: 0, width: left, height: body),
                .members: Rect(row: top, column: left, width: right, height: members),
                .memberships: Rect(row: top + members, column: left, width: right, height: body - members),
            ]
        }
        var images = max(minimumPaneHeight, (body * 40 + 50) / 100)
        let members = max(minimumPaneHeight, (body * 25 + 50) / 100)
        var memberships = body - images - members
        if memberships < minimumPaneHeight {
            // The inbox keeps at least one row; the images pane gives it up.
            let missing = minimumPaneHeight - memberships
            images = max(0, images - missing)
            memberships = body - images - members
        }
        return [
            .images: Rect(row: top, column: 0, width: width, height: images),
            .members: Rect(row: top + images, column: 0, width: width, height: members),
            .memberships: Rect(row: top + images + members, column: 0, width: width, height: max(0, memberships)),
        ]
    }

    /// Data rows each pane shows: its height minus two border lines and the column header.
    public static func rowCapacity(width: Int, height: Int) -> [PaneID: Int] {
        panes(width: width, height: height).mapValues { max(0, $0.height - 3) }
    }

    /// A share of `body` that leaves `others` rows for the pane below.
    private static func clampPane(_ wanted: Int, body: Int, others: Int) -> Int {
        max(min(wanted, body - others), min(minimumPaneHeight, body))
    }
}
