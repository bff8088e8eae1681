import Foundation
import GRDB
import HTTPTypes
import Hummingbird

/// `/v2/images/{id}/members[/{member}]`, step by step as Glance 33's controller runs: body checks, image
/// lookup, shared-only check, member lookup, policy, then the change (api-facts §1, §2).
enum GlanceMemberRoutes {
    static let quota = 128
    static let statuses = ["pending", "accepted", "rejected"]

    static func add(to group: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        let collection: RouterPath = "v2/images/:image/members"
        let item: RouterPath = "v2/images/:image/members/:member"

        group.get(collection) { request, context in
            try GlanceBody.refuseBody(try await request.collectedBody(context: context))
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image")
            let members = try await database.read { db -> [GlanceMemberRecord] in
                let image = try GlanceAccess.visibleImage(id, caller: caller, in: db)
                guard image.visibility == "shared" else {
                    throw GlanceFault.forbidden("Not allowed to list members for image \(image.id): Only shared images have members.")
                }
                let everyone = try GlanceAccess.members(of: image.id, in: db)
                if caller.isAdmin || image.owner == caller.projectID { return everyone }
                return everyone.filter { $0.member == caller.projectID }
            }
            return SandboxResponse.json(.object([("members", .array(members.map { $0.json() })), ("schema", .string("/v2/schemas/members"))]))
        }

        group.post(collection) { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let body = try GlanceBody.listOrObject(try await request.collectedBody(context: context).map { Array($0) })
            let memberValue = try memberToAdd(body)
            let memberID = memberValue.stringValue ?? memberValue.intValue.map(String.init) ?? ""
            let id = try GlancePath.parameter(context, "image")
            let row = try await database.write { db -> GlanceMemberRecord in
                let image = try GlanceAccess.visibleImage(id, caller: caller, in: db)
                guard image.visibility == "shared" else { throw GlanceFault.forbidden("Not allowed to create members for image \(id).") }
                guard GlanceAccess.isOwnerWithRole(caller, image) else { throw GlanceFault.policy("add_member") }
                if try GlanceAccess.member(memberID, of: image.id, in: db) != nil {
                    throw GlanceFault(status: .conflict, detail: "Member \(memberID) is duplicated for image \(id)")
                }
                let count = try GlanceAccess.members(of: image.id, in: db).count
                guard count < quota else {
                    throw GlanceFault(status: GlanceFault.requestEntityTooLarge, detail: "Image member limit exceeded for image \(id): The limit has been exceeded on the number of allowed image members for this image. Attempted: \(count + 1), Maximum: \(quota):")
                }
                let now = SandboxClock.iso8601Seconds(Date())
                // A member removed earlier comes back pending but keeps its first created_at (api-facts §10.5).
                try db.execute(sql: """
                    INSERT INTO gl_member (image_id, member, status, can_share, created_at, updated_at, deleted)
                    VALUES (?, \(ExactText.placeholder), 'pending', 0, ?, ?, 0)
                    ON CONFLICT (image_id, member) DO UPDATE SET status = 'pending', can_share = 0, updated_at = excluded.updated_at, deleted = 0
                    """, arguments: [image.id, ExactText.argument(memberID), now, now])
                return try GlanceAccess.member(memberID, of: image.id, in: db)!
            }
            return SandboxResponse.json(row.json(memberValue: memberValue.intValue != nil ? memberValue : nil))
        }

        group.get(item) { request, context in
            try GlanceBody.refuseBody(try await request.collectedBody(context: context))
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image"), memberID = try GlancePath.parameter(context, "member")
            let row = try await database.read { db -> GlanceMemberRecord in
                let image = try GlanceAccess.visibleImage(id, caller: caller, in: db)
                // Glance turns this Forbidden into a 404 so as not to reveal the image's members.
                guard image.visibility == "shared" else { throw GlanceFault.notFound("Only shared images have members.") }
                return try GlanceAccess.visibleMember(memberID, of: image, caller: caller, in: db)
            }
            return SandboxResponse.json(row.json())
        }

        group.put(item) { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let body = try GlanceBody.listOrObject(try await request.collectedBody(context: context).map { Array($0) })
            guard let statusValue = body["status"] else { throw GlanceFault.badRequest("Status not specified") }
            let id = try GlancePath.parameter(context, "image"), memberID = try GlancePath.parameter(context, "member")
            let row = try await database.write { db -> GlanceMemberRecord in
                let image = try GlanceAccess.visibleImage(id, caller: caller, in: db)
                guard image.visibility == "shared" else { throw GlanceFault.forbidden("Not allowed to update members for image \(id).") }
                let row = try GlanceAccess.visibleMember(memberID, of: image, caller: caller, in: db)
                let mayModify = caller.isAdmin || (caller.roles.contains("member") && caller.projectID == row.member && caller.projectID != image.owner)
                guard mayModify else { throw GlanceFault.policy("modify_member") }
                guard let status = statusValue.stringValue, statuses.contains(status) else {
                    throw GlanceFault.badRequest("Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".")
                }
                try db.execute(sql: "UPDATE gl_member SET status = ?, updated_at = ? WHERE image_id = ? AND member = \(ExactText.placeholder) AND deleted = 0",
                               arguments: [status, SandboxClock.iso8601Seconds(Date()), image.id, ExactText.argument(row.member)])
                return try GlanceAccess.member(row.member, of: image.id, in: db)!
            }
            return SandboxResponse.json(row.json())
        }

        group.delete(item) { request, context in
            try GlanceBody.refuseBody(try await request.collectedBody(context: context))
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image"), memberID = try GlancePath.parameter(context, "member")
            try await database.write { db in
                let image = try GlanceAccess.visibleImage(id, caller: caller, in: db)
                guard image.visibility == "shared" else { throw GlanceFault.forbidden("Not allowed to delete members for image \(id).") }
                let row = try GlanceAccess.visibleMember(memberID, of: image, caller: caller, in: db)
                guard GlanceAccess.isOwnerWithRole(caller, image) else { throw GlanceFault.policy("delete_member") }
                try GlanceAccess.deleteMember(row.member, of: image.id, now: SandboxClock.iso8601Seconds(Date()), in: db)
            }
            return SandboxResponse.empty(status: .noContent)
        }

        for method in [HTTPRequest.Method.put, .delete, .patch, .head] {
            group.on(collection, method: method) { request, _ -> Response in
                _ = try await GlanceAuth.caller(request, database: database)
                throw GlanceFault.methodNotAllowed(method, allow: "GET, POST")
            }
        }
        for method in [HTTPRequest.Method.post, .patch, .head] {
            group.on(item, method: method) { request, _ -> Response in
                _ = try await GlanceAuth.caller(request, database: database)
                throw GlanceFault.methodNotAllowed(method, allow: "GET, PUT, DELETE")
            }
        }
    }

    /// The deserializer's checks of `{"member": "<project>"}`.
    private static func memberToAdd(_ body: JSONValue) throws -> JSONValue {
        guard body.isObject else { throw GlanceFault.badRequest("Expected a member in the form: {\"member\": \"image_id\"}") }
        guard let member = body["member"] else { throw GlanceFault.badRequest("Member to be added not specified") }
        switch member {
        case .string(let text) where text.isEmpty: throw GlanceFault.badRequest("Member can't be empty")
        case .string, .int: return member
        case .null: throw GlanceFault.badRequest("Member can't be empty")
        default: throw GlanceFault.badRequest("Member to be added not specified")
        }
    }
}
