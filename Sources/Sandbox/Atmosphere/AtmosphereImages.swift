import Foundation
import GRDB
import Hummingbird

/// `images` (Atmosphere's applications): read-only, anonymous reads allowed, looked up by integer id or
/// UUID. An anonymous caller sees the public images that are not end-dated; a user also sees their own
/// (end-dated or not) and those with a current version shared with one of their groups. Filters:
/// `created_by` (username), `tag_name`, and `search` (each word found, case-insensitively, in the id, name,
/// description, a tag name or the creator's username).
enum AtmosphereImages: AtmosphereQueryset {
    struct Listing: Sendable {
        let id: Int
        let uuid: String
        /// What `search` looks in.
        let searchable: [String]
        let creator: String
        let tags: [String]
    }

    struct Filters: AtmosphereFilters {
        let caller: AtmosphereCaller?
        let createdBy: String?
        let tagName: String?
        let search: [String]

        init(_ call: AtmosphereCall) {
            caller = call.caller
            createdBy = call.filter("created_by")
            tagName = call.filter("tag_name")
            search = AtmosphereVisibility.searchTerms(call)
        }
    }

    static let viewSet = AtmosphereViewSet(name: "images", anonymousReads: true, collection: [(.get, list)], detail: [(.get, retrieve)])

    static func matches(_ listing: Listing, pk: String) -> Bool { matchesIDOrUUID(id: listing.id, uuid: listing.uuid, pk: pk) }
    static func render(_ listing: Listing, with renderer: AtmosphereRender) throws -> JSONValue { try renderer.image(listing.id) }

    /// The images the caller may see that pass the filters, by id.
    static func visible(_ filters: Filters, in db: Database) throws -> [Listing] {
        let current = AtmosphereVisibility.current("i")
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.id, i.uuid, i.name, i.description, u.username FROM atmo_image i JOIN atmo_user u ON u.id = i.created_by
            WHERE (i.private = 0 AND \(current)) OR i.created_by = :me
               OR (\(current) AND EXISTS (SELECT 1 FROM atmo_version v
                    JOIN atmo_version_membership m ON m.version_id = v.id
                    JOIN atmo_group_member gm ON gm.group_id = m.group_id
                    WHERE v.image_id = i.id AND gm.user_id = :me AND \(AtmosphereVisibility.current("v"))))
            ORDER BY i.id
            """, arguments: AtmosphereVisibility.arguments(filters.caller))
        var tags: [Int: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT it.image_id, t.name FROM atmo_image_tag it JOIN atmo_tag t ON t.id = it.tag_id ORDER BY t.id") {
            tags[row["image_id"], default: []].append(row["name"])
        }
        return rows.map { row in
            let id: Int = row["id"]
            let creator: String = row["username"]
            let imageTags = tags[id] ?? []
            return Listing(id: id, uuid: row["uuid"], searchable: [String(id), row["name"], row["description"], creator] + imageTags,
                           creator: creator, tags: imageTags)
        }.filter { image in
            (filters.createdBy.map { $0 == image.creator } ?? true)
                && (filters.tagName.map { image.tags.contains($0) } ?? true)
                && filters.search.allSatisfy { term in image.searchable.contains { $0.range(of: term, options: .caseInsensitive) != nil } }
        }
    }
}
