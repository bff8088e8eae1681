import TerminalText

/// A grid of cells the renderer paints on, so that overlays can be drawn over the panes and every
/// line comes out exactly `width` columns. A wide character takes a lead cell and a continuation
/// cell; overwriting either half turns the other half into a space, so no wide character is ever
/// split and no line is ever one column short or long.
struct Canvas {
    struct Cell {
        /// The character (with any combining marks); empty for the right half of a wide character.
        var text: String
        var role: Role
        /// 1, 2 for a wide lead, 0 for the continuation of a wide character.
        var width: Int8
    }

    let width: Int
    let height: Int
    private(set) var cells: [Cell]

    init(width: Int, height: Int, role: Role = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(text: " ", role: role, width: 1), count: self.width * self.height)
    }

    /// Spaces in one role over `count` columns.
    mutating func fill(row: Int, column: Int, count: Int, role: Role) {
        guard row >= 0, row < height else { return }
        let start = max(0, column)
        let end = min(width, column + count)
        guard start < end else { return }
        for position in start..<end { place(Cell(text: " ", role: role, width: 1), row: row, column: position) }
    }

    /// Writes already-sanitised text from `column`, using at most `limit` columns (and never past
    /// the right edge). A wide character that does not fit leaves a space instead. Returns the
    /// columns used.
    @discardableResult
    mutating func write(_ text: String, row: Int, column: Int, limit: Int = .max, role: Role) -> Int {
        guard row >= 0, row < height, column < width, limit > 0 else { return 0 }
        let end = column + min(limit, width - column)
        var position = column
        var lastPlaced: Int?
        for scalar in text.unicodeScalars {
            let scalarWidth = DisplayWidth.of(scalar)
            if scalarWidth == 0 {
                // A combining mark joins the character before it (a leading one is dropped).
                if let last = lastPlaced { cells[row * width + last].text.unicodeScalars.append(scalar) }
                continue
            }
            if position + scalarWidth > end {
                if position < end { fill(row: row, column: position, count: end - position, role: role) }
                position = end
                break
            }
            if position >= 0 {
                place(Cell(text: String(scalar), role: role, width: Int8(scalarWidth)), row: row, column: position)
                if scalarWidth == 2 { place(Cell(text: "", role: role, width: 0), row: row, column: position + 1) }
                lastPlaced = position
            }
            position += scalarWidth
        }
        return position - column
    }

    /// Writes text padded with spaces (or cut with `ellipsis`) to exactly `count` columns.
    mutating func put(_ text: String, row: Int, column: Int, count: Int, role: Role, ellipsis: String) {
        guard count > 0 else { return }
        let fitted = TextFit.truncate(text, to: count, ellipsis: ellipsis)
        let used = write(fitted, row: row, column: column, limit: count, role: role)
        if used < count { fill(row: row, column: column + used, count: count - used, role: role) }
    }

    /// Puts one cell, repairing any wide character it cuts in half.
    private mutating func place(_ cell: Cell, row: Int, column: Int) {
        guard column >= 0, column < width else { return }
        let index = row * width + column
        let old = cells[index]
        if old.width == 0, column > 0, cell.width != 0 {
            // Overwriting the right half: the left half becomes a space.
            cells[index - 1] = Cell(text: " ", role: cells[index - 1].role, width: 1)
        }
        if old.width == 2, column + 1 < width, cell.width != 2 {
            // Overwriting the left half with something narrow: the right half becomes a space.
            cells[index + 1] = Cell(text: " ", role: cells[index + 1].role, width: 1)
        }
        cells[index] = cell
    }

    /// The lines of the frame: runs of cells in the same role merged into spans.
    func lines() -> [FrameLine] {
        var result: [FrameLine] = []
        result.reserveCapacity(height)
        for row in 0..<height {
            var spans: [Span] = []
            var text = ""
            var role: Role?
            for column in 0..<width {
                let cell = cells[row * width + column]
                if cell.width == 0 { continue }
                if cell.role != role {
                    if let role, !text.isEmpty { spans.append(Span(text, role)) }
                    text = ""
                    role = cell.role
                }
                text += cell.text
            }
            if let role, !text.isEmpty { spans.append(Span(text, role)) }
            result.append(FrameLine(spans))
        }
        return result
    }
}
