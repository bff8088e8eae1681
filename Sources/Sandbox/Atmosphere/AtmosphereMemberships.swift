import GRDB
import HTTPTypes
import Hummingbird

/// `image_version_memberships`: the full viewset (list, create, retrieve, PUT, PATCH, destroy), a token
/// needed. Its queryset is the memberships of versions the caller created, with no staff exception: any
/// other membership is 404 and absent from lists. As in Atmosphere, creating checks no ownership (the
/// answer is 201 even for someone else's version, which the creator then cannot see). Filters:
/// `version_id` (version UUID) and `created_by` (the version's or its image's creator).
enum AtmosphereMemberships: AtmosphereQueryset {
    struct Listing: Sendable {
        let id: Int
        let versionID: String
        let groupID: Int
        let creators: [String]
    }

    struct Filters: AtmosphereFilters {
        let caller: AtmosphereCaller?
        let versionID: String?
        let createdBy: String?

        init(_ call: AtmosphereCall) {
            caller = call.caller
            versionID = call.filter("version_id")
            createdBy = call.filter("created_by")
        }
    }

    static let viewSet = AtmosphereViewSet(
        name: "image_version_memberships", anonymousReads: false,
        collection: [(.get, list), (.post, create)],
        detail: [(.get, retrieve), (.put, update), (.patch, update), (.delete, destroy)])

    /// Only an integer pk names a membership; anything else is 404.
    static func matches(_ listing: Listing, pk: String) -> Bool { AtmosphereKeys.int(pk) == listing.id }
    static func render(_ listing: Listing, with renderer: AtmosphereRender) throws -> JSONValue { try renderer.membership(listing.id) }

    /// 201 with the new membership and its URL in `Location`.
    static func create(_ call: AtmosphereCall) async throws -> Response {
        let data = try await AtmosphereRequestData.read(call.request, context: call.context)
        let links = call.links
        let (id, document) = try await call.database.write { db -> (Int, JSONValue) in
            let wanted = try AtmosphereMembershipInput.parse(data, in: db).required()
            try AtmosphereMembershipInput.checkUnique(versionID: wanted.versionID, groupID: wanted.groupID, excluding: nil, in: db)
            try db.execute(sql: "INSERT INTO atmo_version_membership (version_id, group_id) VALUES (?, ?)",
                           arguments: [wanted.versionID, wanted.groupID])
            let id = Int(db.lastInsertedRowID)
            return (id, try AtmosphereRender(db: db, links: links).membership(id))
        }
        var headers: HTTPFields = [:]
        headers[.location] = links.membership(id)
        return AtmosphereCall.json(document, status: .created, headers: headers)
    }

    /// PUT and PATCH alike (both fields are optional in Atmosphere's serializer): a field left out keeps
    /// its value. The object is looked up (404) before the body is read, as DRF does.
    static func update(_ call: AtmosphereCall, _ pk: String) async throws -> Response {
        let filters = Filters(call)
        let data = await AtmosphereRequestData.readLater(call.request, context: call.context)
        let links = call.links
        let document = try await call.database.write { db -> JSONValue in
            guard let membership = try find(pk, filters, in: db) else { throw AtmosphereFault.notFound }
            let input = try AtmosphereMembershipInput.parse(try data.get(), in: db)
            let versionID = input.versionID ?? membership.versionID
            let groupID = input.groupID ?? membership.groupID
            try AtmosphereMembershipInput.checkUnique(versionID: versionID, groupID: groupID, excluding: membership.id, in: db)
            try db.execute(sql: "UPDATE atmo_version_membership SET version_id = ?, group_id = ? WHERE id = ?",
                           arguments: [versionID, groupID, membership.id])
            return try AtmosphereRender(db: db, links: links).membership(membership.id)
        }
        return AtmosphereCall.json(document)
    }

    /// 204 with no body.
    static func destroy(_ call: AtmosphereCall, _ pk: String) async throws -> Response {
        let filters = Filters(call)
        try await call.database.write { db in
            guard let membership = try find(pk, filters, in: db) else { throw AtmosphereFault.notFound }
            try db.execute(sql: "DELETE FROM atmo_version_membership WHERE id = ?", arguments: [membership.id])
        }
        return SandboxResponse.empty(status: .noContent)
    }

    static func visible(_ filters: Filters, in db: Database) throws -> [Listing] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.version_id, m.group_id, vu.username AS version_creator, iu.username AS image_creator
            FROM atmo_version_membership m JOIN atmo_version v ON v.id = m.version_id JOIN atmo_image i ON i.id = v.image_id
            JOIN atmo_user vu ON vu.id = v.created_by JOIN atmo_user iu ON iu.id = i.created_by
            WHERE v.created_by = :me ORDER BY m.id
            """, arguments: AtmosphereVisibility.arguments(filters.caller))
        // A version_id that is not a UUID matches nothing.
        let versionID = filters.versionID.map { AtmosphereKeys.uuid($0) ?? "" }
        return rows.map { row in
            Listing(id: row["id"], versionID: row["version_id"], groupID: row["group_id"],
                    creators: [row["version_creator"], row["image_creator"]])
        }.filter { membership in
            (versionID.map { $0 == membership.versionID } ?? true) && (filters.createdBy.map { membership.creators.contains($0) } ?? true)
        }
    }
}
