import GRDB
import Hummingbird

/// A viewset's queryset, as DRF's `GenericViewSet` sees it: the rows the caller may see with the query's
/// filters applied, which row a URL's pk names, and how a row is rendered. `list` and `retrieve` follow
/// from it; `find` is `get_object` (filters apply to lookups too, as in DRF).
protocol AtmosphereQueryset: Sendable {
    associatedtype Filters: AtmosphereFilters
    associatedtype Listing: Sendable

    static func visible(_ filters: Filters, in db: Database) throws -> [Listing]
    /// Whether `listing` is the object the URL's `pk` names.
    static func matches(_ listing: Listing, pk: String) -> Bool
    static func render(_ listing: Listing, with renderer: AtmosphereRender) throws -> JSONValue
}

/// What a queryset reads from the request: the caller and the query's filters.
protocol AtmosphereFilters: Sendable {
    init(_ call: AtmosphereCall)
}

extension AtmosphereQueryset {
    static func list(_ call: AtmosphereCall) async throws -> Response {
        let filters = Filters(call)
        return try await call.list({ db in try visible(filters, in: db) }, render: { try render($0, with: $1) })
    }

    static func retrieve(_ call: AtmosphereCall, _ pk: String) async throws -> Response {
        let filters = Filters(call)
        return try await call.retrieve({ db in try find(pk, filters, in: db) }, render: { try render($0, with: $1) })
    }

    static func find(_ pk: String, _ filters: Filters, in db: Database) throws -> Listing? {
        try visible(filters, in: db).first { matches($0, pk: pk) }
    }

    /// Integer id or UUID, as Atmosphere's `MultipleFieldLookup` takes either.
    static func matchesIDOrUUID(id: Int, uuid: String, pk: String) -> Bool {
        AtmosphereKeys.int(pk) == id || AtmosphereKeys.uuid(pk) == uuid
    }
}
