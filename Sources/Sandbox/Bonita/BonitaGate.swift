import Foundation
import HTTPTypes
import Hummingbird

/// What a route needs from the caller.
enum BonitaAccess {
    /// Search and get: any session (Bonita's `organization_visualization`, which every profile has).
    case read
    /// Add and delete memberships (`organization_management`).
    case manage
}

/// Bonita's filters in front of `/API`, in their order: a session (else 401), the CSRF token on every
/// unsafe method (else 401), then the permission (else 403). All three answer with an empty body.
enum BonitaGate {
    static let sessionCookie = "JSESSIONID"
    static let tokenName = "X-Bonita-API-Token"

    static func caller(_ request: Request, access: BonitaAccess, database: SandboxDatabase) async throws -> BonitaCaller {
        guard let sessionID = cookie(sessionCookie, in: request), !sessionID.isEmpty,
              let caller = try await database.read({ db in try BonitaSessions.lookup(sessionID, in: db) }) else {
            throw BonitaFault.unauthorized
        }
        if request.method != .get && request.method != .head {
            guard let token = request.header(tokenName), token == caller.apiToken else { throw BonitaFault.unauthorized }
        }
        if access == .manage && !caller.canManageOrganisation { throw BonitaFault.forbidden }
        if BonitaSessions.needsTouch(caller) {
            try await database.write { db in try BonitaSessions.touch(sessionID, in: db) }
        }
        return caller
    }

    /// A cookie's value from the `Cookie` header(s).
    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}
