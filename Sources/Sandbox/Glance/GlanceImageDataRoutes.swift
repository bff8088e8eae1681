import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import NIOCore

/// Image data: `PUT /v2/images/{id}/file` uploads it (the image goes from `queued` through `saving` to
/// `active`, with its size and hashes) and `GET` downloads it, with Glance 33's checks in Glance's order:
/// the deserializer's content type, the image's visibility, the `upload_image` policy, the status
/// transition, the formats, then the data itself.
enum GlanceImageDataRoutes {
    /// The one store the reference stack's Glance names in `stores` (`enabled_backends = fs:file`).
    static let storeName = "fs"

    static func add(to group: RouterGroup<SandboxRequestContext>, database: SandboxDatabase, files: GlanceImageFiles) {
        group.put("v2/images/:image/file") { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            let contentType = request.headers[.contentType]
            let mediaType = contentType?.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard mediaType == "application/octet-stream" else {
                throw GlanceFault.unsupportedMediaType(contentType, detail: "Invalid content type \(mediaType ?? "None")")
            }
            let id = try GlancePath.parameter(context, "image")
            let image = try await begin(id, caller: caller, database: database)
            let received: GlanceImageFiles.Received
            let virtualSize: Int?
            do {
                // Even an announced size past the cap is read up to the cap, as Glance reads it: a client sending
                // a body just over it gets the 413 once it has sent it, not a connection closed under it.
                received = try await files.receive(request.body)
                do {
                    virtualSize = try GlanceDiskFormat.virtualSize(diskFormat: image.diskFormat ?? "", containerFormat: image.containerFormat ?? "",
                                                                   head: received.head, size: received.size, contentType: contentType)
                } catch {
                    files.discard(received.temporaryPath)
                    throw error
                }
            } catch {
                try? await restore(id, database: database)
                if error is GlanceImageFiles.TooLarge {
                    // The rest of the body is never read: the connection ends after this answer, as Glance's does.
                    context.channel.close(mode: .input, promise: nil)
                    var headers: HTTPFields = [:]
                    headers[.connection] = "close"
                    throw GlanceFault(status: GlanceFault.requestEntityTooLarge, detail: "The incoming image is too large: The provided image is too large.",
                                      headers: headers)
                }
                throw error
            }
            try await finish(id, received, virtualSize: virtualSize, database: database, files: files)
            return SandboxResponse.empty(status: .noContent)
        }
        group.get("v2/images/:image/file") { request, context in
            let caller = try await GlanceAuth.caller(request, database: database)
            try GlanceBody.refuseBody(try await request.collectedBody(context: context))
            let id = try GlancePath.parameter(context, "image")
            let image = try await database.read { db in try visible(id, caller: caller, in: db) }
            // No data (never uploaded, or a seeded image the sandbox holds none for): Glance's 204.
            guard let path = files.path(of: image.id), let size = files.size(of: image.id) else {
                return SandboxResponse.empty(status: .noContent)
            }
            var headers: HTTPFields = [:]
            headers[.contentType] = "application/octet-stream"
            if let checksum = image.checksum { headers[HTTPField.Name("Content-MD5")!] = checksum }
            headers[.contentLength] = String(size)
            return Response(status: .ok, headers: headers, body: ResponseBody(contentLength: size) { writer in
                // Read a chunk at a time: a download holds no more than one in memory.
                guard let handle = FileHandle(forReadingAtPath: path) else { throw GlanceFault.serverError }
                defer { try? handle.close() }
                var remaining = size
                while remaining > 0, let chunk = try handle.read(upToCount: min(remaining, 64 << 10)), !chunk.isEmpty {
                    remaining -= chunk.count
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            })
        }
        for method in [HTTPRequest.Method.post, .delete, .patch, .head] {
            group.on("v2/images/:image/file", method: method) { request, _ -> Response in
                _ = try await GlanceAuth.caller(request, database: database)
                throw GlanceFault.methodNotAllowed(method, allow: "GET, PUT")
            }
        }
    }

    private static func visible(_ id: String, caller: KeystoneCaller, in db: Database) throws -> GlanceImageRecord {
        guard let image = try GlanceAccess.image(id, in: db), try GlanceAccess.canSee(image, caller: caller, in: db) else {
            throw GlanceFault.notFound("No image found with ID \(id)")
        }
        return image
    }

    /// Checks the caller may upload and moves the image from `queued` to `saving`, so that a second upload
    /// meanwhile is refused as Glance refuses it.
    private static func begin(_ id: String, caller: KeystoneCaller, database: SandboxDatabase) async throws -> GlanceImageRecord {
        try await database.write { db in
            let image = try visible(id, caller: caller, in: db)
            guard GlanceAccess.isOwnerWithRole(caller, image) else { throw GlanceFault.policy("upload_image") }
            guard image.status == "queued" else {
                throw GlanceFault(status: .conflict, detail: "Image status transition from \(image.status) to saving is not allowed")
            }
            guard image.diskFormat != nil, image.containerFormat != nil else {
                throw GlanceFault.badRequest("Properties disk_format, container_format must be set prior to saving data.")
            }
            try db.execute(sql: "UPDATE gl_image SET status = 'saving', updated_at = ? WHERE id = ?",
                           arguments: [SandboxClock.iso8601Seconds(Date()), image.id])
            return image
        }
    }

    /// Glance's `_restore` after a refused upload: the image is `queued` again.
    private static func restore(_ id: String, database: SandboxDatabase) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE gl_image SET status = 'queued' WHERE id = ? AND status = 'saving'", arguments: [id.lowercased()])
        }
    }

    /// Makes the image active with its data's size and hashes; an image deleted during the upload is
    /// Glance's 410, and its data goes.
    private static func finish(_ id: String, _ received: GlanceImageFiles.Received, virtualSize: Int?,
                               database: SandboxDatabase, files: GlanceImageFiles) async throws {
        try await database.write { db in
            guard let image = try GlanceAccess.image(id, in: db), image.status == "saving" else {
                files.discard(received.temporaryPath)
                throw GlanceFault(status: .gone, detail: "Image \(id) could not be found after upload. The image may have been deleted during the upload, cleaning up the chunks uploaded.")
            }
            try db.execute(sql: """
                UPDATE gl_image SET status = 'active', size = ?, virtual_size = ?, checksum = ?, os_hash_algo = 'sha512', os_hash_value = ?,
                    stores = ?, updated_at = ? WHERE id = ?
                """, arguments: [received.size, virtualSize, received.md5, received.sha512, storeName, SandboxClock.iso8601Seconds(Date()), image.id])
            // Inside the transaction: if the file cannot be kept, the image stays as it was.
            try files.keep(received, as: image.id)
        }
    }
}
