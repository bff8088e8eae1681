import Foundation
import GRDB

/// Who a Keystone token belongs to, as the image services see it.
public struct KeystoneCaller: Sendable, Equatable {
    public let userID: String
    public let userName: String
    public let projectID: String?
    public let projectName: String?
    public let roles: [String]

    /// Glance's "admin": the admin role on any project.
    public var isAdmin: Bool { roles.contains("admin") }
    public func has(role: String) -> Bool { roles.contains(role) || isAdmin }
}

/// Issuing and checking tokens. Tokens live in the database so that a second process on the same file
/// (a `sandbox serve` next to an embedded console) accepts them too.
enum KeystoneTokens {
    static let lifetime: TimeInterval = 3600

    struct Issued {
        let id: String
        let caller: KeystoneCaller
        let methods: [String]
        let auditID: String
        let issuedAt: Date
        let expiresAt: Date
    }

    static let prefix = "sbx"

    /// Whether `id` has the shape of a token this Keystone issues (as Keystone tells Fernet tokens apart).
    static func looksLikeToken(_ id: String) -> Bool { id.hasPrefix(prefix) && id.count == prefix.count + 43 }

    static func issue(userID: String, projectID: String?, methods: [String], in db: Database, now: Date = Date()) throws -> Issued {
        let id = Identifiers.secret(prefix: prefix)
        let auditID = String(Identifiers.secret().prefix(22))
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expiresAt = issuedAt.addingTimeInterval(lifetime)
        try db.execute(sql: "DELETE FROM ks_token WHERE expires_at < ?", arguments: [now.timeIntervalSince1970])
        try db.execute(sql: """
            INSERT INTO ks_token (id, user_id, project_id, methods, audit_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, userID, projectID, methods.joined(separator: ","), auditID, issuedAt.timeIntervalSince1970, expiresAt.timeIntervalSince1970])
        guard let issued = try lookup(id, in: db, now: now) else { throw SandboxDatabaseError(message: "token vanished after insert") }
        return issued
    }

    /// The live token with this id, or nil when it is unknown, revoked or expired.
    static func lookup(_ id: String, in db: Database, now: Date = Date()) throws -> Issued? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.user_id, t.project_id, t.methods, t.audit_id, t.issued_at, t.expires_at, u.name AS user_name, p.name AS project_name
            FROM ks_token t JOIN ks_user u ON u.id = t.user_id LEFT JOIN ks_project p ON p.id = t.project_id
            WHERE t.id = \(ExactText.placeholder) AND t.expires_at > ?
            """, arguments: [ExactText.argument(id), now.timeIntervalSince1970]) else { return nil }
        let projectID: String? = row["project_id"]
        let roles: [String]
        if let projectID {
            roles = try String.fetchAll(db, sql: """
                SELECT r.name FROM ks_assignment a JOIN ks_role r ON r.id = a.role_id WHERE a.user_id = ? AND a.project_id = ? ORDER BY r.name
                """, arguments: [row["user_id"] as String, projectID])
        } else {
            roles = []
        }
        let caller = KeystoneCaller(userID: row["user_id"], userName: row["user_name"], projectID: projectID,
                                    projectName: row["project_name"], roles: roles)
        let methods = (row["methods"] as String).split(separator: ",").map(String.init)
        return Issued(id: id, caller: caller, methods: methods, auditID: row["audit_id"],
                      issuedAt: Date(timeIntervalSince1970: row["issued_at"]), expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
    }

    static func revoke(_ id: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM ks_token WHERE id = ?", arguments: [id])
        return db.changesCount > 0
    }
}

extension SandboxDatabase {
    /// The caller behind an `X-Auth-Token`, or nil when the token is not valid.
    public func keystoneCaller(token: String?) async throws -> KeystoneCaller? {
        guard let token, !token.isEmpty else { return nil }
        return try await read { db in try KeystoneTokens.lookup(token, in: db)?.caller }
    }
}
