import GRDB

/// Images and their members. Like Glance, v1 and v2 share one member table (`can_share` is v1's, `status`
/// v2's), and members are soft-deleted so that re-adding one keeps its original `created_at`.
enum GlanceSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("glance.v1") { db in
            try db.execute(sql: """
                CREATE TABLE gl_image (
                    id TEXT PRIMARY KEY NOT NULL, name TEXT, owner TEXT NOT NULL, visibility TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'queued', disk_format TEXT, container_format TEXT,
                    size INTEGER, virtual_size INTEGER, checksum TEXT, protected INTEGER NOT NULL DEFAULT 0,
                    min_ram INTEGER NOT NULL DEFAULT 0, min_disk INTEGER NOT NULL DEFAULT 0, os_hidden INTEGER NOT NULL DEFAULT 0,
                    os_hash_algo TEXT, os_hash_value TEXT, tags TEXT NOT NULL DEFAULT '[]',
                    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX gl_image_owner ON gl_image(owner);
                CREATE TABLE gl_member (
                    image_id TEXT NOT NULL REFERENCES gl_image(id), member TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending', can_share INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (image_id, member));
                CREATE INDEX gl_member_member ON gl_member(member);
                """)
        }
        // Image data: the store an uploaded image's data is in (`GlanceImageDataRoutes`).
        migrator.registerMigration("glance.v2.stores") { db in
            try db.execute(sql: "ALTER TABLE gl_image ADD COLUMN stores TEXT")
        }
        // Additional properties (`GlanceImageProperties`), a JSON list of [name, value] in the order added.
        migrator.registerMigration("glance.v2.properties") { db in
            try db.execute(sql: "ALTER TABLE gl_image ADD COLUMN properties TEXT NOT NULL DEFAULT '[]'")
        }
    }

    static let tables = ["gl_member", "gl_image"]
}
