import Foundation
import NIOHTTP1
import Sandbox
import Testing

/// Who may validate (GET), check (HEAD) and revoke (DELETE) a token, as Keystone 30's default policies
/// say (`identity:validate_token`, `identity:check_token`, `identity:revoke_token`): the token's own user
/// or an admin. Observed on the reference stack: a stranger gets 403, a subject that is no token 404.
@Suite("Sandbox Keystone token policy")
struct KeystoneTokenPolicyTests {
    static let tokens = "/identity/v3/auth/tokens"

    func call(_ harness: SandboxHarness, _ method: HTTPMethod, caller: String, subject: String?) async throws -> RawResponse {
        var headers = [("X-Auth-Token", caller), ("Accept", "application/json")]
        if let subject { headers.append(("X-Subject-Token", subject)) }
        return try await harness.send(method, Self.tokens, headers: headers)
    }

    static func refused(_ action: String) -> String {
        #"{"error":{"code":403,"message":"You are not authorized to perform the requested action: identity:\#(action).","title":"Forbidden"}}"#
    }

    @Test("a user validates and checks its own tokens, also one issued by another login")
    func ownTokens() async throws {
        try await SandboxHarness.with { harness in
            let first = try await harness.keystoneToken(user: "cora")
            let second = try await harness.keystoneToken(user: "cora")
            let validated = try await call(harness, .GET, caller: first, subject: second)
            #expect(validated.status == 200)
            #expect(validated.headers.first(name: "X-Subject-Token") == second)
            let checked = try await call(harness, .HEAD, caller: first, subject: first)
            #expect(checked.status == 200)
            #expect(checked.body.isEmpty)
            #expect(checked.headers.first(name: "X-Subject-Token") == first)
        }
    }

    @Test("another user's token: 403 on GET, HEAD and DELETE, and the token stays valid")
    func strangersAreRefused() async throws {
        try await SandboxHarness.with { harness in
            let cora = try await harness.keystoneToken(user: "cora")
            let olivia = try await harness.keystoneToken(user: "olivia")
            let validated = try await call(harness, .GET, caller: cora, subject: olivia)
            #expect(validated.status == 403)
            #expect(validated.body == Self.refused("validate_token"))
            #expect(validated.headers.first(name: "WWW-Authenticate") == nil)
            let checked = try await call(harness, .HEAD, caller: cora, subject: olivia)
            #expect(checked.status == 403)
            #expect(checked.body.isEmpty)
            let revoked = try await call(harness, .DELETE, caller: cora, subject: olivia)
            #expect(revoked.status == 403)
            #expect(revoked.body == Self.refused("revoke_token"))
            #expect(try await call(harness, .GET, caller: olivia, subject: olivia).status == 200)
        }
    }

    @Test("an admin validates, checks and revokes anyone's token")
    func adminMayDoAnything() async throws {
        try await SandboxHarness.with { harness in
            let admin = try await harness.keystoneToken(user: "admin")
            let olivia = try await harness.keystoneToken(user: "olivia")
            #expect(try await call(harness, .GET, caller: admin, subject: olivia).status == 200)
            #expect(try await call(harness, .HEAD, caller: admin, subject: olivia).status == 200)
            #expect(try await call(harness, .DELETE, caller: admin, subject: olivia).status == 204)
            let gone = try await call(harness, .GET, caller: admin, subject: olivia)
            #expect(gone.status == 404)
            #expect(gone.object["error"].map { ($0 as? [String: Any])?["message"] as? String } == "Failed to validate token")
        }
    }

    @Test("a user revokes its own second token; the first one keeps working")
    func revokeOwn() async throws {
        try await SandboxHarness.with { harness in
            let first = try await harness.keystoneToken(user: "cora")
            let second = try await harness.keystoneToken(user: "cora")
            #expect(try await call(harness, .DELETE, caller: first, subject: second).status == 204)
            #expect(try await call(harness, .GET, caller: first, subject: second).status == 404)
            #expect(try await call(harness, .GET, caller: first, subject: first).status == 200)
        }
    }

    @Test("the subject is checked before the policy: 404 for anyone; a missing one is 403 for a user, 404 for an admin")
    func subjectErrors() async throws {
        try await SandboxHarness.with { harness in
            let cora = try await harness.keystoneToken(user: "cora")
            let admin = try await harness.keystoneToken(user: "admin")
            func message(_ response: RawResponse) -> String? { (response.object["error"] as? [String: Any])?["message"] as? String }
            let garbage = try await call(harness, .GET, caller: cora, subject: "garbage")
            #expect(garbage.status == 404)
            #expect(message(garbage) == "Could not recognize Fernet token")
            let empty = try await call(harness, .GET, caller: cora, subject: "")
            #expect(empty.status == 404)
            #expect(message(empty) == "No token in the request")
            let missing = try await call(harness, .GET, caller: cora, subject: nil)
            #expect(missing.status == 403)
            #expect(missing.body == Self.refused("validate_token"))
            let missingForAdmin = try await call(harness, .DELETE, caller: admin, subject: nil)
            #expect(missingForAdmin.status == 404)
            #expect(message(missingForAdmin) == "No token in the request")
            let noCaller = try await call(harness, .HEAD, caller: "garbage", subject: cora)
            #expect(noCaller.status == 401)
            #expect(noCaller.headers.first(name: "WWW-Authenticate") != nil)
        }
    }
}
