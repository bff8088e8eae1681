import Foundation
import GRDB
import HTTPTypes
import Hummingbird

/// Images: list, show, create (a record without data, as `openstack image create` without a file makes; its
/// data is `GlanceImageDataRoutes`'),
/// update (JSON patch: visibility, name and the other core properties) and delete. Creating, updating and
/// deleting let scripts and tests set up the data they need; an image must be shared to have members.
enum GlanceImageRoutes {
    static let diskFormats = ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"]
    static let containerFormats = ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"]

    static func add(to group: RouterGroup<SandboxRequestContext>, database: SandboxDatabase, files: GlanceImageFiles) {
        group.get("v2/images") { request, _ in
            let caller = try await GlanceAuth.caller(request, database: database)
            guard GlancePath.isDecodable(request.uri.query ?? "") else {
                throw GlanceFault.badRequest("Error decoding your request. Either the URL or the request body contained characters that could not be decoded by Glance")
            }
            let query = try GlanceImageQuery(pairs: request.orderedQuery)
            let body = try await database.read { db in try GlanceImageListing.page(query, caller: caller, in: db) }
            return SandboxResponse.json(body)
        }
        group.get("v2/images/:image") { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image")
            let image = try await database.read { db -> GlanceImageRecord in
                guard let image = try GlanceAccess.image(id, in: db), try GlanceAccess.canSee(image, caller: caller, in: db) else {
                    throw GlanceFault.notFound("No image found with ID \(id)")
                }
                return image
            }
            return SandboxResponse.json(image.json)
        }
        group.post("v2/images") { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let body = try GlanceBody.object(try await request.collectedBody(context: context))
            let image = try GlanceImageCreate.image(from: body, caller: caller)
            try await database.write { db in try image.insert(into: db) }
            var headers: HTTPFields = [:]
            headers[.location] = request.origin + GlanceModule.root + "/v2/images/" + image.id
            return SandboxResponse.json(image.json, status: .created, headers: headers)
        }
        group.patch("v2/images/:image") { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image")
            // The deserializer's checks come before the image is looked up: a stranger's malformed patch is a
            // 400, not a 404.
            let draft = try GlanceImagePatch.draft(contentType: request.headers[.contentType])
            let changes = try GlanceImagePatch.changes(try await request.collectedBody(context: context).map { Array($0) }, draft: draft)
            let image = try await database.write { db -> GlanceImageRecord in
                guard let image = try GlanceAccess.image(id, in: db), try GlanceAccess.canSee(image, caller: caller, in: db) else {
                    throw GlanceFault.notFound("No image found with ID \(id)")
                }
                var updated = try GlanceImageUpdate.apply(changes, to: image, caller: caller)
                // An empty patch saves nothing and leaves updated_at alone; any other saves, changed or not.
                guard !changes.isEmpty else { return image }
                updated.updatedAt = SandboxClock.iso8601Seconds(Date())
                try updated.save(in: db)
                return updated
            }
            return SandboxResponse.json(image.json)
        }
        group.delete("v2/images/:image") { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let id = try GlancePath.parameter(context, "image")
            try await database.write { db in
                guard let image = try GlanceAccess.image(id, in: db), try GlanceAccess.canSee(image, caller: caller, in: db) else {
                    throw GlanceFault.notFound("Failed to find image \(id) to delete")
                }
                guard GlanceAccess.isOwnerWithRole(caller, image) else { throw GlanceFault.policy("delete_image") }
                guard !image.isProtected else { throw GlanceFault.forbidden("Image \(id) is protected and cannot be deleted.") }
                try db.execute(sql: "UPDATE gl_image SET deleted = 1, status = 'deleted', updated_at = ? WHERE id = ?",
                               arguments: [SandboxClock.iso8601Seconds(Date()), image.id])
                try db.execute(sql: "UPDATE gl_member SET deleted = 1 WHERE image_id = ?", arguments: [image.id])
                // Inside the transaction, so that an upload finishing now finds the image deleted (`finish`).
                files.remove(image.id)
            }
            return SandboxResponse.empty(status: .noContent)
        }
        for method in [HTTPRequest.Method.put, .delete, .patch, .head] {
            group.on("v2/images", method: method) { request, _ -> Response in
                _ = try await GlanceAuth.caller(request, database: database)
                throw GlanceFault.methodNotAllowed(method, allow: "GET, POST")
            }
        }
        for method in [HTTPRequest.Method.put, .post, .head] {
            group.on("v2/images/:image", method: method) { request, _ -> Response in
                _ = try await GlanceAuth.caller(request, database: database)
                throw GlanceFault.methodNotAllowed(method, allow: "GET, PATCH, DELETE")
            }
        }
    }
}
