import Foundation
import GRDB
import HTTPTypes
import Hummingbird

/// Glance v1 (removed from Glance in Rocky, still spoken by old clouds), under `/image-v1`: images, the
/// member list with `can_share`, whole-list replace, single upsert and delete, and shared-images.
/// v1 knows no member status: any member row makes the image visible to that project.
/// Behaviour from api-facts §5: the server reads `{"member":{"can_share":b}}` and `{"memberships":[…]}`;
/// the seed's `{"members":[…]}` list form is accepted for the replace too (harmless), while a flat
/// `{"can_share":b}` is ignored, as the real server ignores it.
enum GlanceV1Routes {
    static func add(to group: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        let members: RouterPath = "v1/images/:image/members"
        let member: RouterPath = "v1/images/:image/members/:member"

        group.get("v1/images") { request, _ in
            let caller = try await GlanceAuth.caller(request, database: database)
            let images = try await database.read { db in try visibleImages(caller: caller, request: request, in: db) }
            return SandboxResponse.json(.object([("images", .array(images.map(summary)))]))
        }
        group.get("v1/images/detail") { request, _ in
            let caller = try await GlanceAuth.caller(request, database: database)
            let images = try await database.read { db in try visibleImages(caller: caller, request: request, in: db) }
            return SandboxResponse.json(.object([("images", .array(images.map(detail)))]))
        }

        group.get(members) { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image")
            let rows = try await database.read { db -> [GlanceMemberRecord] in
                let image = try visibleImage(id, caller: caller, in: db)
                return try GlanceAccess.members(of: image.id, in: db)
            }
            return SandboxResponse.json(.object([("members", .array(rows.map(memberJSON)))]))
        }

        group.put(members) { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image")
            let body = try GlanceBody.document(try await request.collectedBody(context: context).map { Array($0) })
            guard let list = (body["memberships"] ?? body["members"])?.arrayValue else {
                throw GlanceFault.badRequest("Invalid membership association: 'memberships'")
            }
            var wanted: [(member: String, canShare: Bool?)] = []
            for entry in list {
                guard let memberID = entry["member_id"].flatMap(memberText) else {
                    throw GlanceFault.badRequest("Invalid membership association: 'member_id'")
                }
                wanted.append((memberID, entry["can_share"]?.boolValue))
            }
            guard wanted.count <= GlanceMemberRoutes.quota else { throw quotaFault(attempted: wanted.count) }
            let replacement = wanted
            try await database.write { db in
                let image = try writableImage(id, caller: caller, in: db)
                let now = SandboxClock.iso8601Seconds(Date())
                let keep = Set(replacement.map(\.member))
                for row in try GlanceAccess.members(of: image.id, in: db) where !keep.contains(row.member) {
                    try GlanceAccess.deleteMember(row.member, of: image.id, now: now, in: db)
                }
                for entry in replacement { try upsert(entry.member, canShare: entry.canShare, image: image.id, now: now, in: db) }
            }
            return SandboxResponse.empty(status: .noContent)
        }

        group.put(member) { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image"), memberID = try GlancePath.parameter(context, "member")
            let data = try await request.collectedBody(context: context)
            var requested: Bool?
            if let data, !data.isEmpty {
                guard let body = JSONValue.parse(data) else { throw GlanceFault.badRequest("Malformed JSON in request body.") }
                requested = body["member"]?["can_share"]?.boolValue
            }
            let canShare = requested
            try await database.write { db in
                let image = try writableImage(id, caller: caller, in: db)
                // Glance v1 checks count + 1 even when the member already exists.
                let count = try GlanceAccess.members(of: image.id, in: db).count
                guard count + 1 <= GlanceMemberRoutes.quota else { throw quotaFault(attempted: count + 1) }
                try upsert(memberID, canShare: canShare, image: image.id, now: SandboxClock.iso8601Seconds(Date()), in: db)
            }
            return SandboxResponse.empty(status: .noContent)
        }

        group.delete(member) { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image"), memberID = try GlancePath.parameter(context, "member")
            try await database.write { db in
                let image = try writableImage(id, caller: caller, in: db)
                guard try GlanceAccess.member(memberID, of: image.id, in: db) != nil else {
                    throw GlanceFault.notFound("Membership could not be found.")
                }
                try GlanceAccess.deleteMember(memberID, of: image.id, now: SandboxClock.iso8601Seconds(Date()), in: db)
            }
            return SandboxResponse.empty(status: .noContent)
        }

        // v1 has no "show member" action.
        for method in [HTTPRequest.Method.get, .post, .patch] {
            group.on(member, method: method) { request, _ -> Response in
                _ = try await GlanceAuth.caller(request, database: database)
                throw GlanceFault.methodNotAllowed(method, allow: "PUT, DELETE")
            }
        }

        group.get("v1/shared-images/:member") { request, context in
            _ = try await GlanceAuth.caller(request, database: database)
            let memberID = try GlancePath.parameter(context, "member")
            let shared = try await database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT m.image_id, m.can_share FROM gl_member m JOIN gl_image i ON i.id = m.image_id
                    WHERE m.member = \(ExactText.placeholder) AND m.deleted = 0 AND i.deleted = 0 ORDER BY i.created_at
                    """, arguments: [ExactText.argument(memberID)]).map { row in
                    JSONValue.object([("image_id", .string(row["image_id"])), ("can_share", .bool(row["can_share"]))])
                }
            }
            return SandboxResponse.json(.object([("shared_images", .array(shared))]))
        }
    }

    /// v1's visibility: public and owned images, and any image the caller's project is a member of.
    static func canSee(_ image: GlanceImageRecord, caller: KeystoneCaller, in db: Database) throws -> Bool {
        let isMember = try caller.projectID.map { try GlanceAccess.member($0, of: image.id, in: db) != nil } ?? false
        return canSee(image, caller: caller, isMember: isMember)
    }

    static func canSee(_ image: GlanceImageRecord, caller: KeystoneCaller, isMember: Bool) -> Bool {
        caller.isAdmin || image.owner == caller.projectID || image.visibility == "public" || isMember
    }

    static func visibleImage(_ id: String, caller: KeystoneCaller, in db: Database) throws -> GlanceImageRecord {
        guard let image = try GlanceAccess.image(id, in: db), try canSee(image, caller: caller, in: db) else {
            throw GlanceFault.notFound("Image with identifier \(id) not found")
        }
        return image
    }

    /// Who may change members: the owner, an admin, or a member holding `can_share`. The registry's refusal
    /// reaches the client as 404 (api-facts §5).
    static func writableImage(_ id: String, caller: KeystoneCaller, in db: Database) throws -> GlanceImageRecord {
        let image = try visibleImage(id, caller: caller, in: db)
        if caller.isAdmin || image.owner == caller.projectID { return image }
        if let project = caller.projectID, let row = try GlanceAccess.member(project, of: image.id, in: db), row.canShare { return image }
        throw GlanceFault.notFound("User lacks permission to share image \(image.id)")
    }

    /// Adds a member (can_share false unless given) or updates `can_share` when given; a removed member
    /// comes back with its first `created_at`.
    static func upsert(_ member: String, canShare: Bool?, image: String, now: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO gl_member (image_id, member, status, can_share, created_at, updated_at, deleted)
            VALUES (?, \(ExactText.placeholder), 'pending', ?, ?, ?, 0)
            ON CONFLICT (image_id, member) DO UPDATE SET
                can_share = CASE WHEN ? IS NULL THEN (CASE WHEN deleted = 1 THEN 0 ELSE can_share END) ELSE ? END,
                status = CASE WHEN deleted = 1 THEN 'pending' ELSE status END,
                updated_at = excluded.updated_at, deleted = 0
            """, arguments: [image, ExactText.argument(member), canShare ?? false, now, now, canShare, canShare])
    }

