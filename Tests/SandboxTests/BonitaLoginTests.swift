import Foundation
import Sandbox
import Testing

@Suite("Sandbox Bonita login, session and CSRF")
struct BonitaLoginTests {
    @Test("a form login answers 204 with an HttpOnly JSESSIONID and a readable X-Bonita-API-Token, both on /bonita")
    func loginSetsCookies() async throws {
        try await SandboxHarness.with { harness in
            let response = try await BonitaTestSession.loginResponse(harness, user: "walter.bates", password: "bpm")
            #expect(response.status == 204)
            #expect(response.body.isEmpty)
            let headers = response.headers["Set-Cookie"]
            let session = try #require(headers.first { $0.hasPrefix("JSESSIONID=") })
            let token = try #require(headers.first { $0.hasPrefix("X-Bonita-API-Token=") })
            #expect(session.contains("Path=/bonita"))
            #expect(session.contains("HttpOnly"))
            #expect(token.contains("Path=/bonita"))
            #expect(!token.contains("HttpOnly"))
            let jar = BonitaTestSession.setCookies(response)
            #expect(jar["JSESSIONID"]?.isEmpty == false)
            #expect(jar["X-Bonita-API-Token"]?.isEmpty == false)
        }
    }

    @Test("wrong password, unknown user and a disabled account are all 401 with an empty body", arguments: [
        ("walter.bates", "nope"), ("ghost", "bpm"), ("marc.marseau", "bpm"), ("install", "bpm"),
    ])
    func badLogin(user: String, password: String) async throws {
        try await SandboxHarness.with { harness in
            let response = try await BonitaTestSession.loginResponse(harness, user: user, password: password)
            #expect(response.status == 401)
            #expect(response.body.isEmpty)
            #expect(response.headers["Set-Cookie"].isEmpty)
        }
    }

    @Test("a login that is not a form is 415")
    func notAForm() async throws {
        try await SandboxHarness.with { harness in
            let response = try await BonitaTestSession.loginResponse(harness, user: "walter.bates", password: "bpm", contentType: "application/json")
            #expect(response.status == 415)
        }
    }

    @Test("the technical user logs in with install/install")
    func technicalUser() async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let roles = try await session.get("role?p=0&c=10")
            #expect(roles.status == 200)
            #expect(roles.array.count == 4)
        }
    }

    @Test("without a session, or with an unknown one, the API answers 401 with an empty body")
    func noSession() async throws {
        try await SandboxHarness.with { harness in
            let bare = try await harness.send(.GET, "/bonita/API/identity/user?p=0&c=10")
            #expect(bare.status == 401)
            #expect(bare.body.isEmpty)
            let forged = try await harness.send(.GET, "/bonita/API/identity/user?p=0&c=10", headers: [("Cookie", "JSESSIONID=forged")])
            #expect(forged.status == 401)
            #expect(forged.body.isEmpty)
            let post = try await harness.send(.POST, "/bonita/API/identity/membership", headers: [("Content-Type", "application/json")],
                                              body: #"{"user_id":"2","group_id":"5","role_id":"1"}"#)
            #expect(post.status == 401)
        }
    }

    @Test("an unsafe call without the CSRF header, or with a wrong one, is 401 empty and changes nothing")
    func csrf() async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let body = #"{"user_id":"2","group_id":"5","role_id":"1"}"#
            for csrf in [BonitaTestSession.CSRF.missing, .value("not-the-token"), .value("")] {
                let response = try await session.send(.POST, "membership", json: body, csrf: csrf)
                #expect(response.status == 401)
                #expect(response.body.isEmpty)
            }
            let deleted = try await session.send(.DELETE, "membership/4/2/1", csrf: .missing)
            #expect(deleted.status == 401)
            let listing = try await session.memberships(of: 2)
            #expect(listing.contentRange == "0-10/1")
            #expect(try await session.memberships(of: 4).contentRange == "0-10/4")
            // GET needs no token.
            #expect(listing.status == 200)
        }
    }

    @Test("logout ends the session: the cookie is refused afterwards")
    func logout() async throws {
        try await BonitaTestSession.with(user: "helen.kelly") { session in
            #expect(try await session.get("user/3").status == 200)
            let out = try await session.harness.send(.GET, "/bonita/logoutservice?redirect=false", headers: [session.cookieHeader])
            #expect(out.status == 204)
            let after = try await session.get("user/3")
            #expect(after.status == 401)
            #expect(after.body.isEmpty)
        }
    }

    @Test("a session opened by one server is accepted by another on the same data file")
    func sharedSessions() async throws {
        try await BonitaTestSession.with { session in
            let second = try await SandboxDatabase.open(path: session.harness.directory + "/sandbox.sqlite")
            let other = try await SandboxServer.start(database: second)
            do {
                let response = try await session.harness.send(.GET, other.baseURL + "/bonita/API/identity/user/4", headers: [session.cookieHeader])
                #expect(response.status == 200)
                #expect(response.object["userName"] as? String == "walter.bates")
            } catch {
                await other.stop()
                throw error
            }
            await other.stop()
        }
    }

    @Test("without the right to manage the organisation a change is 403 with an empty body; an HR manager may")
    func permission() async throws {
        try await SandboxHarness.with { harness in
            let body = #"{"user_id":"2","group_id":"5","role_id":"1"}"#
            let walter = try await BonitaTestSession.login(harness, user: "walter.bates")
            let refused = try await walter.addMembership(body)
            #expect(refused.status == 403)
            #expect(refused.body.isEmpty)
            #expect(try await walter.send(.DELETE, "membership/4/2/1").status == 403)
            // Reading is open to every session.
            #expect(try await walter.memberships(of: 4).status == 200)
            let helen = try await BonitaTestSession.login(harness, user: "helen.kelly")
            let added = try await helen.addMembership(body)
            #expect(added.status == 200)
            #expect(added.object["assigned_by_user_id"] as? String == "3")
        }
    }
}
