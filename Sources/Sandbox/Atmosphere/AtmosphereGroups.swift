import GRDB
import Hummingbird

/// `groups`: read-only here, looked up by integer id or UUID, a token needed. A caller sees the groups they
/// belong to; with `?search` (even empty) every group is searchable, each word a case-insensitive prefix of
/// the name (DRF `SearchFilter` on `^name`). Staff see every group only when they add `?admin`, as in
/// Atmosphere. The search applies to lookups by id too, as DRF filters before `get_object`.
enum AtmosphereGroups: AtmosphereQueryset {
    struct Listing: Sendable {
        let id: Int
        let uuid: String
        let name: String
    }

    struct Filters: AtmosphereFilters {
        let caller: AtmosphereCaller?
        let everyGroup: Bool
        let search: [String]

        init(_ call: AtmosphereCall) {
            caller = call.caller
            everyGroup = call.has("search") || (call.caller?.isStaff == true && call.has("admin"))
            search = AtmosphereVisibility.searchTerms(call)
        }
    }

    static let viewSet = AtmosphereViewSet(name: "groups", anonymousReads: false, collection: [(.get, list)], detail: [(.get, retrieve)])

    static func matches(_ listing: Listing, pk: String) -> Bool { matchesIDOrUUID(id: listing.id, uuid: listing.uuid, pk: pk) }
    static func render(_ listing: Listing, with renderer: AtmosphereRender) throws -> JSONValue { try renderer.group(listing.id) }

    static func visible(_ filters: Filters, in db: Database) throws -> [Listing] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT g.id, g.uuid, g.name FROM atmo_group g
            WHERE :every OR EXISTS (SELECT 1 FROM atmo_group_member gm WHERE gm.group_id = g.id AND gm.user_id = :me)
            ORDER BY g.id
            """, arguments: ["every": filters.everyGroup, "me": filters.caller?.id ?? -1])
        return rows.map { Listing(id: $0["id"], uuid: $0["uuid"], name: $0["name"]) }.filter { group in
            filters.search.allSatisfy { group.name.lowercased().hasPrefix($0.lowercased()) }
        }
    }
}
