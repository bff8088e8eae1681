import Foundation

/// One page of a Bonita search and the total it was cut from.
///
/// Bonita answers a search with a JSON array and `Content-Range: {p}-{c}/{total}`, where `p` and `c` are
/// the page index and the count that were *asked for* (not how many came back).
public struct BonitaPage<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    /// The page index asked for (0-based).
    public var page: Int
    /// The page size asked for.
    public var count: Int
    /// How many items match in all; nil when the server sent no readable `Content-Range`.
    public var total: Int?

    public init(items: [Item], page: Int, count: Int, total: Int?) {
        self.items = items
        self.page = page
        self.count = count
        self.total = total
    }

    /// Whether a later page holds more: from the total when known, else from a full page.
    public var hasMore: Bool {
        guard count > 0 else { return false }
        if let total { return (page + 1) * count < total }
        return items.count >= count
    }

    /// The total of `Content-Range: 0-10/42` (42); nil when the header is missing or unreadable.
    static func total(contentRange: String?) -> Int? {
        guard let contentRange, let slash = contentRange.lastIndex(of: "/") else { return nil }
        return Int(contentRange[contentRange.index(after: slash)...].trimmingCharacters(in: .whitespaces))
    }
}

/// The query of a Bonita search: `p`, `c`, then `s`, `o`, each `f` and each `d` when given.
///
/// `p` and `c` are always sent: a GET without any query parameter is not a search for Bonita's servlet,
/// which takes it for a get with a missing id and answers 500.
struct BonitaSearchQuery: Sendable, Equatable {
    var page: Int
    var count: Int
    var search: String?
    var order: String?
    /// `f=name=value`, in this order.
    var filters: [Filter] = []
    /// `d=attribute`, in this order.
    var deploys: [String] = []

    struct Filter: Sendable, Equatable {
        var name: String
        var value: String
    }

    var queryString: String {
        var items = [("p", String(page)), ("c", String(count))]
        if let search, !search.isEmpty { items.append(("s", search)) }
        if let order, !order.isEmpty { items.append(("o", order)) }
        items += filters.map { ("f", $0.name + "=" + $0.value) }
        items += deploys.map { ("d", $0) }
        return items.map { $0.0 + "=" + QueryEncoding.escape($0.1) }.joined(separator: "&")
    }
}
