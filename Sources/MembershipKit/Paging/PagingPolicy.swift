/// How far a paged listing may go, and what happens when it has to stop early.
///
/// A server decides how many pages there are; a broken or hostile one can answer every page with
/// a new `next` link for ever. Every listing of every client stops when the marker it follows does
/// not advance, or at `limits`, so time and memory stay bounded whatever the server sends.
public struct PagingPolicy: Sendable {
    public var limits: PagingLimits
    /// Told when a listing stops early; the listing then returns what it read. Without it, stopping
    /// early is an error (a lookup by name must not decide on a partial list).
    public var onTruncated: (@Sendable (PagingTruncation) -> Void)?

    public init(limits: PagingLimits = PagingLimits(), onTruncated: (@Sendable (PagingTruncation) -> Void)? = nil) {
        self.limits = limits
        self.onTruncated = onTruncated
    }

    /// The default limits; stopping early is an error.
    public static let standard = PagingPolicy()
}

/// The most items and pages one listing reads (`paging:` in config.yaml).
public struct PagingLimits: Sendable, Equatable {
    /// 100,000 images decode to well under 300 MB; an operator of a larger cloud raises it.
    public static let defaultMaximumItems = 100_000
    /// Enough for 100,000 items at Glance's smallest usual page size (25) with room to spare.
    public static let defaultMaximumPages = 5_000

    public var maximumItems: Int
    public var maximumPages: Int

    public init(maximumItems: Int = defaultMaximumItems, maximumPages: Int = defaultMaximumPages) {
        self.maximumItems = max(1, maximumItems)
        self.maximumPages = max(1, maximumPages)
    }
}

/// Why a listing stopped before the server said it was complete.
public struct PagingTruncation: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// `paging.max_items` was reached.
        case itemLimit(Int)
        /// `paging.max_pages` was reached.
        case pageLimit(Int)
        /// The server's next page started where an earlier one did: it would never end.
        case markerRepeated
    }

    /// What was being listed (`images`, `Bonita users` …).
    public let what: String
    public let reason: Reason
    /// How many items were read and kept.
    public let kept: Int

    public init(what: String, reason: Reason, kept: Int) {
        self.what = what
        self.reason = reason
        self.kept = kept
    }

    /// A few words for a pane's border, which keeps saying it while the flash has gone:
    /// `partial: stopped at 30 images (paging.max_items)`.
    public var summary: String {
        switch reason {
        case let .itemLimit(limit): return "partial: stopped at \(limit) \(what) (paging.max_items)"
        case let .pageLimit(limit): return "partial: stopped after \(limit) pages of \(what) (paging.max_pages)"
        case .markerRepeated: return "partial: stopped at \(kept) \(what), the next page did not advance"
        }
    }

    public var description: String {
        switch reason {
        case let .itemLimit(limit):
            return "stopped listing \(what) at \(limit) (paging.max_items in config.yaml); the server has more"
        case let .pageLimit(limit):
            return "stopped listing \(what) after \(limit) pages (paging.max_pages in config.yaml) with \(kept) read; the server has more"
        case .markerRepeated:
            return "stopped listing \(what) with \(kept) read: the server's next page did not advance (a server fault)"
        }
    }
}
