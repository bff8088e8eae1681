import Foundation
import NIOHTTP1

/// The Keystone routes beyond authentication, under Keystone's default policy: who may validate, check and
/// revoke whose token; who may read which project, user and domain; the catalog on its own; and tokens
/// without a scope, which some of those policies refuse.
extension DifferentialScenario {
    /// Who may read which projects (memberdeck names members by them): a user its own, an admin any.
    static func recordProjects(on target: DifferentialTarget, _ record: (String, Exchange) -> Void) async throws {
        func get(_ path: String, as actor: DifferentialTarget.Actor?) async throws -> Exchange {
            try await target.keystone(.GET, path, headers: actor.map { [("X-Auth-Token", target.tokens[$0]!)] } ?? [])
        }
        let memberProject = target.accounts[.member]!.project
        record("projects: the user's own", try await get("/auth/projects", as: .owner))
        record("projects: no token", try await get("/auth/projects", as: nil))
        record("projects: a user cannot list them all", try await get("/projects", as: .owner))
        record("projects: nor by name", try await get("/projects?name=\(memberProject)", as: .owner))
        record("projects: a user reads its own project", try await get("/projects/<project:owner>", as: .owner))
        record("projects: but not another's", try await get("/projects/<project:member>", as: .owner))
        record("projects: nor one that does not exist", try await get("/projects/\(missingMarker)", as: .owner))
        record("projects: an admin finds one by name", try await get("/projects?name=\(memberProject)", as: .admin))
        record("projects: an admin finds no unknown name", try await get("/projects?name=no-such-project-\(missingMarker)", as: .admin))
        record("projects: an admin reads another's project", try await get("/projects/<project:member>", as: .admin))
        record("projects: an admin reads a missing one", try await get("/projects/\(missingMarker)", as: .admin))
    }

    /// Who may validate (GET), check (HEAD) and revoke (DELETE) whose token: its own user and an admin.
    static func recordTokenPolicy(on target: DifferentialTarget, _ record: (String, Exchange) -> Void) async throws {
        func tokens(_ method: HTTPMethod, as caller: String, subject: String?) async throws -> Exchange {
            var headers = [("X-Auth-Token", caller)]
            if let subject { headers.append(("X-Subject-Token", subject)) }
            return try await target.keystone(method, "/auth/tokens", headers: headers)
        }
        let owner = target.tokens[.owner]!, member = target.tokens[.member]!, admin = target.tokens[.admin]!
        record("tokens: HEAD own token", try await tokens(.HEAD, as: owner, subject: owner))
        record("tokens: validate own token from another login", try await tokens(.GET, as: owner, subject: try await target.freshToken(.owner)))
        record("tokens: member validates the owner's token", try await tokens(.GET, as: member, subject: owner))
        record("tokens: HEAD member checks the owner's token", try await tokens(.HEAD, as: member, subject: owner))
        record("tokens: admin validates the owner's token", try await tokens(.GET, as: admin, subject: owner))
        record("tokens: HEAD admin checks the owner's token", try await tokens(.HEAD, as: admin, subject: owner))
        record("tokens: member revokes the owner's token", try await tokens(.DELETE, as: member, subject: owner))
        record("tokens: the owner's token survived", try await tokens(.GET, as: owner, subject: owner))
        record("tokens: member without a subject", try await tokens(.GET, as: member, subject: nil))
        record("tokens: admin without a subject", try await tokens(.GET, as: admin, subject: nil))
        record("tokens: an empty subject", try await tokens(.GET, as: member, subject: ""))
        record("tokens: a subject that is no token", try await tokens(.DELETE, as: member, subject: "not-a-token"))
        record("tokens: a caller that is no token", try await tokens(.HEAD, as: "not-a-token", subject: owner))
        let second = try await target.freshToken(.member)
        record("tokens: member revokes its own second token", try await tokens(.DELETE, as: member, subject: second))
        record("tokens: the revoked token fails to validate", try await tokens(.GET, as: member, subject: second))
        record("tokens: admin revokes another's token", try await tokens(.DELETE, as: admin, subject: try await target.freshToken(.owner)))
    }

