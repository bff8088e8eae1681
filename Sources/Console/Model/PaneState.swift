/// A `/` filter: case-insensitive substring, `/!text` inverts.
public struct RowFilter: Sendable, Equatable {
    public var text: String
    public var inverted: Bool

    public init(text: String, inverted: Bool = false) {
        self.text = text
        self.inverted = inverted
    }

    /// Parses what the user typed after `/`: a leading `!` inverts.
    public init?(typed: String) {
        if typed.hasPrefix("!") {
            self.init(text: String(typed.dropFirst()), inverted: true)
        } else {
            self.init(text: typed)
        }
        // Nothing to match yet (`/` or `/!` just typed): no filter, every row shows.
        if text.isEmpty { return nil }
    }

    public func matches(_ texts: [String]) -> Bool {
        matches(lowercasedText: texts.map { $0.lowercased() }.joined(separator: "\u{1}"))
    }

    /// Matches against a row's searchable texts, lowercased and joined by U+0001 (as `PaneState`
    /// keeps them), so typing a filter over 100,000 rows lowercases nothing.
    func matches(lowercasedText: String) -> Bool { matches(lowercasedText: lowercasedText, needle: needle) }

    /// As above, with the filter's lowercased UTF-8 (`needle`) made once per pass, not once per row.
    func matches(lowercasedText: String, needle: [UInt8]) -> Bool {
        ByteSearch.contains(lowercasedText, needle) != inverted
    }

    /// The filter's text, lowercased, as UTF-8: what `matches` looks for.
    var needle: [UInt8] { Array(text.lowercased().utf8) }

    /// As typed: `text` or `!text`.
    public var typed: String { (inverted ? "!" : "") + text }
}

/// A cursor movement, the same for every pane.
public enum CursorMove: Sendable, Equatable {
    case by(Int), first, last, pageUp, pageDown
}

/// Loading state of a pane.
public enum LoadState: Sendable, Equatable {
    case idle
    /// Loading; `count` rows so far (page by page).
    case loading(count: Int)
    case failed(String)
}

/// One pane: its rows, the visible order after filter and sort, cursor, scroll, marks.
public struct PaneState<Row: PaneRow>: Sendable, Equatable {
    public private(set) var rows: [Row] = []
    /// Index of each row by key, so lookups by key cost nothing with 10,000 rows (rebuilt by
    /// `setRows`; `update(key:)` changes a row in place and must keep its key).
    private var positions = KeyIndex()
    /// Every row's searchable texts, lowercased and joined by U+0001, end to end in one buffer (what
    /// `/` searches): one allocation for 100,000 rows rather than a string each, read in order.
    private var searchBytes: [UInt8] = []
    /// Where each row's text is in `searchBytes`. A changed row's new text goes at the end; the
    /// buffer is rebuilt once more than half of it is texts no row points at.
    private var searchSpans: [SearchSpan] = []
    private var unusedSearchBytes = 0
    /// Each row's value in the sort column (`sortValue`), made once by `resort`, so that placing a
    /// page's rows compares kept strings rather than lowering texts again.
    private var sortKeys: [String] = []
    /// Every row index in sort order; a filter only thins this out.
    private var sortedAll: [Int] = []
    /// Indices into `rows` of the rows shown, in display order.
    public private(set) var visible: [Int] = []
    /// Position of the cursor in `visible`.
    public private(set) var cursor: Int = 0
    /// Position in `visible` of the first row on screen.
    public private(set) var top: Int = 0
    public private(set) var filter: RowFilter?
    public private(set) var sortColumn: Int
    public private(set) var sortDescending: Bool = false
    /// Keys of rows marked with space.
    public var marked: Set<String> = []
    public var loading: LoadState = .idle
    /// Rows that fit on screen (from the view's layout).
    public var height: Int = 10

    public init(sortColumn: Int = 0) {
        self.sortColumn = sortColumn
    }

    public var selected: Row? { visible.indices.contains(cursor) ? rows[visible[cursor]] : nil }
    public var visibleRows: [Row] { visible.map { rows[$0] } }
    public var markedRows: [Row] { rows.filter { marked.contains($0.key) } }

    /// Replaces the rows, keeping the cursor on the same row when it is still there.
    /// Takes `newRows` by value: an array nobody else holds is kept as it is, not copied.
    public mutating func setRows(_ newRows: consuming [Row]) {
        let selectedKey = selected?.key
        rows = consume newRows
        positions.rebuild(count: rows.count) { [rows] in rows[$0].key }
        indexSearch()
        resort()
        if !marked.isEmpty { marked = marked.intersection(Set(rows.map(\.key))) }
        recompute(keepingKey: selectedKey)
    }

