import GRDB

/// Atmosphere's serializers: the JSON of each resource, with the fields in the order Atmosphere's
/// serializers declare them. Rendering reads inside the caller's transaction, so a page is one snapshot.
struct AtmosphereRender {
    let db: Database
    let links: AtmosphereLinks

    /// `UserSummarySerializer`: `{id, uuid, url, username}`.
    func user(_ id: Int) throws -> JSONValue {
        guard let row = try Row.fetchOne(db, sql: "SELECT uuid, username FROM atmo_user WHERE id = ?", arguments: [id]) else { return .null }
        return .object([("id", .int(id)), ("uuid", .string(row["uuid"])), ("url", .string(links.user(id))), ("username", .string(row["username"]))])
    }

    /// `GroupSummarySerializer`: `{id, uuid, url, name}`.
    func groupSummary(_ id: Int) throws -> JSONValue {
        guard let row = try Row.fetchOne(db, sql: "SELECT uuid, name FROM atmo_group WHERE id = ?", arguments: [id]) else { return .null }
        return .object([("id", .int(id)), ("uuid", .string(row["uuid"])), ("url", .string(links.group(row["uuid"]))), ("name", .string(row["name"]))])
    }

    /// `GroupSerializer`: the summary plus `users` (every member, leaders included) and `leaders`.
    func group(_ id: Int) throws -> JSONValue {
        guard case .object(var fields) = try groupSummary(id) else { return .null }
        let members = try Row.fetchAll(db, sql: """
            SELECT user_id, is_leader FROM atmo_group_member WHERE group_id = ? ORDER BY user_id
            """, arguments: [id])
        fields.append(("users", .array(try members.map { try user($0["user_id"]) })))
        fields.append(("leaders", .array(try members.filter { $0["is_leader"] as Bool }.map { try user($0["user_id"]) })))
        return .object(fields)
    }

    /// `ImageSummarySerializer`: `{id, url, uuid, name}`.
    func imageSummary(_ id: Int) throws -> JSONValue {
        guard let row = try Row.fetchOne(db, sql: "SELECT uuid, name FROM atmo_image WHERE id = ?", arguments: [id]) else { return .null }
        return .object([("id", .int(id)), ("url", .string(links.image(row["uuid"]))), ("uuid", .string(row["uuid"])), ("name", .string(row["name"]))])
    }

    /// `ImageSerializer`. `is_public` is the model's `private` turned around, as Atmosphere's
    /// `SwapBooleanField` does.
    func image(_ id: Int) throws -> JSONValue {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM atmo_image WHERE id = ?", arguments: [id]) else { return .null }
        let tags = try Row.fetchAll(db, sql: """
            SELECT t.id, t.uuid, t.name, t.description FROM atmo_image_tag it JOIN atmo_tag t ON t.id = it.tag_id
            WHERE it.image_id = ? ORDER BY t.id
            """, arguments: [id]).map { tag -> JSONValue in
            .object([("id", .int(tag["id"])), ("uuid", .string(tag["uuid"])), ("url", .string(links.tag(tag["uuid"]))),
                     ("name", .string(tag["name"])), ("description", .string(tag["description"])), ("allow_access", .bool(true))])
        }
        let versions = try String.fetchAll(db, sql: "SELECT id FROM atmo_version WHERE image_id = ? ORDER BY start_date, id", arguments: [id])
        return .object([
            ("id", .int(id)),
            ("url", .string(links.image(row["uuid"]))),
            ("uuid", .string(row["uuid"])),
            ("name", .string(row["name"])),
            ("created_by", try user(row["created_by"])),
            ("description", .string(row["description"])),
            ("end_date", .optional(row["end_date"] as String?)),
            ("is_public", .bool(!(row["private"] as Bool))),
            ("icon", .optional(row["icon"] as String?)),
            ("start_date", .string(row["start_date"])),
            ("tags", .array(tags)),
            ("versions", .array(try versions.map { try versionSummary($0, detailed: true) })),
        ])
    }

    /// `ImageVersionSummarySerializer`: `{id, url, name}` inside a membership; with `membership`,
    /// `start_date` and `end_date` inside an image's `versions`.
    func versionSummary(_ uuid: String, detailed: Bool = false) throws -> JSONValue {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, start_date, end_date FROM atmo_version WHERE id = ?", arguments: [uuid]) else { return .null }
        var fields: [(String, JSONValue)] = [("id", .string(uuid)), ("url", .string(links.version(uuid))), ("name", .string(row["name"]))]
        if detailed {
            fields += [("membership", try membershipNames(uuid)), ("start_date", .string(row["start_date"])),
                       ("end_date", .optional(row["end_date"] as String?))]
        }
        return .object(fields)
    }

    /// `ImageVersionSerializer`: `membership` lists the names of the groups the version is shared with.
    func version(_ uuid: String) throws -> JSONValue {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM atmo_version WHERE id = ?", arguments: [uuid]) else { return .null }
        return .object([
            ("id", .string(uuid)),
            ("url", .string(links.version(uuid))),
            ("name", .string(row["name"])),
            ("image", try imageSummary(row["image_id"])),
            ("created_by", try user(row["created_by"])),
            ("membership", try membershipNames(uuid)),
            ("start_date", .string(row["start_date"])),
            ("end_date", .optional(row["end_date"] as String?)),
        ])
    }

    /// `ImageVersionMembershipSerializer`: `{id, url, image_version:{id,url,name}, group:{id,uuid,url,name}}`.
    func membership(_ id: Int) throws -> JSONValue {
        guard let row = try Row.fetchOne(db, sql: "SELECT version_id, group_id FROM atmo_version_membership WHERE id = ?", arguments: [id]) else { return .null }
        return .object([
            ("id", .int(id)),
            ("url", .string(links.membership(id))),
            ("image_version", try versionSummary(row["version_id"])),
            ("group", try groupSummary(row["group_id"])),
        ])
    }

    private func membershipNames(_ uuid: String) throws -> JSONValue {
        .array(try String.fetchAll(db, sql: """
            SELECT g.name FROM atmo_version_membership m JOIN atmo_group g ON g.id = m.group_id WHERE m.version_id = ? ORDER BY m.id
            """, arguments: [uuid]).map(JSONValue.string))
    }
}
