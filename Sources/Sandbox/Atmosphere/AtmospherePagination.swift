import Foundation

/// DRF's `PageNumberPagination` as Atmosphere configures it: `page` (1-based, or `last`), `page_size`
/// (default 100, at most 1000; anything but a positive integer means the default; both read with Python's
/// `int`, so a number past any integer is a page that does not exist, or the largest page size), and absolute
/// `next`/`previous` links that keep the other query parameters (sorted by name, as DRF re-encodes them).
struct AtmospherePagination: Sendable {
    static let defaultPageSize = 100
    static let maxPageSize = 1000

    /// The rows of the chosen page.
    let range: Range<Int>
    let count: Int
    let next: String?
    let previous: String?

    /// Chooses the page of `count` rows that the query asks for; a page that is not a number or does not
    /// exist is DRF's 404 `Invalid page.` (page 1 of nothing exists).
    init(count: Int, query: [(String, String)], pageURL: String) throws {
        let size = Self.pageSize(Self.last("page_size", in: query))
        let pages = max(1, (count + size - 1) / size)
        let requested = Self.last("page", in: query) ?? "1"
        let number: Int
        if requested == "last" {
            number = pages
        } else if let parsed = PythonInt.parse(requested), parsed >= 1, parsed <= pages {
            number = parsed
        } else {
            throw AtmosphereFault.invalidPage
        }
        self.count = count
        range = min(count, (number - 1) * size)..<min(count, number * size)
        next = number < pages ? Self.link(pageURL, query, page: number + 1) : nil
        previous = number > 1 ? Self.link(pageURL, query, page: number == 2 ? nil : number - 1) : nil
    }

    /// `{count, next, previous, results}`.
    func document(_ results: [JSONValue]) -> JSONValue {
        .object([("count", .int(count)), ("next", .optional(next)), ("previous", .optional(previous)), ("results", .array(results))])
    }

    private static func pageSize(_ text: String?) -> Int {
        guard let text, let size = PythonInt.parse(text), size > 0 else { return defaultPageSize }
        return min(size, maxPageSize)
    }

    /// The last value of a query parameter, as Django's `QueryDict.get` gives it.
    static func last(_ name: String, in query: [(String, String)]) -> String? {
        query.last { $0.0 == name }?.1
    }

    /// DRF's `replace_query_param` / `remove_query_param`: parameters grouped by name and sorted by it,
    /// repeated values kept in order, `page` replaced (or dropped for page 1).
    private static func link(_ pageURL: String, _ query: [(String, String)], page: Int?) -> String {
        var names: [String] = []
        var values: [String: [String]] = [:]
        for (name, value) in query where name != "page" {
            if values[name] == nil { names.append(name) }
            values[name, default: []].append(value)
        }
        if let page {
            names.append("page")
            values["page"] = [String(page)]
        }
        let pairs = names.sorted().flatMap { name in values[name, default: []].map { (name, $0) } }
        return pairs.isEmpty ? pageURL : pageURL + "?" + FormCoding.encode(pairs)
    }
}
