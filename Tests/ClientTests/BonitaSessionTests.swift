import Foundation
@testable import MembershipKit
import Sandbox
import Testing

@Suite("Bonita client: login, CSRF header, session expiry, logout")
struct BonitaSessionTests {
    @Test("the first call logs in by itself, once; later calls reuse the session")
    func lazyLogin() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.bonita("walter.bates")
            #expect(await client.isLoggedIn == false)
            _ = try await client.roles()
            _ = try await client.users(count: 2)
            #expect(await client.isLoggedIn)
            #expect(await client.loginCount == 1)
        }
    }

    @Test("login posts the form, answers 204 and keeps JSESSIONID and the API token as cookies")
    func loginForm() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("helen.kelly")
            try await client.login()
            let login = try #require(recorder.exchanges.first)
            #expect(login.request.method == "POST")
            #expect(login.request.url == sandbox.urls.bonita + "/loginservice")
            #expect(login.request.bonitaHeader("Content-Type") == "application/x-www-form-urlencoded")
            #expect(login.request.bonitaBodyText == "username=helen.kelly&password=bpm&redirect=false")
            #expect(login.response.status == 204)
            _ = try await client.roles()
            let cookie = try #require(recorder.lastCookie)
            #expect(cookie.contains("JSESSIONID="))
            #expect(cookie.contains("X-Bonita-API-Token="))
        }
    }

    @Test("bad credentials and a disabled account are a 401 saying the login was refused, without the password", arguments: [
        ("walter.bates", "not-the-password"), ("marc.marseau", "bpm"), ("nobody", "bpm"),
    ])
    func refused(user: String, password: String) async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.bonita(user, password: password)
            let failure = try await requireBonitaFailure(401, "Bonita refused the login of '\(user)': wrong user name or password, or the account is disabled") {
                try await client.users()
            }
            #expect(!MembershipError.http(failure).description.contains(password))
            #expect(failure.method == "POST")
            #expect(failure.url == sandbox.urls.bonita + "/loginservice")
            #expect(await client.isLoggedIn == false)
        }
    }

    @Test("a write sends the CSRF header with the token the login set; reads do not send it")
    func csrfHeader() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("install")
            try await client.addMembership(userID: 2, groupID: 5, roleID: 1)
            let token = try #require(recorder.exchanges.first?.response.headers(named: "Set-Cookie")
                .first { $0.hasPrefix("X-Bonita-API-Token=") }?
                .split(separator: ";")[0].dropFirst("X-Bonita-API-Token=".count))
            #expect(!token.isEmpty)
            let post = try #require(recorder.requests(to: "/API/identity/membership").first { $0.method == "POST" })
            #expect(post.bonitaHeader("X-Bonita-API-Token") == String(token))
            _ = try await client.memberships(userID: 2)
            let get = try #require(recorder.requests(to: "/API/identity/membership").last)
            #expect(get.method == "GET")
            #expect(get.bonitaHeader("X-Bonita-API-Token") == nil)
            #expect(get.bonitaHeader("Cookie")?.contains("JSESSIONID=") == true)
        }
    }

    @Test("a session ended behind the client's back: the next read and write log in again once and succeed")
    func relogin() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("install")
            _ = try await client.roles()
            try await Self.endSession(cookie: try #require(recorder.lastCookie), sandbox: sandbox)
            let roles = try await client.roles()
            #expect(roles.total == 4)
            #expect(await client.loginCount == 2)
            // The refused call, the login and the repeated call.
            #expect(recorder.exchanges.suffix(3).map(\.response.status) == [401, 204, 200])

            try await Self.endSession(cookie: try #require(recorder.lastCookie), sandbox: sandbox)
            let added = try await client.addMembership(userID: 6, groupID: 2, roleID: 4)
            #expect(added.userID == 6)
            #expect(await client.loginCount == 3)
        }
    }

    @Test("calls that all find the session gone share one new login")
    func concurrentRelogin() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("walter.bates")
            _ = try await client.roles()
            try await Self.endSession(cookie: try #require(recorder.lastCookie), sandbox: sandbox)
            try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<6 { group.addTask { try await client.roles().total } }
                for try await total in group { #expect(total == 4) }
            }
            #expect(await client.loginCount == 2)
        }
    }

    @Test("logout ends the session on the server; the next call logs in again")
    func logout() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("walter.bates")
            _ = try await client.roles()
            let oldCookie = try #require(recorder.lastCookie)
            try await client.logout()
            #expect(await client.isLoggedIn == false)
            let logoutCall = try #require(recorder.requests(to: "/logoutservice").last)
            #expect(logoutCall.bonitaHeader("Cookie") == oldCookie)
            // The old cookie is refused now.
            let stale = try await sandbox.transport().send(HTTPRequestSpec(
                method: "GET", url: sandbox.urls.bonita + "/API/identity/role?p=0&c=1", headers: [("Cookie", oldCookie)]), timeout: 30)
            #expect(stale.status == 401)
            _ = try await client.roles()
            #expect(await client.loginCount == 2)
            #expect(recorder.lastCookie != oldCookie)
            try await client.logout()
            try await client.logout()
        }
    }

    @Test("a session the server keeps refusing: one new login, then 'not logged in'")
    func refusedTwice() async throws {
        let stub = BonitaStubTransport { request in
            request.url.hasSuffix("/loginservice") ? BonitaStubTransport.loggedIn : HTTPResponseData(status: 401)
        }
        let client = stub.client()
        try await requireBonitaFailure(401, "not logged in: Bonita refused the session or its API token, even after a new login") {
            try await client.roles()
        }
        #expect(await client.loginCount == 2)
        #expect(stub.requests.map { URL(string: $0.url)!.lastPathComponent } == ["loginservice", "role", "loginservice", "role"])
    }

    @Test("a server that sets no token cookie hands it out from session/unusedid, and writes send it")
    func tokenFromHeader() async throws {
        let stub = BonitaStubTransport { request in
            if request.url.hasSuffix("/loginservice") {
                return HTTPResponseData(status: 200, headers: [("Set-Cookie", "JSESSIONID=old-server; Path=/bonita")])
            }
            if request.url.hasSuffix("/API/system/session/unusedid") {
                return HTTPResponseData(status: 200, headers: [("X-Bonita-API-Token", "from-header")], body: Data("{}".utf8))
            }
            return HTTPResponseData(status: 200, body: Data(#"{"assigned_date":"2024-01-01 00:00:00.000","role_id":"1","assigned_by_user_id":"-1","group_id":"2","user_id":"3"}"#.utf8))
        }
        let added = try await stub.client().addMembership(userID: 3, groupID: 2, roleID: 1)
        #expect(added == BonitaMembership(userID: 3, groupID: 2, roleID: 1, assignedByUserID: -1, assignedDate: "2024-01-01 00:00:00.000"))
        let post = try #require(stub.requests.last)
        #expect(post.bonitaHeader("X-Bonita-API-Token") == "from-header")
        #expect(post.bonitaHeader("Cookie") == "JSESSIONID=old-server")
    }

    @Test("a login answer without a session cookie is an error that names the root, not a session")
    func loginWithoutCookie() async throws {
        let stub = BonitaStubTransport { _ in HTTPResponseData(status: 200, body: Data("<html>portal</html>".utf8)) }
        await #expect(throws: MembershipError.invalidResponse("Bonita's login service answered 200 without a session cookie; is https://bpm.example/bonita the Bonita root?")) {
            try await stub.client().login()
        }
    }

    /// Ends the session with this cookie, as another browser tab logging out would.
    static func endSession(cookie: String, sandbox: ClientSandbox) async throws {
        let response = try await sandbox.transport().send(HTTPRequestSpec(
            method: "GET", url: sandbox.urls.bonita + "/logoutservice?redirect=false", headers: [("Cookie", cookie)]), timeout: 30)
        #expect(response.status == 204)
    }
}
