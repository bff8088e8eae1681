import GRDB

/// Writes the directory (both seeds) and the demo catalogue (demo only) into the tables.
enum AtmosphereSeeder {
    static func seed(_ seed: SandboxSeed, in db: Database) throws {
        try seedAccounts(in: db)
        if seed == .demo { try seedCatalog(in: db) }
        // Membership ids come from AUTOINCREMENT; forgetting the old counter makes a reset hand out the same
        // ids as a fresh file.
        let sequence = "atmo_version_membership"
        let seeded = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM atmo_version_membership")
        try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [sequence])
        if let seeded {
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [sequence, seeded])
        }
    }

    private static func seedAccounts(in db: Database) throws {
        for user in AtmosphereDirectory.users {
            try db.execute(sql: "INSERT INTO atmo_user (id, uuid, username, password, is_staff) VALUES (?, ?, ?, ?, ?)",
                           arguments: [user.id, user.uuid, user.username, AtmosphereDirectory.password, user.isStaff])
        }
        for group in AtmosphereDirectory.groups {
            try db.execute(sql: "INSERT INTO atmo_group (id, uuid, name) VALUES (?, ?, ?)", arguments: [group.id, group.uuid, group.name])
            let members = group.leaders.map { ($0, true) } + group.members.map { ($0, false) }
            for (name, leader) in members {
                try db.execute(sql: "INSERT INTO atmo_group_member (group_id, user_id, is_leader) VALUES (?, ?, ?)",
                               arguments: [group.id, try userID(name), leader])
            }
        }
    }

    private static func seedCatalog(in db: Database) throws {
        for tag in AtmosphereDemoCatalog.tags {
            try db.execute(sql: "INSERT INTO atmo_tag (id, uuid, name, description) VALUES (?, ?, ?, ?)",
                           arguments: [tag.id, tag.uuid, tag.name, tag.description])
        }
        var membershipID = 0
        for image in AtmosphereDemoCatalog.images {
            let owner = try userID(image.createdBy)
            try db.execute(sql: """
                INSERT INTO atmo_image (id, uuid, name, description, created_by, start_date, end_date, private) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [image.id, image.uuid, image.name, image.description, owner, image.startDate, image.endDate, !image.isPublic])
            for tagName in image.tags {
                guard let tag = AtmosphereDemoCatalog.tags.first(where: { $0.name == tagName }) else {
                    throw SandboxDatabaseError(message: "demo image \(image.id) names unknown tag \(tagName)")
                }
                try db.execute(sql: "INSERT INTO atmo_image_tag (image_id, tag_id) VALUES (?, ?)", arguments: [image.id, tag.id])
            }
            for version in image.versions {
                try db.execute(sql: """
                    INSERT INTO atmo_version (id, image_id, name, created_by, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [version.uuid, image.id, version.name, owner, version.startDate, version.endDate])
                for groupName in version.sharedWith {
                    guard let group = AtmosphereDirectory.group(named: groupName) else {
                        throw SandboxDatabaseError(message: "demo version \(version.uuid) names unknown group \(groupName)")
                    }
                    membershipID += 1
                    try db.execute(sql: "INSERT INTO atmo_version_membership (id, version_id, group_id) VALUES (?, ?, ?)",
                                   arguments: [membershipID, version.uuid, group.id])
                }
            }
        }
    }

    private static func userID(_ name: String) throws -> Int {
        guard let user = AtmosphereDirectory.user(named: name) else {
            throw SandboxDatabaseError(message: "Atmosphere seed names unknown user \(name)")
        }
        return user.id
    }
}
