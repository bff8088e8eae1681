import Foundation
import GRDB
import MembershipKit
import Sandbox
import Testing

/// `PATCH /v2/images/{id}` (JSON patch) as Glance 33 answers it; the expected messages are the reference
/// stack's, byte for byte.
@Suite("Sandbox Glance v2 image update")
struct GlanceImageUpdateSandboxTests {
    static let v21 = "application/openstack-images-v2.1-json-patch"
    static let v20 = "application/openstack-images-v2.0-json-patch"
    let cora = SandboxHarness.project("analytics")

    @Test("the owner makes a private image shared, which lets it have members; updated_at moves, created_at stays")
    func privateToShared() async throws {
        try await SandboxHarness.with { harness in
            let owner = try harness.glance("olivia")
            let image = try await harness.createImage(owner: "olivia", name: "to-share", visibility: "private")
            try await harness.backdate(image)
            await expectFailure(403, containing: "Not allowed to create members") { _ = try await owner.addMember(imageID: image, memberID: cora) }
            let response = try await harness.patch(image, as: "olivia", #"[{"op":"replace","path":"/visibility","value":"shared"}]"#)
            #expect(response.status == 200)
            #expect(response.object["visibility"] as? String == "shared")
            #expect(response.object["created_at"] as? String == "2020-01-01T00:00:00Z")
            #expect(response.object["updated_at"] as? String != "2020-01-01T00:00:00Z")
            #expect(Set(response.object.keys) == Set(["name", "disk_format", "container_format", "visibility", "size", "virtual_size", "status",
                                                     "checksum", "protected", "min_ram", "min_disk", "owner", "os_hidden", "os_hash_algo",
                                                     "os_hash_value", "id", "created_at", "updated_at", "tags", "self", "file", "schema"]))
            #expect(try await owner.addMember(imageID: image, memberID: cora).status == "pending")
        }
    }

    @Test("name, protected, os_hidden, min_ram, min_disk and tags change and read back; v2.0's add does not replace")
    func coreProperties() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "props")
            let changed = try await harness.patch(image, as: "olivia", #"""
                [{"op":"add","path":"/name","value":"renamed"},{"op":"replace","path":"/protected","value":true},
                 {"op":"replace","path":"/os_hidden","value":true},{"op":"replace","path":"/min_ram","value":512},
                 {"op":"replace","path":"/min_disk","value":2.0},{"op":"replace","path":"/tags","value":["b","a","b"]}]
                """#)
            #expect(changed.status == 200, "\(changed.body)")
            let token = try await harness.keystoneToken(user: "olivia")
            let shown = try await harness.sendJSON(.GET, "/image/v2/images/\(image)", headers: [("X-Auth-Token", token)]).object
            #expect(shown["name"] as? String == "renamed")
            #expect(shown["protected"] as? Bool == true)
            #expect(shown["os_hidden"] as? Bool == true)
            #expect(shown["min_ram"] as? Int == 512)
            #expect(shown["min_disk"] as? Int == 2)
            #expect(shown["tags"] as? [String] == ["b", "a"])
            let v20 = try await harness.patch(image, as: "olivia", #"[{"replace":"/name","value":"by-v2.0"}]"#, contentType: Self.v20)
            #expect(v20.object["name"] as? String == "by-v2.0")
            let add = try await harness.patch(image, as: "olivia", #"[{"add":"/name","value":"x"}]"#, contentType: Self.v20)
            #expect(add.status == 409)
            #expect(add.message == "There was a conflict when trying to complete your request.<br /><br />\nProperty name already present.\n\n")
            let cleared = try await harness.patch(image, as: "olivia", #"[{"op":"replace","path":"/name","value":null}]"#)
            #expect(cleared.object.keys.contains("name") && cleared.object["name"] is NSNull)
        }
    }

    @Test("an empty patch answers the image and saves nothing")
    func emptyPatch() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "empty")
            try await harness.backdate(image)
            let response = try await harness.patch(image, as: "olivia", "[]")
            #expect(response.status == 200)
            #expect(response.object["updated_at"] as? String == "2020-01-01T00:00:00Z")
        }
    }

    @Test("who may not: a member gets modify_image, a stranger no image, a non-admin owner no public image or new owner")
    func policies() async throws {
        try await SandboxHarness.with { harness in
            let owner = try harness.glance("olivia")
            let image = try await harness.createImage(owner: "olivia", name: "guarded")
            _ = try await owner.addMember(imageID: image, memberID: cora)
            let rename = #"[{"op":"replace","path":"/name","value":"mine"}]"#
            let member = try await harness.patch(image, as: "cora", rename)
            #expect(member.status == 403)
            #expect(member.message == "You are not authorized to complete modify_image action.<br /><br />\n\n\n")
            let stranger = try await harness.patch(image, as: "carl", rename)
            #expect(stranger.status == 404)
            #expect(stranger.message == "No image found with ID \(image)<br /><br />\n\n\n")
            let publicize = try await harness.patch(image, as: "olivia", #"[{"op":"replace","path":"/visibility","value":"public"}]"#)
            #expect(publicize.message == "You are not authorized to complete publicize_image action.<br /><br />\n\n\n")
            let communitize = try await harness.patch(image, as: "cora", #"[{"op":"replace","path":"/visibility","value":"community"}]"#)
            #expect(communitize.message == "You are not authorized to complete communitize_image action.<br /><br />\n\n\n")
            let owned = try await harness.patch(image, as: "olivia", #"[{"op":"replace","path":"/owner","value":"x"}]"#)
            #expect(owned.status == 403)
            #expect(owned.message == "Access was denied to this resource.<br /><br />\nOwner can't be updated by non admin.\n\n")
            let admin = try await harness.patch(image, as: "admin", #"[{"op":"replace","path":"/visibility","value":"public"}]"#)
            #expect(admin.object["visibility"] as? String == "public")
        }
    }

    @Test("a refused change keeps the earlier ones of the same patch from being saved")
    func atomic() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "kept")
            let refused = try await harness.patch(image, as: "olivia",
                #"[{"op":"replace","path":"/name","value":"changed"},{"op":"replace","path":"/visibility","value":"public"}]"#)
            #expect(refused.status == 403)
            let token = try await harness.keystoneToken(user: "olivia")
            #expect(try await harness.sendJSON(.GET, "/image/v2/images/\(image)", headers: [("X-Auth-Token", token)]).object["name"] as? String == "kept")
        }
    }

    @Test("the deserializer's refusals, before the image is looked up", arguments: [
        ("[", 400, "Malformed JSON in request body.<br /><br />\n\n\n"),
        ("", 400, "Body expected in request.<br /><br />\n\n\n"),
        (#""x""#, 400, "Unexpected body type. Expected list/dict.<br /><br />\n\n\n"),
        (#"{"op":"replace"}"#, 400, "Request body must be a JSON array of operation objects.<br /><br />\n\n\n"),
        ("[1]", 400, "Operations must be JSON objects.<br /><br />\n\n\n"),
        (#"[{"path":"/name","value":"x"}]"#, 400, "Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, replace.<br /><br />\n\n\n"),
        (#"[{"op":true,"path":"/name","value":"x"}]"#, 400, "Invalid operation: `True`. It must be one of the following: add, remove, replace.<br /><br />\n\n\n"),
        (#"[{"op":"replace","value":"x"}]"#, 400, "Unable to find 'path' in JSON Schema change<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"/name"}]"#, 400, "Operation \"replace\" requires a member named \"value\".<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"name","value":"x"}]"#, 400, "Pointer `name` does not start with \"/\".<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"/name/","value":"x"}]"#, 400, "Pointer `/name/` end with \"/\".<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"/na~2me","value":"x"}]"#, 400, "Pointer `/na~2me` contains \"~\" not part of a recognized escape sequence.<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"/name/x","value":"x"}]"#, 400, "Invalid JSON pointer for this resource: '/name/x'<br /><br />\n\n\n"),
        (#"[{"op":"add","path":"/tags/-","value":"a"}]"#, 400, "Invalid JSON pointer for this resource: '/tags/-'<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":5,"value":"x"}]"#, 500, "The server has either erred or is incapable of performing the requested operation.<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"/id","value":"x"}]"#, 403, "Attribute 'id' is read-only.<br /><br />\n\n\n"),
        (#"[{"op":"remove","path":"/created_at"}]"#, 403, "Attribute 'created_at' is read-only.<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"/location","value":"x"}]"#, 403, "Attribute 'location' is reserved.<br /><br />\n\n\n"),
        (#"[{"op":"add","path":"/os_glance_x","value":"x"}]"#, 403, "Attribute 'os_glance_x' is reserved.<br /><br />\n\n\n"),
    ])
    func deserializer(body: String, status: Int, message: String) async throws {
        try await SandboxHarness.with { harness in
            // A stranger's request on an image it cannot see: these come first all the same.
            let image = try await harness.createImage(owner: "olivia", name: "deserializer", visibility: "private")
            let response = try await harness.patch(image, as: "carl", body)
            #expect(response.status == status)
            #expect(response.message == message, "\(response.body)")
        }
    }

    @Test("the image's own rules, after the policies", arguments: [
        (#"[{"op":"remove","path":"/name"}]"#, 403, "Access was denied to this resource.<br /><br />\nProperty name may not be removed.\n\n"),
        (#"[{"op":"remove","path":"/flavour"}]"#, 409, "There was a conflict when trying to complete your request.<br /><br />\nProperty flavour does not exist.\n\n"),
        (#"[{"op":"replace","path":"/flavour","value":"x"}]"#, 409, "There was a conflict when trying to complete your request.<br /><br />\nProperty flavour does not exist.\n\n"),
        (#"[{"op":"replace","path":"/min_ram","value":-1}]"#, 400, "Invalid value '-1' for parameter 'min_ram': Cannot be a negative value<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"/min_disk","value":99999999999}]"#, 400, "'min_disk' value out of range, must not exceed 2147483647.<br /><br />\n\n\n"),
        (#"[{"op":"replace","path":"/locations","value":[]}]"#, 403, "Access was denied to this resource.<br /><br />\nCannot set locations to empty list.\n\n"),
        (#"[{"op":"replace","path":"/tags","value":[\#((0..<129).map { "\"t\($0)\"" }.joined(separator: ","))]}]"#, 413,
         "The limit has been exceeded on the number of allowed image tags. Attempted: 129, Maximum: 128<br /><br />\n\n\n"),
    ])
    func imageRules(body: String, status: Int, message: String) async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "rules")
            let response = try await harness.patch(image, as: "olivia", body)
            #expect(response.status == status)
            #expect(response.message == message, "\(response.body)")
        }
    }

    @Test("disk and container formats change only while the image is queued")
    func formats() async throws {
        try await SandboxHarness.with { harness in
            let queued = try await harness.createImage(owner: "olivia", name: "queued")
            #expect(try await harness.patch(queued, as: "olivia", #"[{"op":"replace","path":"/disk_format","value":"qcow2"}]"#).object["disk_format"] as? String == "qcow2")
            try await harness.database.write { db in try db.execute(sql: "UPDATE gl_image SET status = 'active' WHERE id = ?", arguments: [queued]) }
            let active = try await harness.patch(queued, as: "olivia", #"[{"op":"replace","path":"/container_format","value":"bare"}]"#)
            #expect(active.status == 403)
            #expect(active.message == "Attribute container_format can be only replaced for a queued image.<br /><br />\n\n\n")
        }
    }

    @Test("a value the image schema refuses: jsonschema's message, pretty-printed as Python prints it", arguments: [
        (#"{"op":"replace","path":"/visibility","value":"secret"}"#,
         "Provided object does not match schema 'image': 'secret' is not one of ['community', 'public', 'private', 'shared']\n\nFailed validating 'enum' in schema['properties']['visibility']:\n    {'type': 'string',\n     'description': 'Scope of image accessibility',\n     'enum': ['community', 'public', 'private', 'shared']}\n\nOn instance['visibility']:\n    'secret'"),
        (#"{"op":"replace","path":"/name","value":"\#((0..<60).map { "word\($0)" }.joined(separator: " "))"}"#,
         "Provided object does not match schema 'image': 'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39 word40 word41 word42 word43 word44 word45 word46 word47 word48 word49 word50 word51 word52 word53 word54 word55 word56 word57 word58 word59' is too long\n\nFailed validating 'maxLength' in schema['properties']['name']:\n    {'type': ['null', 'string'],\n     'description': 'Descriptive name for the image',\n     'maxLength': 255}\n\nOn instance['name']:\n    ('word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 '\n     'word11 word12 word13 word14 word15 word16 word17 word18 word19 '\n     'word20 word21 word22 word23 word24 word25 word26 word27 word28 '\n     'word29 word30 word31 word32 word33 word34 word35 word36 word37 '\n     'word38 word39 word40 word41 word42 word43 word44 word45 word46 '\n     'word47 word48 word49 word50 word51 word52 word53 word54 word55 '\n     'word56 word57 word58 word59')"),
        (#"{"op":"replace","path":"/disk_format","value":"zip"}"#,
         "Provided object does not match schema 'image': 'zip' is not one of [None, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop']\n\nFailed validating 'enum' in schema['properties']['disk_format']:\n    {'type': ['null', 'string'],\n     'description': 'Format of the disk',\n     'enum': [None,\n              'ami',\n              'ari',\n              'aki',\n              'vhd',\n              'vhdx',\n              'vmdk',\n              'raw',\n              'qcow2',\n              'vdi',\n              'iso',\n              'ploop']}\n\nOn instance['disk_format']:\n    'zip'"),
        (#"{"op":"replace","path":"/tags","value":["ok",5]}"#,
         "Provided object does not match schema 'image': 5 is not of type 'string'\n\nFailed validating 'type' in schema['properties']['tags']['items']:\n    {'type': 'string', 'maxLength': 255}\n\nOn instance['tags'][1]:\n    5"),
        (#"{"op":"replace","path":"/name","value":12}"#,
         "Provided object does not match schema 'image': 12 is not of type 'null', 'string'\n\nFailed validating 'type' in schema['properties']['name']:\n    {'type': ['null', 'string'],\n     'description': 'Descriptive name for the image',\n     'maxLength': 255}\n\nOn instance['name']:\n    12"),
        (#"{"op":"replace","path":"/protected","value":"yes"}"#,
         "Provided object does not match schema 'image': 'yes' is not of type 'boolean'\n\nFailed validating 'type' in schema['properties']['protected']:\n    {'type': 'boolean',\n     'description': 'If true, image will not be deletable.'}\n\nOn instance['protected']:\n    'yes'"),
        (#"{"op":"add","path":"/colour","value":5}"#,
         "Provided object does not match schema 'image': 5 is not of type 'string'\n\nFailed validating 'type' in schema['additionalProperties']:\n    {'type': 'string'}\n\nOn instance['colour']:\n    5"),
        (#"{"op":"replace","path":"/visibility","value":{"a":[1,null,true,1.5,"it's"]}}"#,
         "Provided object does not match schema 'image': {'a': [1, None, True, 1.5, \"it's\"]} is not of type 'string'\n\nFailed validating 'type' in schema['properties']['visibility']:\n    {'type': 'string',\n     'description': 'Scope of image accessibility',\n     'enum': ['community', 'public', 'private', 'shared']}\n\nOn instance['visibility']:\n    {'a': [1, None, True, 1.5, \"it's\"]}"),
    ])
    func schema(change: String, message: String) async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "schema")
            let response = try await harness.patch(image, as: "olivia", "[\(change)]")
            #expect(response.status == 400)
            #expect(response.message == message + "<br /><br />\n\n\n", "\(response.body)")
        }
    }

    @Test("only the JSON-patch media types: 415 with Accept-Patch, in webob's three shapes")
    func mediaType() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "media")
            let rename = #"[{"op":"replace","path":"/name","value":"x"}]"#
            let allowed = "application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch"
            let json = try await harness.patch(image, as: "olivia", rename, contentType: "application/json")
            #expect(json.status == 415)
            #expect(json.headers.first(name: "Accept-Patch") == allowed)
            #expect(json.message == "The request media type application/json is not supported by this server.\n<br /><br />\nImage PATCH expects Content-Type one of: \(allowed)")
            let none = try await harness.patch(image, as: "olivia", rename, contentType: nil)
            #expect(none.message == "The request media type ${CONTENT_TYPE} is not supported by this server.\n<br /><br />\nImage PATCH expects Content-Type one of: \(allowed)")
            let withCharset = try await harness.patch(image, as: "olivia", rename, contentType: Self.v21 + "; charset=UTF-8")
            #expect(withCharset.status == 200)
            let plain = try await harness.patch(image, as: "olivia", rename, contentType: "application/json", accept: nil)
            #expect(plain.body == "415 Unsupported Media Type\n\nThe request media type application/json is not supported by this server. \n\n Image PATCH expects Content-Type one of: \(allowed)")
            let html = try await harness.patch(image, as: "olivia", rename, contentType: "application/json", accept: "*/*")
            #expect(html.body == "<html>\n <head>\n  <title>415 Unsupported Media Type</title>\n </head>\n <body>\n  <h1>415 Unsupported Media Type</h1>\n  The request media type application/json is not supported by this server.\n<br /><br />\nImage PATCH expects Content-Type one of: \(allowed)\n </body>\n</html>")
        }
    }

    @Test("a message raised with webob's own explanation, as plain text and HTML")
    func explainedShapes() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "shapes")
            let remove = #"[{"op":"remove","path":"/name"}]"#
            let plain = try await harness.patch(image, as: "olivia", remove, accept: nil)
            #expect(plain.body == "403 Forbidden\n\nAccess was denied to this resource.\n\n Property name may not be removed.  ")
            let html = try await harness.patch(image, as: "olivia", remove, accept: "*/*")
            #expect(html.body == "<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n  Access was denied to this resource.<br /><br />\nProperty name may not be removed.\n\n\n </body>\n</html>")
        }
    }

    @Test("other methods on images answer 405 with Allow")
    func methods() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "methods")
            let token = try await harness.keystoneToken(user: "olivia")
            let put = try await harness.send(.PUT, "/image/v2/images/\(image)", headers: [("X-Auth-Token", token)])
            #expect(put.status == 405)
            #expect(put.headers.first(name: "Allow") == "GET, PATCH, DELETE")
            #expect(put.body == "405 Method Not Allowed\n\nThe method PUT is not allowed for this resource. \n\n ")
            let patchList = try await harness.sendJSON(.PATCH, "/image/v2/images", headers: [("X-Auth-Token", token)], json: "[]")
            #expect(patchList.status == 405)
            #expect(patchList.headers.first(name: "Allow") == "GET, POST")
        }
    }
}

extension SandboxHarness {
    /// `PATCH /image/v2/images/{id}` as `user`, with a JSON-patch media type unless told otherwise (nil:
    /// no Content-Type) and `Accept: application/json` unless told otherwise (nil: none).
    func patch(_ image: String, as user: String, _ body: String, contentType: String? = GlanceImageUpdateSandboxTests.v21,
               accept: String? = "application/json") async throws -> RawResponse {
        var headers = [("X-Auth-Token", try await keystoneToken(user: user))]
        if let contentType { headers.append(("Content-Type", contentType)) }
        if let accept { headers.append(("Accept", accept)) }
        return try await send(.PATCH, "/image/v2/images/\(image)", headers: headers, body: body.isEmpty ? nil : body)
    }

    /// Sets an image's timestamps in the past, so that a change to `updated_at` shows within the same second.
    func backdate(_ image: String) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE gl_image SET created_at = '2020-01-01T00:00:00Z', updated_at = '2020-01-01T00:00:00Z' WHERE id = ?",
                           arguments: [image])
        }
    }
}

extension RawResponse {
    /// Glance's JSON error message, whole.
    var message: String? { object["message"] as? String }
}
