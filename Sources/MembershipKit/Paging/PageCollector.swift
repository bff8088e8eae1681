/// Gathers the pages of one listing under a `PagingPolicy`: every client's paging loop goes through
/// it, so each of them stops on a marker that does not advance and at the same limits.
///
///     var collector = PageCollector<Image>(what: "images", policy: policy)
///     while collector.add(page.images, marker: page.next, more: page.next != nil) { … next page … }
///     return try collector.finish()
struct PageCollector<Item> {
    let what: String
    let policy: PagingPolicy
    private(set) var items: [Item] = []
    /// Items taken so far, kept or handed over.
    private(set) var count = 0
    /// With `handsOver`, the items `add` took from the last page: the caller passes them on, and
    /// the collector keeps none (a console that shows pages as they arrive holds them itself).
    private(set) var lastTaken: [Item] = []
    private let handsOver: Bool
    private(set) var pages = 0
    private var markers = Set<String>()
    private(set) var truncation: PagingTruncation?

    init(what: String, policy: PagingPolicy, handsOver: Bool = false) {
        self.what = what
        self.policy = policy
        self.handsOver = handsOver
    }

    /// Takes one page and returns whether to read the next one.
    /// - Parameters:
    ///   - marker: what the next request continues from (the next link, the last item's id); one seen
    ///     before means the server went round in a circle, and the page (a repeat) is not kept.
    ///   - more: whether the server offers another page.
    mutating func add(_ page: [Item], marker: String?, more: Bool) -> Bool {
        guard truncation == nil else { return false }
        lastTaken = []
        pages += 1
        if more, let marker, !markers.insert(marker).inserted {
            truncation = PagingTruncation(what: what, reason: .markerRepeated, kept: items.count)
            return false
        }
        let room = policy.limits.maximumItems - count
        let taken = page.prefix(room)
        count += taken.count
        if handsOver { lastTaken = Array(taken) } else { items += taken }
        if page.count > room || (count >= policy.limits.maximumItems && more) {
            truncation = PagingTruncation(what: what, reason: .itemLimit(policy.limits.maximumItems), kept: count)
            return false
        }
        guard more else { return false }
        if pages >= policy.limits.maximumPages {
            truncation = PagingTruncation(what: what, reason: .pageLimit(policy.limits.maximumPages), kept: count)
            return false
        }
        return true
    }

    /// The items read. A listing that stopped early is reported to the policy's handler (and its
    /// items returned), or, without a handler, thrown as `MembershipError.truncated`.
    func finish() throws -> [Item] {
        guard let truncation else { return items }
        guard let report = policy.onTruncated else { throw MembershipError.truncated(truncation) }
        report(truncation)
        return items
    }
}
