import Foundation

/// Image data and schemas, as a conformance client asks for them: the four schema documents byte for byte,
/// then an upload and its downloads, and each refusal Glance 33 gives on the way.
extension DifferentialScenario {
    /// The image size cap on both sides: `scripts/refstack`'s default `image_size_cap`, which
    /// `DifferentialTests` gives the sandbox too.
    static let imageSizeCap = 8 << 20

    static func recordImageData(on target: DifferentialTarget, record: (String, Exchange, Bool) -> Void) async throws {
        for name in ["image", "images", "member", "members"] {
            record("schemas: \(name)", try await target.glance(.GET, "/v2/schemas/\(name)", as: .owner), true)
        }
        record("schemas: no token", try await target.glance(.GET, "/v2/schemas/image", as: nil), false)
        record("schemas: an unknown schema", try await target.glance(.GET, "/v2/schemas/nope", as: .owner), false)
        record("schemas: POST", try await target.glance(.POST, "/v2/schemas/member", as: .owner, body: "{}"), false)
        record("schemas: HEAD", try await target.glance(.HEAD, "/v2/schemas/member", as: .owner), false)
        record("schemas: GET with a body", try await target.glance(.GET, "/v2/schemas/member", as: .owner, body: "{}"), false)

        let stem = "diff-data-" + UUID().uuidString.prefix(8).lowercased()
        let id = try await createImage(on: target, #"{"name":"\#(stem)","disk_format":"raw","container_format":"bare"}"#)
        target.remember(id, as: "<image:data>")
        let file = "/v2/images/<image:data>/file"
        func upload(_ path: String, _ body: String, as actor: DifferentialTarget.Actor? = .owner,
                    contentType: String? = "application/octet-stream") async throws -> Exchange {
            try await target.glance(.PUT, path, as: actor, body: body, contentType: contentType)
        }
        _ = try await target.glance(.POST, "/v2/images/<image:data>/members", as: .owner, body: #"{"member":"<project:member>"}"#)

        record("data: no data yet is 204", try await target.glance(.GET, file, as: .owner), false)
        record("data: HEAD", try await target.glance(.HEAD, file, as: .owner), false)
        record("data: DELETE", try await target.glance(.DELETE, file, as: .owner), false)
        record("data: GET with a body", try await target.glance(.GET, file, as: .owner, body: "{}"), false)
        record("data: no token", try await upload(file, "hello", as: nil), false)
        record("data: JSON is not image data", try await upload(file, "hello", contentType: "application/json"), false)
        record("data: no content type", try await upload(file, "hello", contentType: nil), false)
        record("data: a stranger cannot see the image", try await upload(file, "hello", as: .stranger), false)
        record("data: a member may not upload", try await upload(file, "hello", as: .member), false)
        record("data: a missing image", try await upload("/v2/images/\(missingMarker)/file", "hello"), false)
        record("data: a missing image's download", try await target.glance(.GET, "/v2/images/\(missingMarker)/file", as: .owner), false)
        record("data: the owner uploads", try await upload(file, "hello", contentType: "application/octet-stream; charset=utf-8"), false)
        record("data: the image is active, in a store", try await target.glance(.GET, "/v2/images/<image:data>", as: .owner), false)
        record("data: listed with its store", try await target.glance(.GET, "/v2/images?name=\(stem)", as: .owner), false)
        record("data: the owner downloads", try await target.glance(.GET, file, as: .owner), true)
        record("data: the member downloads", try await target.glance(.GET, file, as: .member), true)
        record("data: the stranger cannot", try await target.glance(.GET, file, as: .stranger), false)
        record("data: a second upload", try await upload(file, "again"), false)
        record("data: formats cannot change now", try await target.glance(.PATCH, "/v2/images/<image:data>", as: .owner,
            body: #"[{"op":"replace","path":"/disk_format","value":"qcow2"}]"#, contentType: "application/openstack-images-v2.1-json-patch"), false)
        record("data: delete the image", try await target.glance(.DELETE, "/v2/images/<image:data>", as: .owner), false)
        record("data: no download after delete", try await target.glance(.GET, file, as: .owner), false)
        record("data: no upload after delete", try await upload(file, "hello"), false)

        // An image without formats takes no data.
        let bare = try await createImage(on: target, "{}")
        target.remember(bare, as: "<image:bare>")
        record("data: formats must be set first", try await upload("/v2/images/<image:bare>/file", "hello"), false)
        record("data: still queued", try await target.glance(.GET, "/v2/images/<image:bare>", as: .owner), false)
        _ = try await target.glance(.DELETE, "/v2/images/<image:bare>", as: .owner)

        // Format inspection: raw data for a qcow2 image is refused. (Glance then fails on that image with
        // 500s, so it is only deleted.)
        let qcow = try await createImage(on: target, #"{"disk_format":"qcow2","container_format":"bare"}"#)
        target.remember(qcow, as: "<image:qcow2>")
        record("data: raw data for a qcow2 image", try await upload("/v2/images/<image:qcow2>/file", "hello"), false)
        record("data: delete the qcow2 image", try await target.glance(.DELETE, "/v2/images/<image:qcow2>", as: .owner), false)

        // The size cap: one byte more is 413 and the image stays queued; the cap itself passes.
        let capped = try await createImage(on: target, #"{"disk_format":"ami","container_format":"ami"}"#)
        target.remember(capped, as: "<image:capped>")
        let cappedFile = "/v2/images/<image:capped>/file"
        record("data: one byte over the cap", try await upload(cappedFile, String(repeating: "x", count: imageSizeCap + 1)), false)
        record("data: queued after the 413", try await target.glance(.GET, "/v2/images/<image:capped>", as: .owner), false)
        record("data: the cap itself", try await upload(cappedFile, String(repeating: "x", count: imageSizeCap)), false)
        record("data: an ami image has no virtual size", try await target.glance(.GET, "/v2/images/<image:capped>", as: .owner), false)
        record("data: delete the capped image", try await target.glance(.DELETE, "/v2/images/<image:capped>", as: .owner), false)
    }

    private static func createImage(on target: DifferentialTarget, _ body: String) async throws -> String {
        let created = try await target.glance(.POST, "/v2/images", as: .owner, body: body)
        guard let id = (created.json as? [String: Any])?["id"] as? String else { throw DifferentialError(message: "create failed: \(created.body)") }
        return id
    }
}
