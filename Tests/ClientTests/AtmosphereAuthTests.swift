import Foundation
import MembershipKit
import Sandbox
import Testing

/// Token login, given tokens, refused tokens and the one re-login after a token stops working.
@Suite("Atmosphere client: authentication")
struct AtmosphereAuthTests {
    @Test("a password is exchanged for a token once, and the token is sent on every request")
    func loginWithPassword() async throws {
        try await ClientSandbox.with { sandbox in
            let recorder = RecordingTransport(base: try sandbox.transport())
            let client = try sandbox.atmosphere("olivia", transport: recorder)
            let token = try await client.login()
            #expect(token.username == "olivia")
            #expect(token.expires?.isEmpty == false)
            #expect(!token.key.isEmpty)
            #expect(!token.description.contains(token.key))

            _ = try await client.memberships()
            _ = try await client.groups()
            #expect(await client.session.authenticationCount == 1)
            let requests = recorder.requests
            #expect(requests.first?.method == "POST")
            #expect(requests.first?.url == sandbox.urls.atmosphere + "/auth")
            #expect(requests.dropFirst().allSatisfy { $0.authorization == "Token " + token.key })
        }
    }

    @Test("the first request logs in by itself")
    func loginOnFirstRequest() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("oscar")
            let memberships = try await client.memberships()
            #expect(memberships.map(\.id) == AtmoDemo.membershipIDs(of: "oscar"))
            #expect(await client.session.authenticationCount == 1)
        }
    }

    @Test("a wrong password is the server's 400 message, without the password")
    func wrongPassword() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia", password: "not-the-password")
            do {
                _ = try await client.memberships()
                Issue.record("a wrong password was accepted")
            } catch let error as MembershipError {
                guard case let .http(failure) = error else { throw error }
                #expect(failure.status == 400)
                #expect(failure.message == "Authentication request refused -- Username/Password combination was invalid")
                #expect(failure.method == "POST")
                #expect(failure.url == sandbox.urls.atmosphere + "/auth")
                #expect(!error.description.contains("not-the-password"))
            }
        }
    }

    @Test("a given token is used as it is: no login")
    func givenToken() async throws {
        try await ClientSandbox.with { sandbox in
            let key = try await sandbox.atmosphere("olivia").login().key
            let client = try sandbox.atmosphere(.token(key))
            #expect(try await client.memberships().map(\.id) == AtmoDemo.membershipIDs(of: "olivia"))
            #expect(try await client.login().key == key)
            #expect(await client.session.authenticationCount == 0)
        }
    }

    @Test("a bad or empty token is 403 'Authentication credentials were not provided.', not retried and not shown",
          arguments: ["0123456789abcdef-not-a-token", ""])
    func badToken(key: String) async throws {
        try await ClientSandbox.with { sandbox in
            let recorder = RecordingTransport(base: try sandbox.transport())
            let client = try sandbox.atmosphere(.token(key), transport: recorder)
            let failure = await httpFailure { _ = try await client.memberships() }
            #expect(failure?.status == 403)
            #expect(failure?.message == "Authentication credentials were not provided.")
            #expect(recorder.requests.count == 1)
            if !key.isEmpty { #expect(failure.map { !"\($0)".contains(key) } == true) }
        }
    }

    @Test("an expired token is replaced once by logging in again, and the request repeated")
    func expiredTokenRelogin() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let first = try await client.login()
            // A reset forgets every token, as expiry does.
            try await sandbox.sandbox.database.reset(to: .demo)
            #expect(try await client.memberships().map(\.id) == AtmoDemo.membershipIDs(of: "olivia"))
            #expect(await client.session.authenticationCount == 2)
            #expect(try await client.session.validToken().key != first.key)
        }
    }

    @Test("a token refused again after logging in again is an error, not a loop")
    func reloginOnce() async throws {
        let refused = ScriptedTransport.json(403, #"{"detail":"Authentication credentials were not provided."}"#)
        let transport = ScriptedTransport([
            ("POST https://atmo.example.org/auth", ScriptedTransport.json(201, #"{"token":"k","username":"u","expires":"x"}"#)),
            ("GET ", refused),
        ])
        let client = AtmosphereClient(endpoint: AtmosphereEndpoint(baseURL: "https://atmo.example.org",
                                                                    credentials: .password(username: "u", password: "p")),
                                      transport: transport)
        let failure = await httpFailure { _ = try await client.membership(id: 1) }
        #expect(failure?.status == 403)
        #expect(transport.requests.map(\.method) == ["POST", "GET", "POST", "GET"])
    }

    @Test("credentials and tokens never print their secrets")
    func secretsHidden() {
        let password = AtmosphereEndpoint.Credentials.password(username: "olivia", password: "s3cret")
        #expect("\(password)" == "password(username: olivia, password: ***)")
        #expect(!String(reflecting: AtmosphereEndpoint.Credentials.token("k3y")).contains("k3y"))
        #expect(!"\(AtmosphereToken(key: "k3y", username: "olivia"))".contains("k3y"))
    }

    @Test("an API root given as the base URL is taken back to the service root", arguments: [
        "https://atmo.example.org", "https://atmo.example.org/", "https://atmo.example.org/api/v2", "https://atmo.example.org/api/",
    ])
    func serviceRoot(base: String) {
        let endpoint = AtmosphereEndpoint(baseURL: base, credentials: .token("t"))
        #expect(endpoint.authURL == "https://atmo.example.org/auth")
        #expect(endpoint.apiRoot == "https://atmo.example.org/api/v2")
    }
}
