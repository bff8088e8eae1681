import Foundation

/// Glance 33's `POST /v2/images`: the deserializer's checks, then the image factory's, in the order the
/// reference stack answers them, and the new image with its additional properties.
enum GlanceImageCreate {
    /// The deserializer's `_disallowed_properties`, refused before anything else.
    static let disallowed = ["direct_url", "self", "file", "schema", "stores"]
    /// The image factory's read-only attributes (Glance 33 lets `os_hash_algo` and `os_hash_value` through
    /// as additional properties, which the image's own values then hide).
    static let readOnly = ["created_at", "updated_at", "status", "checksum", "size", "virtual_size"]
    /// The deserializer's `_base_properties`: what is not among them is an additional property.
    static let base: Set = ["checksum", "created_at", "container_format", "disk_format", "id", "min_disk", "min_ram", "name", "size",
                            "virtual_size", "status", "tags", "owner", "updated_at", "visibility", "protected", "os_hidden"]
    /// Keys whose schema (Glance's, not the sandbox's writable subset) has other rules than an additional
    /// property's; they are judged by the checks after the schema's.
    private static let judgedLater: Set = ["id", "status", "checksum", "size", "virtual_size", "created_at", "updated_at",
                                           "os_hash_algo", "os_hash_value", "locations"]
    static let longestPropertyName = 255

    static func image(from body: JSONValue, caller: KeystoneCaller) throws -> GlanceImageRecord {
        guard let project = caller.projectID, caller.has(role: "member") else { throw GlanceFault.policy("add_image") }
        for key in disallowed where body[key] != nil { throw GlanceFault.forbidden("Attribute '\(key)' is read-only.") }
        guard case .object(let pairs) = body else { throw GlanceFault.badRequest("Malformed JSON in request body.") }
        for (key, value) in pairs where !judgedLater.contains(key) { try GlanceImageSchema.validate(key, value) }
        let additional = pairs.filter { !base.contains($0.0) && $0.0 != "locations" }
        if additional.contains(where: { $0.0.count > longestPropertyName }) {
            throw GlanceFault.badRequest("Custom property should not be greater than \(longestPropertyName) characters.")
        }
        for (key, _) in additional where GlanceImagePatch.reserved.contains(key) || key.hasPrefix(GlanceImagePatch.reservedNamespace) {
            throw GlanceFault.explained(.forbidden, "Attribute '\(key)' is reserved.")
        }
        for key in readOnly where body[key] != nil { throw GlanceFault.forbidden("Attribute '\(key)' is read-only.") }
        if body["locations"] != nil { throw GlanceFault.forbidden("Attribute 'locations' is reserved.") }
        var owner = project
        if let given = body["owner"]?.stringValue, given != project {
            guard caller.isAdmin else { throw GlanceFault.explained(.forbidden, "You are not permitted to create images owned by '\(given)'") }
            owner = given
        }
        let visibility = body["visibility"]?.stringValue ?? "shared"
        if visibility == "public", !caller.isAdmin { throw GlanceFault.policy("publicize_image") }
        var id = Identifiers.uuid()
        if let given = body["id"]?.stringValue {
            guard Identifiers.isUUID(given) else { throw GlanceFault.badRequest("Invalid value '\(given)' for parameter 'id'.") }
            id = given.lowercased()
        }
        let properties = GlanceImageProperties(additional.compactMap { key, value in value.stringValue.map { (key, $0) } })
        try properties.checkQuota()
        let now = SandboxClock.iso8601Seconds(Date())
        var image = GlanceImageRecord(id: id, name: body["name"]?.stringValue, owner: owner, visibility: visibility,
                                      diskFormat: body["disk_format"]?.stringValue, containerFormat: body["container_format"]?.stringValue,
                                      isProtected: body["protected"]?.boolValue ?? false,
                                      minRAM: body["min_ram"]?.intValue ?? 0, minDisk: body["min_disk"]?.intValue ?? 0,
                                      tags: uniqueTags(body["tags"]), createdAt: now, updatedAt: now)
        image.osHidden = body["os_hidden"]?.boolValue ?? false
        image.properties = properties
        return image
    }

    /// Glance keeps tags as a set, in the order first given.
    private static func uniqueTags(_ value: JSONValue?) -> [String] {
        var seen = Set<String>()
        return (value?.arrayValue?.compactMap(\.stringValue) ?? []).filter { seen.insert($0).inserted }
    }
}
