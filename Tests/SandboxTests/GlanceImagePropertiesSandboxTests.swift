import Foundation
@testable import Sandbox
import Testing

/// Additional image properties (`os_distro`, openstackclient's `owner_specified.openstack.*`) as Glance 33
/// keeps them; the expected messages are the reference stack's, byte for byte.
@Suite("Sandbox Glance v2 additional image properties")
struct GlanceImagePropertiesSandboxTests {
    func create(_ harness: SandboxHarness, _ body: String, as user: String = "olivia") async throws -> RawResponse {
        let token = try await harness.keystoneToken(user: user)
        return try await harness.sendJSON(.POST, "/image/v2/images", headers: [("X-Auth-Token", token)], json: body)
    }

    func show(_ harness: SandboxHarness, _ path: String, as user: String = "olivia") async throws -> RawResponse {
        let token = try await harness.keystoneToken(user: user)
        return try await harness.sendJSON(.GET, "/image" + path, headers: [("X-Auth-Token", token)])
    }

    /// The keys of a JSON object in the order the server wrote them.
    static func keyOrder(_ body: String) throws -> [String] {
        try #require(body.firstMatch(of: /^\{/) != nil)
        return body.matches(of: #/"((?:[^"\\]|\\.)*)": /#).map { String($0.1) }
    }

    @Test("created with the image, shown before the attributes, and filtered on by value")
    func createShowList() async throws {
        try await SandboxHarness.with { harness in
            let created = try await create(harness, #"{"name":"props","os_distro":"debian","owner_specified.openstack.md5":"abc"}"#)
            #expect(created.status == 201, "\(created.body)")
            let id = try #require(created.object["id"] as? String)
            let shown = try await show(harness, "/v2/images/\(id)")
            #expect(shown.object["os_distro"] as? String == "debian")
            #expect(shown.object["owner_specified.openstack.md5"] as? String == "abc")
            #expect(try Self.keyOrder(shown.body).prefix(3) == ["os_distro", "owner_specified.openstack.md5", "name"])
            let matching = try await show(harness, "/v2/images?os_distro=debian&owner_specified.openstack.md5=abc")
            #expect((matching.object["images"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            let other = try await show(harness, "/v2/images?os_distro=ubuntu")
            #expect((other.object["images"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test("add appends, replace keeps the place, remove drops; a property that is not there is a 409, and v2.0's add does not replace")
    func patchChanges() async throws {
        try await SandboxHarness.with { harness in
            let id = try #require(try await create(harness, #"{"name":"patched","a_first":"1"}"#).object["id"] as? String)
            let added = try await harness.patch(id, as: "olivia", #"[{"op":"add","path":"/b_second","value":"2"},{"op":"add","path":"/c~1third","value":"3"}]"#)
            #expect(try Self.keyOrder(added.body).prefix(3) == ["a_first", "b_second", "c/third"])
            let replaced = try await harness.patch(id, as: "olivia", #"[{"op":"replace","path":"/a_first","value":"one"}]"#)
            #expect(try Self.keyOrder(replaced.body).first == "a_first")
            #expect(replaced.object["a_first"] as? String == "one")
            let removed = try await harness.patch(id, as: "olivia", #"[{"op":"remove","path":"/b_second"}]"#)
            #expect(removed.status == 200 && removed.object["b_second"] == nil)
            for body in [#"[{"op":"replace","path":"/gone","value":"x"}]"#, #"[{"op":"remove","path":"/gone"}]"#] {
                let missing = try await harness.patch(id, as: "olivia", body)
                #expect(missing.status == 409)
                #expect(missing.message == "There was a conflict when trying to complete your request.<br /><br />\nProperty gone does not exist.\n\n")
            }
            let draft4 = try await harness.patch(id, as: "olivia", #"[{"add":"/a_first","value":"x"}]"#, contentType: GlanceImageUpdateSandboxTests.v20)
            #expect(draft4.message == "There was a conflict when trying to complete your request.<br /><br />\nProperty a_first already present.\n\n")
            let nameRemoved = try await harness.patch(id, as: "olivia", #"[{"op":"remove","path":"/name"}]"#)
            #expect(nameRemoved.status == 403)
            let member = try await harness.patch(id, as: "cora", #"[{"op":"add","path":"/x","value":"y"}]"#)
            #expect(member.status == 404 || member.status == 403)
            let shown = try await show(harness, "/v2/images/\(id)")
            #expect(shown.object["a_first"] as? String == "one" && shown.object["c/third"] as? String == "3" && shown.object["x"] == nil)
        }
    }

    @Test("128 properties at most: on create and after a patch, 413 and nothing kept")
    func quota() async throws {
        try await SandboxHarness.with { harness in
            func properties(_ count: Int, prefix: String) -> String { (0..<count).map { #""\#(prefix)\#($0)":"v""# }.joined(separator: ",") }
            let over = try await create(harness, "{" + properties(129, prefix: "p") + "}")
            #expect(over.status == 413)
            #expect(over.message == "The limit has been exceeded on the number of allowed image properties. Attempted: 129, Maximum: 128<br /><br />\n\n\n")
            let full = try await create(harness, #"{"name":"full","# + properties(128, prefix: "p") + "}")
            #expect(full.status == 201)
            let id = try #require(full.object["id"] as? String)
            let more = try await harness.patch(id, as: "olivia", #"[{"op":"remove","path":"/p0"},{"op":"add","path":"/q0","value":"v"},{"op":"add","path":"/q1","value":"v"}]"#)
            #expect(more.status == 413)
            let shown = try await show(harness, "/v2/images/\(id)")
            #expect(shown.object["p0"] as? String == "v" && shown.object["q0"] == nil)
        }
    }

    @Test("create refusals in Glance's order: disallowed, schema, name length, reserved, read-only, locations, another owner")
    func createRefusals() async throws {
        try await SandboxHarness.with { harness in
            let cases: [(String, Int, String)] = [
                (#"{"self":"x","colour":5}"#, 403, "Attribute 'self' is read-only.<br /><br />\n\n\n"),
                (#"{"deleted":"x","colour":5}"#, 400,
                 "Provided object does not match schema 'image': 5 is not of type 'string'\n\nFailed validating 'type' in schema['additionalProperties']:\n    {'type': 'string'}\n\nOn instance['colour']:\n    5<br /><br />\n\n\n"),
                ("{\"\(String(repeating: "k", count: 256))\":\"x\"}", 400, "Custom property should not be greater than 255 characters.<br /><br />\n\n\n"),
                (#"{"size":5,"deleted":"x"}"#, 403, "Access was denied to this resource.<br /><br />\nAttribute 'deleted' is reserved.\n\n"),
                (#"{"os_glance_import":"x"}"#, 403, "Access was denied to this resource.<br /><br />\nAttribute 'os_glance_import' is reserved.\n\n"),
                (#"{"size":5,"status":"queued"}"#, 403, "Attribute 'status' is read-only.<br /><br />\n\n\n"),
                (#"{"locations":[]}"#, 403, "Attribute 'locations' is reserved.<br /><br />\n\n\n"),
                (#"{"owner":"someone-else"}"#, 403, "Access was denied to this resource.<br /><br />\nYou are not permitted to create images owned by 'someone-else'\n\n"),
            ]
            for (body, status, message) in cases {
                let response = try await create(harness, body)
                #expect(response.status == status, "\(body)")
                #expect(response.message == message, "\(body)")
            }
            let admin = try await create(harness, #"{"name":"for-cora","owner":"\#(SandboxHarness.project("analytics"))"}"#, as: "admin")
            #expect(admin.status == 201 && admin.object["owner"] as? String == SandboxHarness.project("analytics"))
        }
    }

    @Test("Glance v1 shows them under properties")
    func glanceV1() async throws {
        try await SandboxHarness.with { harness in
            let id = try #require(try await create(harness, #"{"name":"v1-props","visibility":"public","architecture":"x86_64"}"#, as: "admin").object["id"] as? String)
            let token = try await harness.keystoneToken(user: "olivia")
            let detail = try await harness.sendJSON(.GET, "/image-v1/v1/images/detail", headers: [("X-Auth-Token", token)])
            let image = (detail.object["images"] as? [[String: Any]])?.first { $0["id"] as? String == id }
            #expect((image?["properties"] as? [String: String]) == ["architecture": "x86_64"])
        }
    }

    @Test("a stored column that is not a list of pairs reads as no properties")
    func hostileColumn() {
        #expect(GlanceImageProperties(stored: "not json").count == 0)
        #expect(GlanceImageProperties(stored: #"[["a","1"],["b"],["c","3","x"],["a","2"]]"#).pairs.map(\.value) == ["2"])
        #expect(GlanceImageProperties(stored: nil).count == 0)
    }
}