    static func quotaFault(attempted: Int) -> GlanceFault {
        GlanceFault(status: GlanceFault.requestEntityTooLarge,
                    detail: "The limit has been exceeded on the number of allowed image members for this image. Attempted: \(attempted), Maximum: \(GlanceMemberRoutes.quota)")
    }

    private static func memberText(_ value: JSONValue) -> String? {
        value.stringValue ?? value.intValue.map(String.init)
    }

    static func memberJSON(_ row: GlanceMemberRecord) -> JSONValue {
        .object([("member_id", .string(row.member)), ("can_share", .bool(row.canShare))])
    }

    /// `/v1/images`: visible images sorted by name (v1's `sort_key`/`sort_dir` and `limit`/`marker` honoured).
    static func visibleImages(caller: KeystoneCaller, request: Request, in db: Database) throws -> [GlanceImageRecord] {
        let pairs = Dictionary(request.orderedQuery, uniquingKeysWith: { _, last in last })
        let all = try Row.fetchAll(db, sql: "SELECT * FROM gl_image WHERE deleted = 0").map(GlanceImageRecord.init)
        // One query for the caller's memberships, not one per image.
        let memberOf = Set(try String.fetchAll(db, sql: "SELECT image_id FROM gl_member WHERE member = ? AND deleted = 0",
                                               arguments: [caller.projectID ?? ""]))
        var visible = all.filter { canSee($0, caller: caller, isMember: memberOf.contains($0.id)) }
        let key = pairs["sort_key"] ?? "created_at"
        guard GlanceImageQuery.sortKeys.contains(key) else { throw GlanceFault.badRequest("Unsupported sort_key. Acceptable values: \(GlanceImageQuery.sortKeys.joined(separator: ", "))") }
        let descending = (pairs["sort_dir"] ?? "desc") != "asc"
        visible.sort { a, b in
            let left = a.sortValue(key), right = b.sortValue(key)
            if left == right { return descending ? a.id > b.id : a.id < b.id }
            return descending ? right < left : left < right
        }
        if let marker = pairs["marker"] {
            guard let index = visible.firstIndex(where: { $0.id == marker }) else { throw GlanceFault.badRequest("marker not found") }
            visible = Array(visible[(index + 1)...])
        }
        let limit = min(Int(pairs["limit"] ?? "") ?? 25, 1000)
        return Array(visible.prefix(max(0, limit)))
    }

    static func summary(_ image: GlanceImageRecord) -> JSONValue {
        .object([("id", .string(image.id)), ("name", .optional(image.name)), ("disk_format", .optional(image.diskFormat)),
                 ("container_format", .optional(image.containerFormat)), ("size", .optional(image.size)), ("checksum", .optional(image.checksum))])
    }

    static func detail(_ image: GlanceImageRecord) -> JSONValue {
        .object([
            ("id", .string(image.id)), ("name", .optional(image.name)), ("status", .string(image.status)),
            ("is_public", .bool(image.visibility == "public")), ("owner", .string(image.owner)),
            ("disk_format", .optional(image.diskFormat)), ("container_format", .optional(image.containerFormat)),
            ("size", .optional(image.size)), ("checksum", .optional(image.checksum)), ("min_disk", .int(image.minDisk)),
            ("min_ram", .int(image.minRAM)), ("protected", .bool(image.isProtected)),
            ("created_at", .string(image.createdAt.replacingOccurrences(of: "Z", with: ".000000"))),
            ("updated_at", .string(image.updatedAt.replacingOccurrences(of: "Z", with: ".000000"))),
            ("deleted_at", .null), ("deleted", .bool(false)),
            ("properties", .object(image.properties.pairs.map { ($0.name, .string($0.value)) })),
        ])
    }
}
