import HTTPTypes
import Hummingbird

/// `GET`, `HEAD` and `DELETE /v3/auth/tokens`: validate, check and revoke the token named by
/// `X-Subject-Token`, in the order Keystone 30 runs them (observed on the reference stack): the caller's
/// `X-Auth-Token` must be valid (401); the subject token is read while the policy's target is built (404);
/// then the policy decides (403); and only then is a missing subject noticed (404).
enum KeystoneTokenRoutes {
    /// The three policies of Keystone 30's `common/policies/token.py`, whose defaults reduce to the same rule
    /// for the sandbox's accounts: `rule:admin_required` (the admin role, in any scope) or
    /// `rule:token_subject` (the subject token belongs to the caller's user). Their system-scope and
    /// `service` role alternatives have no holder in the sandbox, which issues project and unscoped tokens only.
    enum Action: String {
        case validate = "identity:validate_token"
        case check = "identity:check_token"
        case revoke = "identity:revoke_token"
    }

    static func add(to router: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        router.get("v3/auth/tokens") { request, _ in
            let subject = try await authorisedSubject(request, action: .validate, database: database)
            return SandboxResponse.json(KeystoneModule.tokenBody(subject, request: request), headers: subjectHeaders(subject))
        }
        router.head("v3/auth/tokens") { request, _ in
            let subject = try await authorisedSubject(request, action: .check, database: database)
            return SandboxResponse.empty(status: .ok, headers: subjectHeaders(subject))
        }
        router.delete("v3/auth/tokens") { request, _ in
            let subject = try await authorisedSubject(request, action: .revoke, database: database)
            _ = try await database.write { db in try KeystoneTokens.revoke(subject.id, in: db) }
            return SandboxResponse.empty(status: .noContent)
        }
    }

    /// The subject token, once the caller may act on it.
    private static func authorisedSubject(_ request: Request, action: Action, database: SandboxDatabase) async throws -> KeystoneTokens.Issued {
        let callerID = request.header("X-Auth-Token") ?? ""
        let subjectID = request.header("X-Subject-Token")
        let found = try await database.read { db in
            (try KeystoneTokens.lookup(callerID, in: db), try subjectID.flatMap { try KeystoneTokens.lookup($0, in: db) })
        }
        guard let caller = found.0?.caller else { throw KeystoneFault.unauthorized(request) }
        if let subjectID, found.1 == nil { throw KeystoneFault.tokenNotFound(subjectID) }
        guard caller.isAdmin || found.1?.caller.userID == caller.userID else {
            throw KeystoneFault(status: .forbidden, message: "You are not authorized to perform the requested action: \(action.rawValue).")
        }
        guard let subject = found.1 else { throw KeystoneFault.tokenNotFound("") }
        return subject
    }

    /// The token in `X-Subject-Token`, as Keystone sends it when it issues, validates or checks one.
    static func subjectHeaders(_ subject: KeystoneTokens.Issued) -> HTTPFields {
        var headers: HTTPFields = [:]
        headers[HTTPField.Name("X-Subject-Token")!] = subject.id
        headers[.vary] = "X-Auth-Token"
        return headers
    }
}
