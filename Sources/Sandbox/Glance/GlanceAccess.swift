import Foundation
import GRDB

/// Which images a caller sees and which member rows it may touch, following Glance 33's repository
/// filters and its default policies (`enforce_new_defaults`), as recorded in api-facts §1.
enum GlanceAccess {
    static func image(_ id: String, in db: Database) throws -> GlanceImageRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM gl_image WHERE id = ? AND deleted = 0", arguments: [id.lowercased()]).map(GlanceImageRecord.init)
    }

    static func member(_ member: String, of imageID: String, in db: Database) throws -> GlanceMemberRecord? {
        try Row.fetchOne(db, sql: GlanceMemberRecord.select + " WHERE image_id = ? AND member = \(ExactText.placeholder) AND deleted = 0",
                         arguments: [imageID, ExactText.argument(member)]).map(GlanceMemberRecord.init)
    }

    static func members(of imageID: String, in db: Database) throws -> [GlanceMemberRecord] {
        try Row.fetchAll(db, sql: GlanceMemberRecord.select + " WHERE image_id = ? AND deleted = 0 ORDER BY created_at, member",
                         arguments: [imageID]).map(GlanceMemberRecord.init)
    }

    /// Marks the member row deleted (Glance keeps deleted rows: a re-added member keeps its `created_at`).
    static func deleteMember(_ member: String, of imageID: String, now: String, in db: Database) throws {
        try db.execute(sql: "UPDATE gl_member SET deleted = 1, updated_at = ? WHERE image_id = ? AND member = \(ExactText.placeholder)",
                       arguments: [now, imageID, ExactText.argument(member)])
    }

    /// The image repository's filter: admins see everything; others their own, public and community
    /// images, and shared images they are a member of in any status.
    static func canSee(_ image: GlanceImageRecord, caller: KeystoneCaller, in db: Database) throws -> Bool {
        if caller.isAdmin || image.owner == caller.projectID || image.visibility == "public" || image.visibility == "community" { return true }
        guard image.visibility == "shared", let project = caller.projectID else { return false }
        return try member(project, of: image.id, in: db) != nil
    }

    /// The image when the caller may see it; otherwise the 404 the member API gives.
    static func visibleImage(_ id: String, caller: KeystoneCaller, in db: Database) throws -> GlanceImageRecord {
        guard let image = try image(id, in: db), try canSee(image, caller: caller, in: db) else {
            throw GlanceFault.notFound("Image \(id) not found.")
        }
        return image
    }

    /// The member row `memberID` as the caller may see it: owners and admins see every row, a member only
    /// its own. Anything else is Glance's "not found in the member list".
    static func visibleMember(_ memberID: String, of image: GlanceImageRecord, caller: KeystoneCaller, in db: Database) throws -> GlanceMemberRecord {
        let mayRead = caller.isAdmin || image.owner == caller.projectID || caller.projectID == memberID
        guard mayRead, let row = try member(memberID, of: image.id, in: db) else {
            throw GlanceFault.notFound("\(memberID) not found in the member list of the image \(image.id).")
        }
        return row
    }

    static func isOwnerWithRole(_ caller: KeystoneCaller, _ image: GlanceImageRecord, role: String = "member") -> Bool {
        caller.isAdmin || (caller.roles.contains(role) && caller.projectID == image.owner)
    }
}
