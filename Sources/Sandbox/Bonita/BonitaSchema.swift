import GRDB

/// Bonita's organisation (users, groups, roles), the memberships that tie them, and the web sessions.
///
/// Ids are integers as in Bonita's engine, and every date column already holds the text Bonita writes
/// (`yyyy-MM-dd HH:mm:ss.SSS`), which also sorts in time order for `ASSIGNED_DATE_ASC`. Sessions live here
/// rather than in memory so that a second process on the same file (a `sandbox serve` next to an embedded
/// console) accepts a cookie issued by the first.
enum BonitaSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("bonita.v1") { db in
            try db.execute(sql: """
                CREATE TABLE bonita_user (
                    id INTEGER PRIMARY KEY NOT NULL, user_name TEXT NOT NULL UNIQUE, password TEXT NOT NULL,
                    firstname TEXT NOT NULL DEFAULT '', lastname TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
                    job_title TEXT NOT NULL DEFAULT '', manager_id INTEGER NOT NULL DEFAULT 0, enabled INTEGER NOT NULL DEFAULT 1,
                    icon TEXT NOT NULL DEFAULT '', creation_date TEXT NOT NULL, created_by INTEGER NOT NULL DEFAULT -1,
                    last_update_date TEXT NOT NULL, last_connection TEXT);
                CREATE TABLE bonita_group (
                    id INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, display_name TEXT NOT NULL DEFAULT '',
                    description TEXT NOT NULL DEFAULT '', icon TEXT NOT NULL DEFAULT '', parent_path TEXT NOT NULL DEFAULT '',
                    creation_date TEXT NOT NULL, created_by INTEGER NOT NULL DEFAULT -1, last_update_date TEXT NOT NULL,
                    UNIQUE (parent_path, name));
                CREATE TABLE bonita_role (
                    id INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL DEFAULT '',
                    description TEXT NOT NULL DEFAULT '', icon TEXT NOT NULL DEFAULT '',
                    creation_date TEXT NOT NULL, created_by INTEGER NOT NULL DEFAULT -1, last_update_date TEXT NOT NULL);
                CREATE TABLE bonita_membership (
                    user_id INTEGER NOT NULL REFERENCES bonita_user(id), group_id INTEGER NOT NULL REFERENCES bonita_group(id),
                    role_id INTEGER NOT NULL REFERENCES bonita_role(id), assigned_by INTEGER NOT NULL,
                    assigned_date TEXT NOT NULL, PRIMARY KEY (user_id, group_id, role_id));
                CREATE TABLE bonita_session (
                    id TEXT PRIMARY KEY NOT NULL, api_token TEXT NOT NULL, user_id INTEGER NOT NULL,
                    user_name TEXT NOT NULL, expires_at REAL NOT NULL);
                """)
        }
    }

    static let tables = ["bonita_session", "bonita_membership", "bonita_role", "bonita_group", "bonita_user"]

    /// Both seeds get the accounts and the organisation; only `demo` gets memberships.
    static func seed(_ seed: SandboxSeed, in db: Database) throws {
        let organisation = BonitaDemoOrganisation.self
        for user in organisation.users {
            try db.execute(sql: """
                INSERT INTO bonita_user (id, user_name, password, firstname, lastname, title, job_title, manager_id, enabled,
                    creation_date, created_by, last_update_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, -1, ?)
                """, arguments: [user.id, user.userName, organisation.password, user.firstname, user.lastname, user.title,
                                 user.jobTitle, user.managerID, user.enabled, organisation.importDate, organisation.importDate])
        }
        for group in organisation.groups {
            try db.execute(sql: """
                INSERT INTO bonita_group (id, name, display_name, description, parent_path, creation_date, created_by, last_update_date)
                VALUES (?, ?, ?, ?, ?, ?, -1, ?)
                """, arguments: [group.id, group.name, group.displayName, group.description, group.parentPath,
                                 organisation.importDate, organisation.importDate])
        }
        for role in organisation.roles {
            try db.execute(sql: """
                INSERT INTO bonita_role (id, name, display_name, description, creation_date, created_by, last_update_date)
                VALUES (?, ?, ?, ?, ?, -1, ?)
                """, arguments: [role.id, role.name, role.displayName, role.description, organisation.importDate, organisation.importDate])
        }
        guard seed == .demo else { return }
        for membership in organisation.memberships {
            try BonitaMembershipStore.insert(user: membership.user, group: membership.group, role: membership.role,
                                             assignedBy: membership.assignedBy, date: membership.assignedDate, in: db)
        }
    }
}
