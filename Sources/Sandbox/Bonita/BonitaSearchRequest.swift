import HTTPTypes
import Hummingbird

/// The query of a Bonita search (`p`, `c`, `s`, `o`, `f`, `d`), read the way `APIServletCall` reads it.
struct BonitaSearchRequest: Sendable {
    let page: Int
    let count: Int
    let search: String?
    /// nil or empty: the resource's default order.
    let order: String?
    /// `f=name=value` pairs. Like the servlet's HashMap, a repeated name keeps its last value; a filter
    /// without `=value` (or with an empty value) has a nil value.
    let filters: [(name: String, value: String?)]
    /// `d=attribute`, repeatable.
    let deploys: [String]

    var offset: Int { page * count }

    /// A request without any query parameter is not a search for Bonita but a GET with a missing id (500);
    /// `p` and `c` go through `Integer.parseInt`, whose failure is a plain Java exception (500).
    static func parse(_ request: Request, resource: String) throws -> BonitaSearchRequest {
        let query = request.orderedQuery
        guard !query.isEmpty else {
            throw BonitaFault.internalError(.missingItemID(in: request, resource: resource))
        }
        func first(_ name: String) -> String? { query.first { $0.0 == name }?.1 }
        var filters: [(name: String, value: String?)] = []
        for (key, value) in query where key == "f" {
            // Java's split("=") drops a trailing empty piece: "user_id=" names a filter without a value.
            let pieces = value.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            let filterValue = pieces.count > 1 && !pieces[1].isEmpty ? pieces[1] : nil
            filters.removeAll { $0.name == pieces[0] }
            filters.append((pieces[0], filterValue))
        }
        return BonitaSearchRequest(
            page: try javaInt(first("p") ?? "0"), count: try javaInt(first("c") ?? "10"),
            search: first("s"), order: first("o"), filters: filters,
            deploys: query.filter { $0.0 == "d" }.map(\.1))
    }

    /// The filter's value, when the filter was given.
    func filter(_ name: String) -> String?? {
        filters.first { $0.name == name }.map(\.value)
    }

    /// `ItemSearchResult` refuses a negative page and a page index above the total number of items (sic:
    /// the item count, not the page count). `api` and `resource` are those the exception ends up stamped with.
    func checkPage(total: Int, api: String, resource: String) throws {
        guard page < 0 || page > total else { return }
        throw BonitaFault.internalError(BonitaException(
            className: BonitaException.toolkit + "APISearchIndexOutOfRange",
            message: "Page index (\(page)) out of range for API \(api)#\(resource)",
            api: api, resource: resource, extra: [("page", .int(page))]))
    }

    /// The answer: the items and `Content-Range: {p}-{c}/{total}` (the middle is the requested count).
    func response(items: [JSONValue], total: Int) -> Response {
        var headers: HTTPFields = [:]
        headers[HTTPField.Name("Content-Range")!] = "\(page)-\(count)/\(total)"
        return BonitaResponse.json(.array(items), headers: headers)
    }

    /// `Integer.parseInt`, including its `NumberFormatException` message.
    static func javaInt(_ text: String) throws -> Int {
        guard let value = Int32(text) else {
            throw BonitaFault.internalError(.java("java.lang.NumberFormatException", "For input string: \"\(text)\""))
        }
        return Int(value)
    }
}
