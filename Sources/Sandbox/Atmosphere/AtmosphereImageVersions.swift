import GRDB
import Hummingbird

/// `image_versions`: read-only, anonymous reads allowed, looked up by UUID. An anonymous caller sees the
/// current versions of public images; a user also sees the versions of their own images (end-dated or not)
/// and the current versions shared with one of their groups. Filters: `image_id` (integer) and
/// `created_by` (the image creator's username).
enum AtmosphereImageVersions: AtmosphereQueryset {
    struct Listing: Sendable {
        let uuid: String
        let imageID: Int
        let imageCreator: String
    }

    struct Filters: AtmosphereFilters {
        let caller: AtmosphereCaller?
        let imageID: String?
        let createdBy: String?

        init(_ call: AtmosphereCall) {
            caller = call.caller
            imageID = call.filter("image_id")
            createdBy = call.filter("created_by")
        }
    }

    static let viewSet = AtmosphereViewSet(name: "image_versions", anonymousReads: true, collection: [(.get, list)], detail: [(.get, retrieve)])

    static func matches(_ listing: Listing, pk: String) -> Bool { AtmosphereKeys.uuid(pk) == listing.uuid }
    static func render(_ listing: Listing, with renderer: AtmosphereRender) throws -> JSONValue { try renderer.version(listing.uuid) }

    /// The versions the caller may see that pass the filters, image by image, oldest first.
    static func visible(_ filters: Filters, in db: Database) throws -> [Listing] {
        let current = AtmosphereVisibility.current("v")
        let rows = try Row.fetchAll(db, sql: """
            SELECT v.id, v.image_id, u.username FROM atmo_version v
            JOIN atmo_image i ON i.id = v.image_id JOIN atmo_user u ON u.id = i.created_by
            WHERE (i.private = 0 AND \(current)) OR i.created_by = :me OR v.created_by = :me
               OR (\(current) AND EXISTS (SELECT 1 FROM atmo_version_membership m
                    JOIN atmo_group_member gm ON gm.group_id = m.group_id WHERE m.version_id = v.id AND gm.user_id = :me))
            ORDER BY v.image_id, v.start_date, v.id
            """, arguments: AtmosphereVisibility.arguments(filters.caller))
        // An image_id that is not a number matches nothing.
        let imageID = filters.imageID.map { AtmosphereKeys.int($0) ?? -1 }
        return rows.map { Listing(uuid: $0["id"], imageID: $0["image_id"], imageCreator: $0["username"]) }.filter { version in
            (imageID.map { $0 == version.imageID } ?? true) && (filters.createdBy.map { $0 == version.imageCreator } ?? true)
        }
    }
}
