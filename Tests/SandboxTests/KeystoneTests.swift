import Foundation
import Sandbox
import Testing

@Suite("Sandbox Keystone v3 subset")
struct KeystoneTests {
    @Test("password auth answers 201 with X-Subject-Token, expiry and a catalog with an image service")
    func passwordAuth() async throws {
        try await SandboxHarness.with { harness in
            let body = #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"cora","domain":{"name":"Default"},"password":"sandbox"}}},"scope":{"project":{"name":"analytics","domain":{"name":"Default"}}}}}"#
            let response = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: body)
            #expect(response.status == 201)
            #expect(response.headers.first(name: "X-Subject-Token")?.isEmpty == false)
            let token = try #require(response.object["token"] as? [String: Any])
            #expect(Set(token.keys) == ["methods", "user", "audit_ids", "expires_at", "issued_at", "project", "is_domain", "roles", "catalog"])
            #expect((token["project"] as? [String: Any])?["name"] as? String == "analytics")
            let catalog = try #require(token["catalog"] as? [[String: Any]])
            let image = try #require(catalog.first { $0["type"] as? String == "image" })
            let endpoints = try #require(image["endpoints"] as? [[String: Any]])
            #expect(endpoints.contains { $0["interface"] as? String == "public" && $0["url"] as? String == harness.urls.image })
        }
    }

    @Test("a wrong password is 401 with Keystone's JSON error and WWW-Authenticate")
    func wrongPassword() async throws {
        try await SandboxHarness.with { harness in
            let body = #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"cora","domain":{"name":"Default"},"password":"nope"}}}}}"#
            let response = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: body)
            #expect(response.status == 401)
            #expect(response.body == #"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#)
            #expect(response.headers.first(name: "WWW-Authenticate") == "Keystone uri=\"\(harness.urls.identity)\"")
        }
    }

    @Test("the token method rescopes a valid token; a revoked one is 404 Failed to validate token")
    func tokenMethodAndRevocation() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.keystoneToken(user: "olivia")
            let rescoped = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: #"{"auth":{"identity":{"methods":["token"],"token":{"id":"\#(token)"}}}}"#)
            #expect(rescoped.status == 201)
            let validated = try await harness.send(.GET, "/identity/v3/auth/tokens", headers: [("X-Auth-Token", token), ("X-Subject-Token", token)])
            #expect(validated.status == 200)
            let revoked = try await harness.send(.DELETE, "/identity/v3/auth/tokens", headers: [("X-Auth-Token", token), ("X-Subject-Token", token)])
            #expect(revoked.status == 204)
            let again = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: #"{"auth":{"identity":{"methods":["token"],"token":{"id":"\#(token)"}}}}"#)
            #expect(again.status == 404)
            #expect(again.body.contains("Failed to validate token"))
        }
    }

    @Test("malformed requests get Keystone's 400 messages", arguments: [
        ("not json", "Expecting to find valid JSON in request body."),
        ("{}", "Expecting to find auth in request body."),
        (#"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"cora","password":"x"}}}}}"#, "Expecting to find domain in user."),
    ])
    func malformed(body: String, message: String) async throws {
        try await SandboxHarness.with { harness in
            let response = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: body)
            #expect(response.status == 400)
            #expect(response.body.contains(message))
        }
    }

    @Test("a project the user has no role on is 401, as is an unknown user")
    func scopeRefused() async throws {
        try await SandboxHarness.with { harness in
            for body in [
                #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"cora","domain":{"name":"Default"},"password":"sandbox"}}},"scope":{"project":{"name":"imaging","domain":{"name":"Default"}}}}}"#,
                #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"ghost","domain":{"name":"Default"},"password":"sandbox"}}}}}"#,
            ] {
                let response = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: body)
                #expect(response.status == 401)
            }
        }
    }
}
