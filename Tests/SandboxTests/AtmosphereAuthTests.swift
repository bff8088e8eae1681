import Foundation
import Sandbox
import Testing

@Suite("Sandbox Atmosphere: login, tokens and routing")
struct AtmosphereAuthTests {
    @Test("POST /auth answers 201 with token, username and Atmosphere's expiry format")
    func login() async throws {
        try await SandboxHarness.with { harness in
            let response = try await harness.sendJSON(.POST, "/atmosphere/auth", json: #"{"username":"cora","password":"sandbox"}"#)
            #expect(response.status == 201)
            #expect(response.headers.first(name: "Content-Type") == "application/json")
            #expect(response.object.keys.sorted() == ["expires", "token", "username"])
            #expect(response.object["username"] as? String == "cora")
            let expires = try #require(response.object["expires"] as? String)
            #expect(expires.range(of: #"^[A-Z][a-z]{2} \d{2}, \d{4} \d{2}:\d{2}:\d{2}$"#, options: .regularExpression) != nil, "\(expires)")
        }
    }

    @Test("a form-encoded login works too")
    func formLogin() async throws {
        try await SandboxHarness.with { harness in
            let response = try await harness.send(.POST, "/atmosphere/auth", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                  body: "username=olivia&password=sandbox")
            #expect(response.status == 201)
            #expect(response.object["username"] as? String == "olivia")
        }
    }

    @Test("refused logins are 400 with Atmosphere's errors list", arguments: [
        (#"{"username":"cora","password":"wrong"}"#, "Username/Password combination was invalid"),
        (#"{"username":"ghost","password":"sandbox"}"#, "Username/Password combination was invalid"),
        (#"{"username":"cora"}"#, "Username/Password combination was invalid"),
        (#"{"password":"sandbox"}"#, "Username missing"),
        ("{}", "Username missing"),
    ])
    func refused(body: String, reason: String) async throws {
        try await SandboxHarness.with { harness in
            let response = try await harness.sendJSON(.POST, "/atmosphere/auth", json: body)
            #expect(response.status == 400)
            #expect(response.body == #"{"errors":[{"code":400,"message":"Authentication request refused -- \#(reason)"}]}"#)
        }
    }

    @Test("no token, an unknown token or another scheme is 403 with DRF's detail, never 401")
    func missingToken() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            for headers in [[], [("Authorization", "Token nope")], [("Authorization", "Bearer \(token)")], [("Authorization", token)]] {
                let response = try await harness.sendJSON(.GET, "/atmosphere/api/v2/image_version_memberships", headers: headers)
                #expect(response.status == 403)
                #expect(response.body == AtmosphereSeedFacts.notAuthenticated)
            }
            let lower = try await harness.sendJSON(.GET, "/atmosphere/api/v2/image_version_memberships", headers: [("Authorization", "token \(token)")])
            #expect(lower.status == 200)
        }
    }

    @Test("a token is kept in the database: a second server on the same file accepts it")
    func tokenSharedThroughTheFile() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let database = try await SandboxDatabase.open(path: harness.database.path)
            let second = try await SandboxServer.start(database: database)
            do {
                let response = try await harness.send(.GET, second.baseURL + "/atmosphere/api/v2/image_version_memberships",
                                                      headers: [("Authorization", "Token \(token)")])
                #expect(response.status == 200)
                #expect(response.object["count"] as? Int == 12)
            } catch {
                await second.stop()
                throw error
            }
            await second.stop()
        }
    }

    @Test("both mounts serve the same resources; unknown paths and trailing slashes are DRF 404s")
    func routing() async throws {
        try await SandboxHarness.with { harness in
            let v2 = try await harness.atmosphere(.GET, "images")
            let short = try await harness.atmosphere(.GET, "/atmosphere/api/images")
            #expect(v2.status == 200 && short.status == 200)
            #expect(v2.resultIDs == short.resultIDs)
            let detail = try await harness.atmosphere(.GET, "/atmosphere/api/images/1")
            #expect(detail.status == 200)
            for path in ["nothing", "images/", "images/1/", "images/1/extra", "/atmosphere/elsewhere"] {
                let response = try await harness.atmosphere(.GET, path)
                #expect(response.status == 404, "\(path)")
                #expect(response.body == AtmosphereSeedFacts.notFound, "\(path)")
            }
            let root = try await harness.atmosphere(.GET, "/atmosphere/api/v2")
            #expect(root.object["image_version_memberships"] as? String == harness.urls.atmosphere + "/api/v2/image_version_memberships")
        }
    }

    @Test("methods a route lacks are 405 with DRF's message and Allow, after the token check")
    func methodNotAllowed() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let put = try await harness.atmosphere(.PUT, "images", token: token, json: "{}")
            #expect(put.status == 405)
            #expect(put.body == #"{"detail":"Method \"PUT\" not allowed."}"#)
            #expect(put.headers.first(name: "Allow") == "GET")
            let anonymous = try await harness.atmosphere(.POST, "images", json: "{}")
            #expect(anonymous.status == 403)
            let delete = try await harness.atmosphere(.DELETE, "groups/11", token: token)
            #expect(delete.status == 405)
            #expect(delete.body == #"{"detail":"Method \"DELETE\" not allowed."}"#)
            let collectionPut = try await harness.atmosphere(.PUT, "image_version_memberships", token: token, json: "{}")
            #expect(collectionPut.status == 405)
            #expect(collectionPut.headers.first(name: "Allow") == "GET, POST")
            let authGet = try await harness.send(.GET, "/atmosphere/auth")
            #expect(authGet.status == 405)
        }
    }
}