    /// Adds the rows of a listing's page that arrived before the rest: each in its place in the sort
    /// order (found by binary search, so a page costs a pass over the indices, not a sort of every
    /// row), a key already shown skipped. The cursor stays on its row.
    public mutating func appendRows(_ newRows: [Row]) {
        let selectedKey = selected?.key
        var added: [Int] = []
        for row in newRows where position(of: row.key) == nil {
            rows.append(row)
            positions.insert(row.key, at: rows.count - 1) { [rows] in rows[$0].key }
            searchSpans.append(Self.appendSearchText(of: row, to: &searchBytes))
            added.append(rows.count - 1)
        }
        guard !added.isEmpty else { return }
        let column = sortColumn, descending = sortDescending
        let keys = added.map { rows[$0].sortValue(column: column) }
        sortKeys += keys
        // Ties keep the order rows arrived in, as `resort` does.
        func before(_ a: Int, _ keyA: String, _ b: Int, _ keyB: String) -> Bool {
            keyA != keyB ? (descending ? keyA > keyB : keyA < keyB) : a < b
        }
        let order = added.indices.sorted { before(added[$0], keys[$0], added[$1], keys[$1]) }
        var merged: [Int] = []
        merged.reserveCapacity(sortedAll.count + added.count)
        var taken = 0
        for position in order {
            let index = added[position], key = keys[position]
            var low = taken, high = sortedAll.count
            while low < high {
                let middle = (low + high) / 2
                let other = sortedAll[middle]
                if before(other, sortKeys[other], index, key) { low = middle + 1 } else { high = middle }
            }
            merged.append(contentsOf: sortedAll[taken..<low])
            merged.append(index)
            taken = low
        }
        merged.append(contentsOf: sortedAll[taken...])
        sortedAll = merged
        recompute(keepingKey: selectedKey)
    }

    /// True when `list` is these rows showing the same cells: each key once, and every row's there.
    /// (For the end of a listing whose pages were shown: the same values, so comparing costs a
    /// lookup and a few pointer-equal strings per row, not a sort.)
    public func holdsExactly(_ list: [Row]) -> Bool where Row == RecordRow {
        guard list.count == rows.count else { return false }
        var seen = [Bool](repeating: false, count: rows.count)
        for row in list {
            guard let index = position(of: row.key), !seen[index], rows[index].cells == row.cells else { return false }
            seen[index] = true
        }
        return true
    }

    /// Changes one row in place (same key). The cursor stays on the row it was on, or, with
    /// `keepingPlace`, when the changed row is that one and sorts elsewhere now, where it was: the
    /// next row comes under it (accepting down the inbox, one key at a time).
    public mutating func update(key: String, keepingPlace: Bool = false, _ change: (inout Row) -> Void) {
        guard let index = position(of: key) else { return }
        let followed = keepingPlace && selected?.key == key ? nil : selected?.key
        let before = rows[index]
        change(&rows[index])
        let textChanged = before.searchableText != rows[index].searchableText
        let sortChanged = before.sortValue(column: sortColumn) != rows[index].sortValue(column: sortColumn)
        guard textChanged || sortChanged else { return }
        if textChanged { indexSearch(of: index) }
        if sortChanged { resort() }
        recompute(keepingKey: followed)
    }

    /// Changes several rows in place (each keeps its key), then sorts and filters once: for a
    /// change that touches many rows of a large pane, without copying it.
    public mutating func update(keys: [String], _ change: (inout Row) -> Void) {
        let selectedKey = selected?.key
        var textChanged = false
        var sortChanged = false
        for key in keys {
            guard let index = position(of: key) else { continue }
            let sortBefore = rows[index].sortValue(column: sortColumn)
            let textBefore = rows[index].searchableText
            change(&rows[index])
            if rows[index].searchableText != textBefore {
                indexSearch(of: index)
                textChanged = true
            }
            if !sortChanged, rows[index].sortValue(column: sortColumn) != sortBefore { sortChanged = true }
        }
        if sortChanged { resort() }
        if sortChanged || textChanged { recompute(keepingKey: selectedKey) }
    }

    public func row(key: String) -> Row? { position(of: key).map { rows[$0] } }

    /// The position in `rows` of the row with `key`.
    private func position(of key: String) -> Int? { positions.position(of: key) { rows[$0].key } }

    public mutating func setFilter(_ newFilter: RowFilter?) {
        let selectedKey = selected?.key
        let previous = filter
        filter = newFilter
        // Typing on narrows the rows already shown: text that contains the previous text matches a
        // subset of what it matched, so only those rows are searched again.
        if let previous, let newFilter, !previous.inverted, !newFilter.inverted,
           newFilter.text.lowercased().contains(previous.text.lowercased()) {
            recompute(keepingKey: selectedKey, within: visible)
        } else {
            recompute(keepingKey: selectedKey)
        }
    }

