import Console

/// What one pane shows for its rows: the columns, each row's cells, and the texts for an empty or
/// loading pane. `PaneView` does the rest (border, scrolling, selection, marks, highlights).
protocol PaneContent {
    associatedtype Row: PaneRow
    var columns: [ColumnSpec] { get }
    /// Columns left of the table: a mark (`●`) and a space, or one space for panes without marks.
    var gutter: Int { get }
    /// Word for loading progress (`images 350…`).
    var noun: String { get }
    /// Dim hint when the pane has no rows (`no members`).
    var emptyHint: String { get }
    /// Sanitised text and its own role (nil: the row's role) of column `column` for a row.
    func cell(_ row: Row, column: Int, width: Int) -> (String, Role?)
    /// A short highlight over the whole row, if the row has one.
    func highlight(_ row: Row) -> Highlight.Kind?
    /// A change in flight on the row (`removing…`).
    func inFlight(_ row: Row) -> String?
    /// Which of the columns on screen shows a change in flight, so it is seen however narrow the pane.
    func inFlightColumn(placed: [PlacedColumn]) -> Int?
}

extension PaneContent {
    func highlight(_ row: Row) -> Highlight.Kind? { nil }
    func inFlight(_ row: Row) -> String? { nil }
    func inFlightColumn(placed: [PlacedColumn]) -> Int? { placed.last?.spec }
}
