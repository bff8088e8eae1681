import Foundation
import NIOHTTP1
import Sandbox
import Testing

/// Ids are kept and compared byte for byte, NUL included, and ids in a URL path are percent-decoded, as
/// Glance 33 does (observed: `a\u0000b` and `a` are two members, and `/members/a%00b` names the first).
/// Names with a NUL match no account, as on Keystone 30.
@Suite("Sandbox ids: exact bytes, percent-decoded paths")
struct SandboxExactIDTests {
    func sharedImage(_ harness: SandboxHarness, token: String) async throws -> String {
        let image = try await harness.sendJSON(.POST, "/image/v2/images", headers: [("X-Auth-Token", token)], json: #"{"name":"exact"}"#)
        return try #require(image.object["id"] as? String)
    }

    @Test("a member id with a NUL is stored, listed, shown, updated and removed exactly")
    func nulMember() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia"), admin = try await harness.keystoneToken(user: "admin")
            let id = try await sharedImage(harness, token: olivia)
            let members = "/image/v2/images/\(id)/members"
            let added = try await harness.sendJSON(.POST, members, headers: [("X-Auth-Token", olivia)], json: #"{"member":"a\u0000b"}"#)
            #expect(added.status == 200)
            #expect(added.object["member_id"] as? String == "a\u{0}b")
            #expect(try await harness.sendJSON(.POST, members, headers: [("X-Auth-Token", olivia)], json: #"{"member":"a"}"#).status == 200)
            let listed = try await harness.send(.GET, members, headers: [("X-Auth-Token", olivia)])
            let ids = ((listed.object["members"] as? [[String: Any]]) ?? []).compactMap { $0["member_id"] as? String }
            #expect(Set(ids) == ["a\u{0}b", "a"])
            let shown = try await harness.send(.GET, members + "/a%00b", headers: [("X-Auth-Token", olivia)])
            #expect(shown.status == 200)
            #expect(shown.object["member_id"] as? String == "a\u{0}b")
            let accepted = try await harness.sendJSON(.PUT, members + "/a%00b", headers: [("X-Auth-Token", admin)], json: #"{"status":"accepted"}"#)
            #expect(accepted.object["status"] as? String == "accepted")
            #expect(try await harness.send(.DELETE, members + "/a%00b", headers: [("X-Auth-Token", olivia)]).status == 204)
            let gone = try await harness.sendJSON(.GET, members + "/a%00b", headers: [("X-Auth-Token", olivia)])
            #expect(gone.status == 404)
            #expect(gone.object["message"] as? String == "a\u{0}b not found in the member list of the image \(id).<br /><br />\n\n\n")
            let rest = try await harness.send(.GET, members + "/a", headers: [("X-Auth-Token", olivia)])
            #expect(rest.object["status"] as? String == "pending")
        }
    }

    @Test("a member id with a space is found through %20, %2F matches no route, a path that is not UTF-8 is 500; v1 decodes too")
    func percentDecodedPaths() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia")
            let id = try await sharedImage(harness, token: olivia)
            #expect(try await harness.sendJSON(.POST, "/image/v2/images/\(id)/members", headers: [("X-Auth-Token", olivia)], json: #"{"member":"a b"}"#).status == 200)
            #expect(try await harness.send(.GET, "/image/v2/images/\(id)/members/a%20b", headers: [("X-Auth-Token", olivia)]).status == 200)
            #expect(try await harness.send(.PUT, "/image-v1/v1/images/\(id)/members/c%00d", headers: [("X-Auth-Token", olivia)]).status == 204)
            let listed = try await harness.send(.GET, "/image-v1/v1/images/\(id)/members", headers: [("X-Auth-Token", olivia)])
            let ids = ((listed.object["members"] as? [[String: Any]]) ?? []).compactMap { $0["member_id"] as? String }
            #expect(ids.contains("c\u{0}d"))
            #expect(!ids.contains("c"))
            let slash = try await harness.sendJSON(.GET, "/image/v2/images/\(id)/members/a%2Fb", headers: [("X-Auth-Token", olivia)])
            #expect(slash.status == 404)
            #expect(slash.object["message"] as? String == "The resource could not be found.<br /><br />\n\n\n")
            // Not UTF-8 once decoded: Glance fails before it authenticates, with gunicorn's page.
            let notUTF8 = try RawHTTP.send(port: harness.sandbox.port, "GET /image/v2/images/\(id)/members/%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(notUTF8.hasPrefix("HTTP/1.1 500"))
            #expect(notUTF8.contains("<h1><p>Internal Server Error</p></h1>"))
            #expect(!notUTF8.lowercased().contains("x-openstack-request-id"))
        }
    }

    @Test("a name or token with a NUL and more after it is not the account or token before the NUL")
    func nulNames() async throws {
        try await SandboxHarness.with { harness in
            let user = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens",
                json: #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"cora\u0000x","domain":{"name":"Default"},"password":"sandbox"}}}}}"#)
            #expect(user.status == 401)
            let project = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens",
                json: #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"cora","domain":{"name":"Default"},"password":"sandbox"}}},"scope":{"project":{"name":"analytics\u0000x","domain":{"name":"Default"}}}}}"#)
            #expect(project.status == 401)
            let token = try await harness.keystoneToken(user: "cora")
            let rescoped = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens",
                json: #"{"auth":{"identity":{"methods":["token"],"token":{"id":"\#(token)\u0000x"}}}}"#)
            #expect(rescoped.status == 404)
            let atmosphere = try await harness.sendJSON(.POST, "/atmosphere/auth", json: #"{"username":"olivia\u0000x","password":"sandbox"}"#)
            #expect(atmosphere.status == 400)
        }
    }
}
