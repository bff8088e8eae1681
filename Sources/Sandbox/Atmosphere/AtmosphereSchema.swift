import GRDB

/// Atmosphere's tables, shaped like its Django models: users and groups (a user's personal group carries the
/// user's name), images ("applications") with versions, and the version-to-group memberships that share a
/// version. Integer ids are ordinary row ids; versions are keyed by their UUID, as in Atmosphere.
enum AtmosphereSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("atmosphere.v1") { db in
            try db.execute(sql: """
                CREATE TABLE atmo_user (id INTEGER PRIMARY KEY NOT NULL, uuid TEXT NOT NULL UNIQUE, username TEXT NOT NULL UNIQUE,
                    password TEXT NOT NULL, is_staff INTEGER NOT NULL DEFAULT 0, is_active INTEGER NOT NULL DEFAULT 1);
                CREATE TABLE atmo_group (id INTEGER PRIMARY KEY NOT NULL, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE);
                CREATE TABLE atmo_group_member (group_id INTEGER NOT NULL REFERENCES atmo_group(id),
                    user_id INTEGER NOT NULL REFERENCES atmo_user(id), is_leader INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (group_id, user_id));
                CREATE INDEX atmo_group_member_user ON atmo_group_member(user_id);
                CREATE TABLE atmo_token (key TEXT PRIMARY KEY NOT NULL, user_id INTEGER NOT NULL REFERENCES atmo_user(id),
                    issued_at REAL NOT NULL, expires_at REAL NOT NULL);
                CREATE TABLE atmo_image (id INTEGER PRIMARY KEY NOT NULL, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '', created_by INTEGER NOT NULL REFERENCES atmo_user(id),
                    start_date TEXT NOT NULL, end_date TEXT, private INTEGER NOT NULL DEFAULT 0, icon TEXT);
                CREATE TABLE atmo_tag (id INTEGER PRIMARY KEY NOT NULL, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
                    description TEXT NOT NULL DEFAULT '');
                CREATE TABLE atmo_image_tag (image_id INTEGER NOT NULL REFERENCES atmo_image(id),
                    tag_id INTEGER NOT NULL REFERENCES atmo_tag(id), PRIMARY KEY (image_id, tag_id));
                CREATE TABLE atmo_version (id TEXT PRIMARY KEY NOT NULL, image_id INTEGER NOT NULL REFERENCES atmo_image(id),
                    name TEXT NOT NULL, created_by INTEGER NOT NULL REFERENCES atmo_user(id), start_date TEXT NOT NULL, end_date TEXT);
                CREATE INDEX atmo_version_image ON atmo_version(image_id);
                CREATE TABLE atmo_version_membership (id INTEGER PRIMARY KEY AUTOINCREMENT,
                    version_id TEXT NOT NULL REFERENCES atmo_version(id), group_id INTEGER NOT NULL REFERENCES atmo_group(id),
                    UNIQUE (version_id, group_id));
                """)
        }
    }

    /// Children before parents, for `sandbox reset`.
    static let tables = [
        "atmo_version_membership", "atmo_version", "atmo_image_tag", "atmo_tag", "atmo_image",
        "atmo_token", "atmo_group_member", "atmo_group", "atmo_user",
    ]
}
