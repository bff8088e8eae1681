import Foundation

/// Glance 33's `ImagesController.update` after the deserializer (`GlanceImagePatch`): the changes in order,
/// on the image as the caller sees it, each one checked against the policies and then the image's own
/// rules. The first refusal ends the request and nothing is kept; the caller saves the result.
enum GlanceImageUpdate {
    static let tagQuota = 128
    /// Glance's database check before it saves `min_disk` and `min_ram` (2^31 - 1).
    static let largestStoredInt = 2_147_483_647
    /// The image attributes (Python's `hasattr` on Glance's image) that the sandbox keeps. Any other path
    /// names an additional property (`GlanceImageProperties`), whose values the schema has made strings.
    static let attributes: Set = ["name", "visibility", "protected", "os_hidden", "owner", "container_format", "disk_format",
                                  "tags", "min_ram", "min_disk"]

    static func apply(_ changes: [GlanceImagePatch.Change], to original: GlanceImageRecord, caller: KeystoneCaller) throws -> GlanceImageRecord {
        var image = original
        for change in changes {
            let root = change.path[0]
            if root == "locations" { try refuseLocations(change) }
            switch change.operation {
            case .replace:
                if root == "owner", !caller.isAdmin { throw GlanceFault.explained(.forbidden, "Owner can't be updated by non admin.") }
                try authorize(root, change.value, caller: caller, image: image)
                guard let value = change.value else { continue }
                if attributes.contains(root) {
                    try set(root, value, on: &image)
                } else if image.properties.contains(root) {
                    image.properties[root] = value.stringValue
                } else {
                    throw GlanceFault.explained(.conflict, "Property \(root) does not exist.")
                }
            case .add:
                try authorize(root, change.value, caller: caller, image: image)
                guard let value = change.value else { continue }
                // Draft 4's `add` (the v2.0 media type) only adds, and every attribute is always there.
                if change.draft == 4, attributes.contains(root) || image.properties.contains(root) {
                    throw GlanceFault.explained(.conflict, "Property \(root) already present.")
                }
                if attributes.contains(root) { try set(root, value, on: &image) } else { image.properties[root] = value.stringValue }
            case .remove:
                try authorize(root, nil, caller: caller, image: image)
                if attributes.contains(root) { throw GlanceFault.explained(.forbidden, "Property \(root) may not be removed.") }
                guard image.properties.contains(root) else { throw GlanceFault.explained(.conflict, "Property \(root) does not exist.") }
                image.properties[root] = nil
            }
        }
        if !changes.isEmpty {
            try image.properties.checkQuota()
            try checkStorable(image)
        }
        return image
    }

    /// `publicize_image` (admins) and `communitize_image` (the owner) for a new visibility, then
    /// `modify_image` (the owner with the member role, or an admin) for any change.
    private static func authorize(_ root: String, _ value: JSONValue?, caller: KeystoneCaller, image: GlanceImageRecord) throws {
        if root == "visibility", value == .string("public"), !caller.isAdmin { throw GlanceFault.policy("publicize_image") }
        if root == "visibility", value == .string("community"), !GlanceAccess.isOwnerWithRole(caller, image) {
            throw GlanceFault.policy("communitize_image")
        }
        guard GlanceAccess.isOwnerWithRole(caller, image) else { throw GlanceFault.policy("modify_image") }
    }

    /// The image's setters, values already checked against the schema.
    private static func set(_ root: String, _ value: JSONValue, on image: inout GlanceImageRecord) throws {
        switch root {
        case "name": image.name = value.stringValue
        case "visibility": image.visibility = value.stringValue ?? image.visibility
        case "protected": image.isProtected = value.boolValue ?? image.isProtected
        case "os_hidden": image.osHidden = value.boolValue ?? image.osHidden
        case "owner":
            guard let owner = value.stringValue else { throw sandboxLimit("The sandbox keeps an owner on every image.") }
            image.owner = owner
        case "container_format", "disk_format":
            guard ["queued", "importing"].contains(image.status) else {
                throw GlanceFault.forbidden("Attribute \(root) can be only replaced for a queued image.")
            }
            if root == "disk_format" { image.diskFormat = value.stringValue } else { image.containerFormat = value.stringValue }
        case "tags":
            let tags = value.arrayValue?.compactMap(\.stringValue) ?? []
            guard tags.count <= tagQuota else {
                throw GlanceFault(status: GlanceFault.requestEntityTooLarge,
                                  detail: "The limit has been exceeded on the number of allowed image tags. Attempted: \(tags.count), Maximum: \(tagQuota)")
            }
            // Glance keeps tags as a set.
            var seen = Set<String>()
            image.tags = tags.filter { seen.insert($0).inserted }
        case "min_ram", "min_disk":
            let number = integer(value)
            guard number >= 0 else {
                throw GlanceFault.badRequest("Invalid value '\(PythonRepr.str(value))' for parameter '\(root)': Cannot be a negative value")
            }
            if root == "min_ram" { image.minRAM = number } else { image.minDisk = number }
        default: break
        }
    }

    /// A schema-valid integer (a float without a fraction is one), saturating past `Int`.
    private static func integer(_ value: JSONValue) -> Int {
        switch value {
        case .int(let number): number
        case .double(let number): number >= 9.2e18 ? Int.max : number <= -9.2e18 ? Int.min : Int(number)
        default: 0
        }
    }

    /// Glance refuses, at save, what its database columns cannot hold.
    private static func checkStorable(_ image: GlanceImageRecord) throws {
        for (name, value) in [("min_disk", image.minDisk), ("min_ram", image.minRAM)] where value > largestStoredInt {
            throw GlanceFault.badRequest("'\(name)' value out of range, must not exceed \(largestStoredInt).")
        }
    }

    /// An image's locations: Glance refuses to empty them; the sandbox stores no image data, so it has none
    /// to change.
    private static func refuseLocations(_ change: GlanceImagePatch.Change) throws {
        if change.operation == .replace, let value = change.value, !isTruthy(value) {
            throw GlanceFault.explained(.forbidden, "Cannot set locations to empty list.")
        }
        throw sandboxLimit("The sandbox keeps no image locations.")
    }

    /// Python's truth value of a decoded JSON value.
    private static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: false
        case .bool(let flag): flag
        case .int(let number): number != 0
        case .double(let number): number != 0
        case .string(let text): !text.isEmpty
        case .array(let items): !items.isEmpty
        case .object(let pairs): !pairs.isEmpty
        }
    }

    /// What the sandbox does not imitate is said plainly, with 501, never as a Glance rule.
    private static func sandboxLimit(_ detail: String) -> GlanceFault {
        GlanceFault(status: .notImplemented, detail: detail)
    }
}
