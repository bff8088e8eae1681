import Foundation
import GRDB

/// `GET /v2/images`: the caller's visible images filtered, sorted and paged as Glance 33 pages them
/// (a `next` link whenever a page is full, links relative to the service root).
enum GlanceImageListing {
    static func page(_ query: GlanceImageQuery, caller: KeystoneCaller, in db: Database) throws -> JSONValue {
        var rows = try candidates(query, caller: caller, in: db).filter { matches($0, query) }
        rows.sort { query.orders($0, before: $1) }
        if let marker = query.marker {
            guard let markerImage = try GlanceAccess.image(marker, in: db) else {
                throw GlanceFault.badRequest("No image found with ID \(marker)")
            }
            guard try GlanceAccess.canSee(markerImage, caller: caller, in: db) else {
                throw GlanceFault.forbidden("Forbidding request, image \(marker) not visible")
            }
            rows = rows.filter { query.orders(markerImage, before: $0) }
        }
        let page = Array(rows.prefix(query.limit))
        let base = "/v2/images"
        let encoded = FormCoding.encode(query.linkPairs)
        let first = encoded.isEmpty ? base : base + "?" + encoded
        var fields: [(String, JSONValue)] = [
            ("images", .array(page.map(\.json))),
            ("first", .string(first)),
            ("schema", .string("/v2/schemas/images")),
        ]
        if query.limit > 0, page.count == query.limit, let last = page.last {
            fields.append(("next", .string(first + (encoded.isEmpty ? "?" : "&") + "marker=" + last.id)))
        }
        return .object(fields)
    }

    /// The repository's union: owned, public and community images, plus shared ones the caller is a member
    /// of with the requested status. Admins are not filtered by membership (api-facts §3).
    private static func candidates(_ query: GlanceImageQuery, caller: KeystoneCaller, in db: Database) throws -> [GlanceImageRecord] {
        let all = try Row.fetchAll(db, sql: "SELECT * FROM gl_image WHERE deleted = 0").map(GlanceImageRecord.init)
        guard !caller.isAdmin else { return all.filter { visibilityMatches($0, query, caller: caller) } }
        let project = caller.projectID ?? ""
        let statusClause = query.memberStatus == "all" ? "" : " AND status = ?"
        var arguments: StatementArguments = [project]
        if query.memberStatus != "all" { arguments += [query.memberStatus] }
        let sharedWithMe = Set(try String.fetchAll(db, sql: "SELECT image_id FROM gl_member WHERE member = ? AND deleted = 0" + statusClause,
                                                   arguments: arguments))
        return all.filter { image in
            let direct = image.owner == project || image.visibility == "public" || image.visibility == "community"
            let shared = image.visibility == "shared" && sharedWithMe.contains(image.id)
            return (direct || shared) && visibilityMatches(image, query, caller: caller)
        }
    }

    /// With a visibility only that one (or all); without one, community images only when owned.
    private static func visibilityMatches(_ image: GlanceImageRecord, _ query: GlanceImageQuery, caller: KeystoneCaller) -> Bool {
        if let visibility = query.visibility { return visibility == "all" || image.visibility == visibility }
        return image.visibility != "community" || image.owner == caller.projectID
    }

    private static func matches(_ image: GlanceImageRecord, _ query: GlanceImageQuery) -> Bool {
        // Unknown parameters filter on additional properties, each by its exact value.
        guard query.propertyFilters.allSatisfy({ image.properties[$0.0] == $0.1 }) else { return false }
        for (name, value) in query.filters {
            let actual: String?
            switch name {
            case "owner": actual = image.owner
            case "name": actual = image.name
            case "status": actual = image.status
            case "disk_format": actual = image.diskFormat
            case "container_format": actual = image.containerFormat
            case "protected": actual = image.isProtected ? "true" : "false"
            case "os_hidden": actual = image.osHidden ? "true" : "false"
            case "id": actual = image.id
            default: actual = nil
            }
            if actual != value { return false }
        }
        if query.filters["os_hidden"] == nil, image.osHidden { return false }
        return query.tags.allSatisfy(image.tags.contains)
    }
}
