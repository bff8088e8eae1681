import Foundation
import GRDB

/// Who is calling the Bonita API, from the session behind the `JSESSIONID` cookie.
struct BonitaCaller: Sendable, Equatable {
    let sessionID: String
    let apiToken: String
    /// -1 for the technical user.
    let userID: Int
    let userName: String
    /// May add and delete memberships (Bonita's `organization_management` permission).
    let canManageOrganisation: Bool
    /// When the session ends unless a request comes first.
    let expiresAt: Date

    var isTechnicalUser: Bool { userID == BonitaDemoOrganisation.technicalUserID }
}

/// Web sessions, stored in the database so that another process on the same file accepts them. Like
/// Tomcat's, a session ends after `idleLifetime` without a request, or at logout.
enum BonitaSessions {
    static let idleLifetime: TimeInterval = 30 * 60
    /// A request pushes the expiry forward only when it is this much older than a fresh one, so that a burst
    /// of reads does not turn into a burst of writes.
    static let refreshSlack: TimeInterval = 60

    /// Checks the credentials and opens a session, or answers nil (unknown user, wrong password, disabled).
    static func login(userName: String, password: String, in db: Database, now: Date = Date()) throws -> BonitaCaller? {
        let userID: Int
        if userName == BonitaDemoOrganisation.technicalUserName {
            guard password == BonitaDemoOrganisation.technicalPassword else { return nil }
            userID = BonitaDemoOrganisation.technicalUserID
        } else {
            guard let row = try Row.fetchOne(db, sql: "SELECT id, password, enabled FROM bonita_user WHERE user_name = \(ExactText.placeholder)",
                                             arguments: [ExactText.argument(userName)]),
                  row["password"] as String == password, row["enabled"] as Bool else { return nil }
            userID = row["id"]
            try db.execute(sql: "UPDATE bonita_user SET last_connection = ? WHERE id = ?", arguments: [SandboxClock.bonita(now), userID])
        }
        try db.execute(sql: "DELETE FROM bonita_session WHERE expires_at < ?", arguments: [now.timeIntervalSince1970])
        let sessionID = Identifiers.secret()
        try db.execute(sql: "INSERT INTO bonita_session (id, api_token, user_id, user_name, expires_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [sessionID, Identifiers.uuid(), userID, userName, now.addingTimeInterval(idleLifetime).timeIntervalSince1970])
        return try lookup(sessionID, in: db, now: now)
    }

    /// The live session with this id, or nil.
    static func lookup(_ sessionID: String, in db: Database, now: Date = Date()) throws -> BonitaCaller? {
        guard let row = try Row.fetchOne(db, sql: "SELECT api_token, user_id, user_name, expires_at FROM bonita_session WHERE id = ? AND expires_at > ?",
                                         arguments: [sessionID, now.timeIntervalSince1970]) else { return nil }
        let userID: Int = row["user_id"]
        return BonitaCaller(sessionID: sessionID, apiToken: row["api_token"], userID: userID, userName: row["user_name"],
                            canManageOrganisation: try canManage(userID: userID, in: db),
                            expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
    }

    /// Whether a request now should push the session's expiry forward.
    static func needsTouch(_ caller: BonitaCaller, now: Date = Date()) -> Bool {
        caller.expiresAt.timeIntervalSince(now) < idleLifetime - refreshSlack
    }

    /// Moves the idle expiry forward (a session that ended meanwhile stays ended).
    static func touch(_ sessionID: String, in db: Database, now: Date = Date()) throws {
        try db.execute(sql: "UPDATE bonita_session SET expires_at = ? WHERE id = ? AND expires_at > ?",
                       arguments: [now.addingTimeInterval(idleLifetime).timeIntervalSince1970, sessionID, now.timeIntervalSince1970])
    }

    static func logout(_ sessionID: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM bonita_session WHERE id = ?", arguments: [sessionID])
    }

    /// The technical user, and whoever is a manager of the HR group (checked at each request, so taking the
    /// membership away takes the right away too).
    private static func canManage(userID: Int, in db: Database) throws -> Bool {
        if userID == BonitaDemoOrganisation.technicalUserID { return true }
        let count = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM bonita_membership m JOIN bonita_group g ON g.id = m.group_id JOIN bonita_role r ON r.id = m.role_id
            WHERE m.user_id = ? AND g.parent_path || '/' || g.name = ? AND r.name = ?
            """, arguments: [userID, BonitaDemoOrganisation.organisationManagerGroupPath, BonitaDemoOrganisation.organisationManagerRole]) ?? 0
        return count > 0
    }
}
