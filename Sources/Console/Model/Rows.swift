import Foundation

/// A short highlight after a row changed: by our action (settled), elsewhere (external) or a failure.
public struct Highlight: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case settled, external, failed }
    public var kind: Kind
    /// Time (from ticks) until which the highlight shows.
    public var until: Date
}

/// A row in any pane: a stable key (for marks and selection), text for filtering, and sort keys.
public protocol PaneRow: Sendable, Equatable {
    var key: String { get }
    /// The texts `/` searches (case-insensitive substring): name, id, status.
    var searchableText: [String] { get }
    /// The value compared when sorting by `column` (an index into the pane's columns).
    func sortValue(column: Int) -> String
    /// Whether `body` is true of any searchable text, without building the list (`/` asks this of
    /// every row at each keystroke).
    func anySearchableText(_ body: (String) -> Bool) -> Bool
}

extension PaneRow {
    public func anySearchableText(_ body: (String) -> Bool) -> Bool { searchableText.contains(where: body) }
}
