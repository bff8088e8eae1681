import GRDB

/// The compound id of a membership: user, group and role.
struct BonitaMembershipKey: Sendable, Equatable {
    let user: Int
    let group: Int
    let role: Int
}

/// Reading and writing `bonita_membership`, and the membership item in Bonita's field order.
enum BonitaMembershipStore {
    enum AddOutcome: Sendable {
        case added(JSONValue)
        case duplicate
        /// The user, role or group does not exist: the engine's not-found exception and message.
        case missing(engineClass: String, message: String)
    }

    static func insert(user: Int, group: Int, role: Int, assignedBy: Int, date: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO bonita_membership (user_id, group_id, role_id, assigned_by, assigned_date) VALUES (?, ?, ?, ?, ?)",
                       arguments: [user, group, role, assignedBy, date])
    }

    /// What the engine's `addUserMembership` does: the duplicate check first, then the user, the role and the
    /// group must exist (in that order), then the row.
    static func add(_ key: BonitaMembershipKey, assignedBy: Int, date: String, in db: Database) throws -> AddOutcome {
        if try fetch(key, in: db) != nil { return .duplicate }
        let checks: [(table: String, engineClass: String, message: String)] = [
            ("bonita_user", "org.bonitasoft.engine.identity.SUserNotFoundException", "USER_ID=\(key.user) | Can't find the user"),
            ("bonita_role", "org.bonitasoft.engine.identity.SRoleNotFoundException", "The role with id= \(key.role) does not exist"),
            ("bonita_group", "org.bonitasoft.engine.identity.SGroupNotFoundException", "No group exists with id: \(key.group)"),
        ]
        for (check, id) in zip(checks, [key.user, key.role, key.group]) {
            let found = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(check.table) WHERE id = ?", arguments: [id]) ?? 0
            if found == 0 { return .missing(engineClass: check.engineClass, message: check.message) }
        }
        try insert(user: key.user, group: key.group, role: key.role, assignedBy: assignedBy, date: date, in: db)
        return .added(try fetch(key, in: db)!)
    }

    static func fetch(_ key: BonitaMembershipKey, in db: Database) throws -> JSONValue? {
        try Row.fetchOne(db, sql: "SELECT * FROM bonita_membership WHERE user_id = ? AND group_id = ? AND role_id = ?",
                         arguments: [key.user, key.group, key.role]).map(item)
    }

    /// One page of a user's memberships in the given order (ties broken by group, role: stable pages).
    static func search(userID: Int, order: BonitaMembershipOrder, limit: Int, offset: Int, in db: Database) throws -> [JSONValue] {
        try Row.fetchAll(db, sql: """
            SELECT m.* FROM bonita_membership m JOIN bonita_role r ON r.id = m.role_id JOIN bonita_group g ON g.id = m.group_id
            WHERE m.user_id = ? ORDER BY \(order.sql), m.group_id, m.role_id LIMIT ? OFFSET ?
            """, arguments: [userID, max(limit, 0), max(offset, 0)]).map(item)
    }

    static func count(userID: Int, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bonita_membership WHERE user_id = ?", arguments: [userID]) ?? 0
    }

    /// Whether there was such a membership.
    static func delete(_ key: BonitaMembershipKey, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM bonita_membership WHERE user_id = ? AND group_id = ? AND role_id = ?",
                       arguments: [key.user, key.group, key.role])
        return db.changesCount > 0
    }

    /// `{assigned_date, role_id, assigned_by_user_id, group_id, user_id}`, all strings.
    static func item(_ row: Row) -> JSONValue {
        .object([
            ("assigned_date", .string(row["assigned_date"])),
            ("role_id", .string(String(row["role_id"] as Int))),
            ("assigned_by_user_id", .string(String(row["assigned_by"] as Int))),
            ("group_id", .string(String(row["group_id"] as Int))),
            ("user_id", .string(String(row["user_id"] as Int))),
        ])
    }
}
