import GRDB

enum KeystoneSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("keystone.v1") { db in
            try db.execute(sql: """
                CREATE TABLE ks_project (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '');
                CREATE TABLE ks_role (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL UNIQUE);
                CREATE TABLE ks_user (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL UNIQUE, password TEXT NOT NULL,
                    default_project_id TEXT REFERENCES ks_project(id), enabled INTEGER NOT NULL DEFAULT 1);
                CREATE TABLE ks_assignment (user_id TEXT NOT NULL REFERENCES ks_user(id), project_id TEXT NOT NULL REFERENCES ks_project(id),
                    role_id TEXT NOT NULL REFERENCES ks_role(id), PRIMARY KEY (user_id, project_id, role_id));
                CREATE TABLE ks_token (id TEXT PRIMARY KEY NOT NULL, user_id TEXT NOT NULL, project_id TEXT,
                    methods TEXT NOT NULL, audit_id TEXT NOT NULL, issued_at REAL NOT NULL, expires_at REAL NOT NULL);
                """)
        }
    }

    static let tables = ["ks_token", "ks_assignment", "ks_user", "ks_role", "ks_project"]

    /// Accounts are the same in both seeds: an empty sandbox still needs someone to log in.
    static func seed(in db: Database) throws {
        for role in KeystoneDirectory.roles {
            try db.execute(sql: "INSERT INTO ks_role (id, name) VALUES (?, ?)", arguments: [role.id, role.name])
        }
        for project in KeystoneDirectory.projects {
            try db.execute(sql: "INSERT INTO ks_project (id, name, description) VALUES (?, ?, ?)",
                           arguments: [project.id, project.name, project.description])
        }
        for user in KeystoneDirectory.users {
            let projectID = KeystoneDirectory.projectID(user.project)
            try db.execute(sql: "INSERT INTO ks_user (id, name, password, default_project_id) VALUES (?, ?, ?, ?)",
                           arguments: [user.id, user.name, user.password, projectID])
            for roleName in user.roles {
                let roleID = KeystoneDirectory.roles.first { $0.name == roleName }!.id
                try db.execute(sql: "INSERT INTO ks_assignment (user_id, project_id, role_id) VALUES (?, ?, ?)",
                               arguments: [user.id, projectID, roleID])
            }
        }
    }
}
