import Foundation
import Sandbox
import Testing

/// Glance v1 members over raw HTTP (the SDK has no v1 client yet): can_share, replace, upsert, delete,
/// shared-images, who may write, and the documented errors.
@Suite("Sandbox Glance v1 members")
struct GlanceV1SandboxTests {
    let cora = SandboxHarness.project("analytics")
    let carl = SandboxHarness.project("webapps")

    private func members(_ harness: SandboxHarness, _ image: String, token: String) async throws -> [String: Bool] {
        let response = try await harness.sendJSON(.GET, "/image-v1/v1/images/\(image)/members", headers: [("X-Auth-Token", token)])
        #expect(response.status == 200)
        var result: [String: Bool] = [:]
        for row in response.object["members"] as? [[String: Any]] ?? [] {
            result[row["member_id"] as? String ?? ""] = row["can_share"] as? Bool
        }
        return result
    }

    @Test("upsert without a body adds with can_share false and leaves an existing row alone; with a body sets can_share")
    func upsert() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "v1-upsert")
            let token = try await harness.keystoneToken(user: "olivia")
            let auth = [("X-Auth-Token", token)]
            #expect(try await harness.send(.PUT, "/image-v1/v1/images/\(image)/members/\(cora)", headers: auth).status == 204)
            #expect(try await members(harness, image, token: token) == [cora: false])
            #expect(try await harness.sendJSON(.PUT, "/image-v1/v1/images/\(image)/members/\(cora)", headers: auth, json: #"{"member":{"can_share":true}}"#).status == 204)
            #expect(try await members(harness, image, token: token) == [cora: true])
            #expect(try await harness.send(.PUT, "/image-v1/v1/images/\(image)/members/\(cora)", headers: auth).status == 204)
            #expect(try await members(harness, image, token: token) == [cora: true])
            // The old api-ref's flat form is ignored, as the real server ignores it.
            #expect(try await harness.sendJSON(.PUT, "/image-v1/v1/images/\(image)/members/\(cora)", headers: auth, json: #"{"can_share":false}"#).status == 204)
            #expect(try await members(harness, image, token: token) == [cora: true])
        }
    }

    @Test("PUT on the list replaces it: memberships (and the seed's members key); a missing key is 400")
    func replace() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "v1-replace")
            let token = try await harness.keystoneToken(user: "olivia")
            let auth = [("X-Auth-Token", token)]
            let path = "/image-v1/v1/images/\(image)/members"
            #expect(try await harness.sendJSON(.PUT, path, headers: auth, json: #"{"memberships":[{"member_id":"\#(cora)","can_share":true},{"member_id":"p2"}]}"#).status == 204)
            #expect(try await members(harness, image, token: token) == [cora: true, "p2": false])
            #expect(try await harness.sendJSON(.PUT, path, headers: auth, json: #"{"members":[{"member_id":"p3","can_share":false}]}"#).status == 204)
            #expect(try await members(harness, image, token: token) == ["p3": false])
            let missing = try await harness.sendJSON(.PUT, path, headers: auth, json: #"{"memberships":[{"can_share":true}]}"#)
            #expect(missing.status == 400)
            #expect((missing.object["message"] as? String)?.hasPrefix("Invalid membership association: ") == true)
            let noList = try await harness.sendJSON(.PUT, path, headers: auth, json: #"{"people":[]}"#)
            #expect(noList.status == 400)
            let tooMany = (0...128).map { #"{"member_id":"m\#($0)"}"# }.joined(separator: ",")
            let over = try await harness.sendJSON(.PUT, path, headers: auth, json: #"{"memberships":[\#(tooMany)]}"#)
            #expect(over.status == 413)
            #expect(try await members(harness, image, token: token) == ["p3": false])
        }
    }

    @Test("who may write: owner, admin, a member with can_share; others get 404; delete and its 404")
    func writers() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "v1-writers")
            let owner = [("X-Auth-Token", try await harness.keystoneToken(user: "olivia"))]
            let coraAuth = [("X-Auth-Token", try await harness.keystoneToken(user: "cora"))]
            let carlAuth = [("X-Auth-Token", try await harness.keystoneToken(user: "carl"))]
            let admin = [("X-Auth-Token", try await harness.keystoneToken(user: "admin"))]
            let base = "/image-v1/v1/images/\(image)/members"
            #expect(try await harness.send(.PUT, "\(base)/\(cora)", headers: owner).status == 204)
            // cora is a member without can_share: refused, reported as 404.
            #expect(try await harness.send(.PUT, "\(base)/\(carl)", headers: coraAuth).status == 404)
            #expect(try await harness.sendJSON(.PUT, "\(base)/\(cora)", headers: owner, json: #"{"member":{"can_share":true}}"#).status == 204)
            #expect(try await harness.send(.PUT, "\(base)/\(carl)", headers: coraAuth).status == 204)
            #expect(try await harness.send(.DELETE, "\(base)/\(carl)", headers: admin).status == 204)
            // carl can no longer see the image at all.
            #expect(try await harness.send(.PUT, "\(base)/x", headers: carlAuth).status == 404)
            let gone = try await harness.sendJSON(.DELETE, "\(base)/\(carl)", headers: owner)
            #expect(gone.status == 404)
            #expect((gone.object["message"] as? String)?.hasPrefix("Membership could not be found.") == true)
            let show = try await harness.sendJSON(.GET, "\(base)/\(cora)", headers: owner)
            #expect(show.status == 405)
            #expect(show.headers.first(name: "Allow") == "PUT, DELETE")
            #expect(try await harness.send(.GET, base).status == 401)
        }
    }

    @Test("shared-images lists the images shared with a member, with can_share")
    func sharedImages() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.keystoneToken(user: "cora")
            let response = try await harness.sendJSON(.GET, "/image-v1/v1/shared-images/\(cora)", headers: [("X-Auth-Token", token)])
            #expect(response.status == 200)
            let shared = response.object["shared_images"] as? [[String: Any]] ?? []
            #expect(shared.count >= 20)
            #expect(shared.allSatisfy { $0["image_id"] is String && $0["can_share"] is Bool })
            let list = try await harness.sendJSON(.GET, "/image-v1/v1/images/detail?limit=5", headers: [("X-Auth-Token", token)])
            #expect((list.object["images"] as? [[String: Any]])?.count == 5)
        }
    }
}