    public mutating func setSort(column: Int, descending: Bool) {
        let selectedKey = selected?.key
        sortColumn = column
        sortDescending = descending
        resort()
        recompute(keepingKey: selectedKey)
    }

    public mutating func moveCursor(by delta: Int) { moveCursor(to: cursor + delta) }

    public mutating func moveCursor(to position: Int) {
        cursor = max(0, min(position, visible.count - 1))
        if visible.isEmpty { cursor = 0 }
        scrollToCursor()
    }

    public mutating func apply(_ move: CursorMove) {
        switch move {
        case let .by(delta): moveCursor(by: delta)
        case .first: moveCursor(to: 0)
        case .last: moveCursor(to: visible.count - 1)
        case .pageUp: moveCursor(by: -max(1, height - 1))
        case .pageDown: moveCursor(by: max(1, height - 1))
        }
    }

    public mutating func setHeight(_ newHeight: Int) {
        height = max(1, newHeight)
        scrollToCursor()
    }

    public mutating func toggleMark() {
        guard let key = selected?.key else { return }
        if marked.contains(key) { marked.remove(key) } else { marked.insert(key) }
    }

    /// Keeps the cursor on screen with the least scrolling.
    mutating func scrollToCursor() {
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, min(top, max(0, visible.count - height)))
    }

    /// Builds `searchBytes` and `searchSpans` for every row.
    mutating func indexSearch() {
        // Sized before filling (lowering keeps the length but for a few letters), so that the buffer
        // is not grown by doubling, with the old and new copies alive at once.
        var size = 0
        for row in rows { _ = row.anySearchableText { size += $0.utf8.count + 1; return false } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        searchSpans = rows.map { Self.appendSearchText(of: $0, to: &bytes) }
        searchBytes = bytes
        unusedSearchBytes = 0
    }

    /// After one row's texts changed.
    mutating func indexSearch(of index: Int) {
        unusedSearchBytes += searchSpans[index].range?.count ?? 0
        if unusedSearchBytes > searchBytes.count / 2 {
            indexSearch()
        } else {
            searchSpans[index] = Self.appendSearchText(of: rows[index], to: &searchBytes)
        }
    }

    /// Appends a row's searchable texts, lowered (a lowercase text as it is, without a copy) and
    /// separated by U+0001, which a typed filter cannot hold: no match spans two texts.
    static func appendSearchText(of row: Row, to bytes: inout [UInt8]) -> SearchSpan {
        let start = bytes.count
        _ = row.anySearchableText { text in
            if bytes.count > start { bytes.append(0x01) }
            if TextCase.isLowercase(text) { bytes.append(contentsOf: text.utf8) } else { bytes.append(contentsOf: text.lowercased().utf8) }
            return false
        }
        guard let span = SearchSpan(start..<bytes.count) else {
            // Past 4 GiB of text: the row is searched in its own texts instead.
            bytes.removeSubrange(start...)
            return .outside
        }
        return span
    }

    /// Whether `row` (one outside the search bytes) has a text holding `needle` (lowercase UTF-8).
    static func rowTextContains(_ row: Row, _ needle: [UInt8]) -> Bool {
        row.anySearchableText { text in
            let lowered = Array(text.lowercased().utf8)
            return lowered.withUnsafeBufferPointer { bytes in needle.withUnsafeBufferPointer { ByteSearch.search(bytes, $0) } }
        }
    }

    /// Sorts every row by the sort column: stable, ties in source order.
    mutating func resort() {
        let column = sortColumn
        let keys = rows.map { $0.sortValue(column: column) }
        let descending = sortDescending
        sortedAll = Array(rows.indices).sorted { keys[$0] != keys[$1] ? (descending ? keys[$0] > keys[$1] : keys[$0] < keys[$1]) : $0 < $1 }
        sortKeys = keys
    }

    /// The rows shown: every row in sort order, thinned by the filter; `candidates` (in sort order)
    /// when only they can match.
    mutating func recompute(keepingKey key: String?, within candidates: [Int]? = nil) {
        if let filter {
            let needle = filter.needle
            let inverted = filter.inverted
            let spans = searchSpans
            let rows = rows
            visible = searchBytes.withUnsafeBufferPointer { bytes in
                needle.withUnsafeBufferPointer { wanted in
                    (candidates ?? sortedAll).filter { index in
                        guard let range = spans[index].range else { return Self.rowTextContains(rows[index], needle) != inverted }
                        return ByteSearch.search(UnsafeBufferPointer(rebasing: bytes[range]), wanted) != inverted
                    }
                }
            }
        } else {
            visible = sortedAll
        }
        // By index, not by key: comparing keys would copy each row on the way.
        if let key, let index = position(of: key), let position = visible.firstIndex(of: index) {
            cursor = position
        } else {
            cursor = max(0, min(cursor, visible.count - 1))
        }
        scrollToCursor()
    }
}
