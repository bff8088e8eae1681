import GRDB
import HTTPTypes
import Hummingbird

/// One request as a viewset sees it: who is calling, the query, and the steps every viewset shares
/// (listing a page and looking up one object, each in one read snapshot).
struct AtmosphereCall: Sendable {
    let request: Request
    let context: SandboxRequestContext
    /// Nil for an anonymous caller (no token, or one that is unknown or expired).
    let caller: AtmosphereCaller?
    let database: SandboxDatabase

    var query: [(String, String)] { request.orderedQuery }
    var links: AtmosphereLinks { AtmosphereLinks(origin: request.origin) }

    /// Whether the query names the parameter at all (`?search` counts even when empty).
    func has(_ name: String) -> Bool { query.contains { $0.0 == name } }

    /// A filter's value: the last one given; an empty value is no filter, as in django-filter.
    func filter(_ name: String) -> String? {
        guard let value = AtmospherePagination.last(name, in: query), !value.isEmpty else { return nil }
        return value
    }

    /// One page of `load`'s rows (already visible to the caller and filtered), rendering only that page.
    func list<Row: Sendable>(_ load: @escaping @Sendable (Database) throws -> [Row],
                             render: @escaping @Sendable (Row, AtmosphereRender) throws -> JSONValue) async throws -> Response {
        let query = self.query
        let pageURL = request.origin + request.uri.path
        let links = self.links
        let document = try await database.read { db in
            let rows = try load(db)
            let page = try AtmospherePagination(count: rows.count, query: query, pageURL: pageURL)
            let renderer = AtmosphereRender(db: db, links: links)
            return page.document(try rows[page.range].map { try render($0, renderer) })
        }
        return Self.json(document)
    }

    /// The object `find` picks out of what the caller may see, rendered; DRF's 404 `Not found.` otherwise.
    func retrieve<Row: Sendable>(_ find: @escaping @Sendable (Database) throws -> Row?,
                                 render: @escaping @Sendable (Row, AtmosphereRender) throws -> JSONValue) async throws -> Response {
        let links = self.links
        let document = try await database.read { db -> JSONValue? in
            guard let row = try find(db) else { return nil }
            return try render(row, AtmosphereRender(db: db, links: links))
        }
        guard let document else { throw AtmosphereFault.notFound }
        return Self.json(document)
    }

    /// DRF's JSON renderer: compact separators.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        SandboxResponse.json(value, status: status, headers: headers, pythonStyle: false)
    }
}
