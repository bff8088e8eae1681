import Foundation
import GRDB

/// An image row, and its JSON in Glance 33's key order.
struct GlanceImageRecord: Sendable {
    var id: String
    var name: String?
    var owner: String
    var visibility: String
    var status: String
    var diskFormat: String?
    var containerFormat: String?
    var size: Int?
    var virtualSize: Int?
    var checksum: String?
    var isProtected: Bool
    var minRAM: Int
    var minDisk: Int
    var osHidden: Bool
    var osHashAlgo: String?
    var osHashValue: String?
    var tags: [String]
    /// The store holding the image's data (Glance names it when the operator enabled several); nil without data.
    var stores: String?
    /// The additional properties, first in the image's JSON.
    var properties = GlanceImageProperties()
    var createdAt: String
    var updatedAt: String

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        owner = row["owner"]
        visibility = row["visibility"]
        status = row["status"]
        diskFormat = row["disk_format"]
        containerFormat = row["container_format"]
        size = row["size"]
        virtualSize = row["virtual_size"]
        checksum = row["checksum"]
        isProtected = row["protected"]
        minRAM = row["min_ram"]
        minDisk = row["min_disk"]
        osHidden = row["os_hidden"]
        osHashAlgo = row["os_hash_algo"]
        osHashValue = row["os_hash_value"]
        tags = (try? JSONDecoder().decode([String].self, from: Data((row["tags"] as String).utf8))) ?? []
        stores = row["stores"]
        properties = GlanceImageProperties(stored: row["properties"])
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    init(id: String, name: String?, owner: String, visibility: String, status: String = "queued",
         diskFormat: String?, containerFormat: String?, size: Int? = nil, virtualSize: Int? = nil, checksum: String? = nil,
         isProtected: Bool = false, minRAM: Int = 0, minDisk: Int = 0, tags: [String] = [], createdAt: String, updatedAt: String) {
        self.id = id
        self.name = name
        self.owner = owner
        self.visibility = visibility
        self.status = status
        self.diskFormat = diskFormat
        self.containerFormat = containerFormat
        self.size = size
        self.virtualSize = virtualSize
        self.checksum = checksum
        self.isProtected = isProtected
        self.minRAM = minRAM
        self.minDisk = minDisk
        self.osHidden = false
        self.osHashAlgo = checksum == nil ? nil : "sha512"
        self.osHashValue = nil
        self.tags = tags
        self.stores = nil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    func insert(into db: Database) throws {
        let tagsJSON = String(decoding: try JSONEncoder().encode(tags), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO gl_image (id, name, owner, visibility, status, disk_format, container_format, size, virtual_size, checksum,
                protected, min_ram, min_disk, os_hidden, os_hash_algo, os_hash_value, tags, properties, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, name, owner, visibility, status, diskFormat, containerFormat, size, virtualSize, checksum,
                             isProtected, minRAM, minDisk, osHidden, osHashAlgo, osHashValue, tagsJSON, properties.stored, createdAt, updatedAt])
    }

    /// Writes back what an update may change (`GlanceImageUpdate`), with the new `updated_at`.
    func save(in db: Database) throws {
        let tagsJSON = String(decoding: try JSONEncoder().encode(tags), as: UTF8.self)
        try db.execute(sql: """
            UPDATE gl_image SET name = ?, owner = ?, visibility = ?, disk_format = ?, container_format = ?, protected = ?,
                min_ram = ?, min_disk = ?, os_hidden = ?, tags = ?, properties = ?, updated_at = ?
            WHERE id = ?
            """, arguments: [name, owner, visibility, diskFormat, containerFormat, isProtected, minRAM, minDisk, osHidden, tagsJSON,
                             properties.stored, updatedAt, id])
    }

    /// Glance's `_format_image`: a dict of the additional properties, then each attribute set into it (an
    /// additional property of the same name, which an image create may leave, keeps its place and shows the
    /// attribute's value).
    var json: JSONValue {
        var pairs: [(String, JSONValue)] = properties.pairs.map { ($0.name, .string($0.value)) }
        for (key, value) in attributePairs {
            if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = value } else { pairs.append((key, value)) }
        }
        return .object(pairs)
    }

    private var attributePairs: [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [
            ("name", .optional(name)), ("disk_format", .optional(diskFormat)), ("container_format", .optional(containerFormat)),
            ("visibility", .string(visibility)), ("size", .optional(size)), ("virtual_size", .optional(virtualSize)),
            ("status", .string(status)), ("checksum", .optional(checksum)), ("protected", .bool(isProtected)),
            ("min_ram", .int(minRAM)), ("min_disk", .int(minDisk)), ("owner", .string(owner)), ("os_hidden", .bool(osHidden)),
            ("os_hash_algo", .optional(osHashAlgo)), ("os_hash_value", .optional(osHashValue)), ("id", .string(id)),
            ("created_at", .string(createdAt)), ("updated_at", .string(updatedAt)), ("tags", .array(tags.map(JSONValue.string))),
            ("self", .string("/v2/images/\(id)")), ("file", .string("/v2/images/\(id)/file")), ("schema", .string("/v2/schemas/image")),
        ]
        // Glance adds `stores` last, and only for an image whose data a store holds.
        if let stores { pairs.append(("stores", .string(stores))) }
        return pairs
    }

    /// The value a sort key compares (`nil` sorts first, as SQL NULLs do ascending).
    func sortValue(_ key: String) -> SortValue {
        switch key {
        case "name": return .text(name)
        case "status": return .text(status)
        case "container_format": return .text(containerFormat)
        case "disk_format": return .text(diskFormat)
        case "size": return .number(size)
        case "id": return .text(id)
        case "updated_at": return .text(updatedAt)
        default: return .text(createdAt)
        }
    }

    enum SortValue: Comparable {
        case text(String?)
        case number(Int?)

        static func < (lhs: SortValue, rhs: SortValue) -> Bool {
            switch (lhs, rhs) {
            case let (.text(a), .text(b)): return compare(a, b)
            case let (.number(a), .number(b)): return compare(a, b)
            default: return false
            }
        }

        private static func compare<T: Comparable>(_ a: T?, _ b: T?) -> Bool {
            switch (a, b) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (a?, b?): return a < b
            }
        }
    }
}

/// A member row (v2's status and v1's can_share live side by side, as in Glance's table).
struct GlanceMemberRecord: Sendable {
    var imageID: String
    var member: String
    var status: String
    var canShare: Bool
    var createdAt: String
    var updatedAt: String

    /// Selects every column, the member id as `member_bytes` too (`ExactText`).
    static let select = "SELECT *, \(ExactText.column("member")) AS member_bytes FROM gl_member"

    init(row: Row) {
        imageID = row["image_id"]
        member = ExactText.read(row, "member_bytes")
        status = row["status"]
        canShare = row["can_share"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    /// v2's member JSON. `memberValue` lets a create answer echo a member id sent as a JSON number as a
    /// number, which Glance 33 does (later reads give the stored string).
    func json(memberValue: JSONValue? = nil) -> JSONValue {
        .object([
            ("member_id", memberValue ?? .string(member)), ("image_id", .string(imageID)), ("status", .string(status)),
            ("created_at", .string(createdAt)), ("updated_at", .string(updatedAt)), ("schema", .string("/v2/schemas/member")),
        ])
    }
}
