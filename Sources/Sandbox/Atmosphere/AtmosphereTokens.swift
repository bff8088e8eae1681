import Foundation
import GRDB

/// Who an Atmosphere request comes from.
struct AtmosphereCaller: Sendable, Equatable {
    let id: Int
    let username: String
    let isStaff: Bool
}

/// `POST /auth` tokens. They live in the database, so a second process on the same file (a `sandbox serve`
/// next to an embedded console) accepts them too.
enum AtmosphereTokens {
    /// Atmosphere's default `TOKEN_EXPIRY_TIME`: one day.
    static let lifetime: TimeInterval = 24 * 3600

    struct Issued: Sendable {
        let key: String
        let username: String
        let expiresAt: Date
    }

    /// A new token for a right username and password of an active user; nil otherwise (Django's
    /// `authenticate` does not say which part was wrong).
    static func issue(username: String, password: String, in db: Database, now: Date = Date()) throws -> Issued? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, username, password, is_active FROM atmo_user WHERE username = \(ExactText.placeholder)",
                                         arguments: [ExactText.argument(username)]),
              row["password"] as String == password, row["is_active"] as Bool else { return nil }
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let issued = Issued(key: Identifiers.uuid(), username: row["username"], expiresAt: issuedAt.addingTimeInterval(lifetime))
        try db.execute(sql: "DELETE FROM atmo_token WHERE expires_at < ?", arguments: [now.timeIntervalSince1970])
        try db.execute(sql: "INSERT INTO atmo_token (key, user_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                       arguments: [issued.key, row["id"] as Int, issuedAt.timeIntervalSince1970, issued.expiresAt.timeIntervalSince1970])
        return issued
    }

    /// The active user behind a live token, or nil.
    static func caller(key: String, in db: Database, now: Date = Date()) throws -> AtmosphereCaller? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT u.id, u.username, u.is_staff FROM atmo_token t JOIN atmo_user u ON u.id = t.user_id
            WHERE t.key = ? AND t.expires_at > ? AND u.is_active = 1
            """, arguments: [key, now.timeIntervalSince1970]) else { return nil }
        return AtmosphereCaller(id: row["id"], username: row["username"], isStaff: row["is_staff"])
    }

    /// The key of `Authorization: Token <key>` (the keyword in any case), or nil for any other header.
    static func key(fromAuthorization header: String?) -> String? {
        guard let parts = header?.split(whereSeparator: \.isWhitespace), parts.count == 2,
              parts[0].lowercased() == "token" else { return nil }
        return String(parts[1])
    }
}
