/// One column of a pane's table: how narrow it may get, how wide it likes to be, and whether it
/// may be left out when the pane is too narrow for everything.
struct ColumnSpec {
    var title: String
    var minimum: Int
    var preferred: Int
    /// Columns with a higher rank are dropped first; nil is never dropped.
    var dropRank: Int?
    /// Takes the columns left over once every column has its preferred width.
    var flexible = false
    /// Shown only when every other column can have its preferred width too.
    var onlyWithRoom = false
}

/// A column placed in a pane: which spec, where it starts (relative to the table), how wide.
struct PlacedColumn: Equatable {
    var spec: Int
    var offset: Int
    var width: Int
}

/// Fits columns into a width. Optional columns are dropped until the essential ones can have their
/// preferred width (an operator would rather see a whole project id than a truncated id and a
/// timestamp); then every column grows toward its preference, and what is left goes to the
/// flexible column. Columns are separated by one space.
enum ColumnPlan {
    static func place(_ specs: [ColumnSpec], width: Int) -> [PlacedColumn] {
        var kept = Array(specs.indices)
        let roomy = specs.reduce(0) { $0 + $1.preferred } + max(0, specs.count - 1) <= width
        if !roomy { kept.removeAll { specs[$0].onlyWithRoom } }
        func separators() -> Int { max(0, kept.count - 1) }
        func demand() -> Int {
            kept.reduce(0) { $0 + (specs[$1].dropRank == nil ? specs[$1].preferred : specs[$1].minimum) } + separators()
        }
        while demand() > width, let drop = kept.filter({ specs[$0].dropRank != nil }).max(by: { specs[$0].dropRank! < specs[$1].dropRank! }) {
            kept.removeAll { $0 == drop }
        }
        var widths = kept.map { specs[$0].minimum }
        var spare = width - widths.reduce(0, +) - separators()
        for (position, index) in kept.enumerated() where spare > 0 {
            let grow = min(spare, specs[index].preferred - widths[position])
            if grow > 0 {
                widths[position] += grow
                spare -= grow
            }
        }
        if spare > 0, let flexible = kept.firstIndex(where: { specs[$0].flexible }) {
            widths[flexible] += spare
        }
        // Too narrow even for the minimums: columns are cut at the right edge.
        var placed: [PlacedColumn] = []
        var offset = 0
        for (position, index) in kept.enumerated() {
            let columnWidth = min(widths[position], max(0, width - offset))
            if columnWidth <= 0 { break }
            placed.append(PlacedColumn(spec: index, offset: offset, width: columnWidth))
            offset += columnWidth + 1
        }
        return placed
    }
}