    /// The catalog, users and the domain, each as the user itself, another user, an admin and without a
    /// token, with `HEAD` where Keystone answers it; then what an unscoped token may still do.
    static func recordIdentity(on target: DifferentialTarget, _ record: (String, Exchange) -> Void) async throws {
        func get(_ path: String, as token: String?, method: HTTPMethod = .GET) async throws -> Exchange {
            try await target.keystone(method, path, headers: token.map { [("X-Auth-Token", $0)] } ?? [])
        }
        let owner = target.tokens[.owner]!, admin = target.tokens[.admin]!
        try await learnUserIDs(on: target)
        let memberUser = target.accounts[.member]!.user

        record("catalog: a project-scoped token", try await get("/auth/catalog", as: owner))
        record("catalog: HEAD", try await get("/auth/catalog", as: owner, method: .HEAD))
        record("catalog: no token", try await get("/auth/catalog", as: nil))
        record("catalog: a token that is no token", try await get("/auth/catalog", as: "not-a-token"))

        record("users: a user reads itself", try await get("/users/<user:owner>", as: owner))
        record("users: HEAD itself", try await get("/users/<user:owner>", as: owner, method: .HEAD))
        record("users: but not another", try await get("/users/<user:member>", as: owner))
        record("users: HEAD another", try await get("/users/<user:member>", as: owner, method: .HEAD))
        record("users: nor one that does not exist", try await get("/users/\(missingMarker)", as: owner))
        record("users: no token", try await get("/users/<user:owner>", as: nil))
        record("users: a user cannot list them", try await get("/users", as: owner))
        record("users: nor by name", try await get("/users?name=\(memberUser)", as: owner))
        record("users: an admin reads another", try await get("/users/<user:member>", as: admin))
        record("users: an admin reads a missing one", try await get("/users/\(missingMarker)", as: admin))
        record("users: an admin finds one by name", try await get("/users?name=\(memberUser)", as: admin))
        record("users: an admin finds no unknown name", try await get("/users?name=no-such-user-\(missingMarker)", as: admin))
        record("users: no user in another domain", try await get("/users?name=\(memberUser)&domain_id=\(missingMarker)", as: admin))

        record("domains: a user reads its own", try await get("/domains/default", as: owner))
        record("domains: but not one that does not exist", try await get("/domains/\(missingMarker)", as: owner))
        record("domains: a user cannot list them", try await get("/domains", as: owner))
        record("domains: an admin finds one by name", try await get("/domains?name=Default", as: admin))
        record("domains: an admin reads a missing one", try await get("/domains/\(missingMarker)", as: admin))

        record("projects: HEAD its own project", try await get("/projects/<project:owner>", as: owner, method: .HEAD))
        record("projects: HEAD another's", try await get("/projects/<project:member>", as: owner, method: .HEAD))

        // An explicitly unscoped token: no project, no roles, no catalog.
        let account = target.accounts[.owner]!
        let unscopedLogin = try await target.keystone(.POST, "/auth/tokens", body:
            #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(account.user)","domain":{"name":"Default"},"password":"\#(account.password)"}}},"scope":"unscoped"}}"#)
        record("unscoped: password auth", unscopedLogin)
        guard let unscoped = unscopedLogin.headers.first(name: "X-Subject-Token") else {
            throw DifferentialError(message: "\(target.label): no unscoped token: \(unscopedLogin.status) \(unscopedLogin.body)")
        }
        target.remember(unscoped, as: "<token:unscoped>")
        record("unscoped: a scope of no kind", try await target.keystone(.POST, "/auth/tokens", body:
            #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(account.user)","domain":{"name":"Default"},"password":"wrong"}}},"scope":{}}}"#))
        record("unscoped: no catalog", try await get("/auth/catalog", as: unscoped))
        record("unscoped: HEAD no catalog", try await get("/auth/catalog", as: unscoped, method: .HEAD))
        record("unscoped: the user's projects", try await get("/auth/projects", as: unscoped))
        record("unscoped: not its default project", try await get("/projects/<project:owner>", as: unscoped))
        record("unscoped: the user itself", try await get("/users/<user:owner>", as: unscoped))
        record("unscoped: not the domain", try await get("/domains/default", as: unscoped))
        record("unscoped: validated by its user's scoped token", try await target.keystone(.GET, "/auth/tokens",
            headers: [("X-Auth-Token", owner), ("X-Subject-Token", unscoped)]))
    }

    /// Each actor's user id, from validating its own token, as `<user:actor>`.
    private static func learnUserIDs(on target: DifferentialTarget) async throws {
        for actor in DifferentialTarget.Actor.allCases {
            let token = target.tokens[actor]!
            let answer = try await target.keystone(.GET, "/auth/tokens", headers: [("X-Auth-Token", token), ("X-Subject-Token", token)])
            guard let user = ((answer.json as? [String: Any])?["token"] as? [String: Any])?["user"] as? [String: Any],
                  let id = user["id"] as? String else {
                throw DifferentialError(message: "\(target.label): validating \(actor)'s token failed with \(answer.status)")
            }
            target.remember(id, as: "<user:\(actor.rawValue)>")
        }
    }
}
