import Foundation
import HTTPTypes

/// Glance 33's request deserializer for `PATCH /v2/images/{id}`: it reads the JSON-patch body into changes
/// and refuses what it can judge without the image (the media type, the body's shape, each operation's
/// `op`, `path` and `value`, read-only and reserved attributes, the image schema), so these answers come
/// before the image is looked up and before any policy.
enum GlanceImagePatch {
    enum Operation: String, CaseIterable, Sendable {
        case add, remove, replace
    }

    struct Change: Sendable {
        let operation: Operation
        /// The JSON pointer's decoded parts: one for every property but `locations` (`/locations/0`).
        let path: [String]
        /// Absent for `remove`.
        let value: JSONValue?
        /// The media type's JSON-patch draft: v2.0 is draft 4 (`{"add": "/name"}`), v2.1 draft 10
        /// (`{"op": "add", "path": "/name"}`); under draft 4 `add` does not replace.
        let draft: Int
    }

    static let mediaTypes = ["application/openstack-images-v2.0-json-patch": 4, "application/openstack-images-v2.1-json-patch": 10]
    static let readOnly: Set = ["created_at", "updated_at", "status", "checksum", "size", "virtual_size", "direct_url", "self",
                                "file", "schema", "id", "os_hash_algo", "os_hash_value"]
    static let reserved: Set = ["location", "deleted", "deleted_at"]
    static let reservedNamespace = "os_glance"
    static let acceptPatch = HTTPField.Name("Accept-Patch")!
    private static let operationNames = Operation.allCases.map(\.rawValue).joined(separator: ", ")

    /// 415 unless the media type (the header up to any `;`, compared exactly) is one of Glance's two.
    static func draft(contentType: String?) throws -> Int {
        let mediaType = contentType.map { String($0.prefix { $0 != ";" }) } ?? ""
        guard let draft = mediaTypes[mediaType] else {
            let allowed = mediaTypes.keys.sorted().joined(separator: ", ")
            var headers: HTTPFields = [:]
            headers[acceptPatch] = allowed
            throw GlanceFault.unsupportedMediaType(contentType, detail: "Image PATCH expects Content-Type one of: \(allowed)", headers: headers)
        }
        return draft
    }

    static func changes(_ body: [UInt8]?, draft: Int) throws -> [Change] {
        guard case .array(let operations) = try GlanceBody.listOrObject(body) else {
            throw GlanceFault.badRequest("Request body must be a JSON array of operation objects.")
        }
        return try operations.map { raw in
            guard raw.isObject else { throw GlanceFault.badRequest("Operations must be JSON objects.") }
            let (operation, pointer) = draft == 4 ? try draft4(raw) : try draft10(raw)
            let path = try decode(pointer)
            let depth = path.first == "locations" ? (operation == .replace ? 1 : 2) : 1
            guard path.count == depth else {
                throw GlanceFault.badRequest("Invalid JSON pointer for this resource: '/\(path.joined(separator: "/"))'")
            }
            var value: JSONValue?
            if operation != .remove {
                guard let given = raw["value"] else { throw GlanceFault.badRequest("Operation \"\(operation.rawValue)\" requires a member named \"value\".") }
                value = given
            }
            let change = Change(operation: operation, path: path, value: value, draft: draft)
            try check(change)
            return change
        }
    }

    private static func draft10(_ raw: JSONValue) throws -> (Operation, JSONValue) {
        guard let op = raw["op"], op != .null else {
            throw GlanceFault.badRequest("Unable to find `op` in JSON Schema change. It must be one of the following: \(operationNames).")
        }
        guard let operation = op.stringValue.flatMap(Operation.init(rawValue:)) else {
            throw GlanceFault.badRequest("Invalid operation: `\(PythonRepr.str(op))`. It must be one of the following: \(operationNames).")
        }
        guard let path = raw["path"] else { throw GlanceFault.badRequest("Unable to find 'path' in JSON Schema change") }
        return (operation, path)
    }

    private static func draft4(_ raw: JSONValue) throws -> (Operation, JSONValue) {
        let named = Operation.allCases.filter { raw[$0.rawValue] != nil }
        guard named.count < 2 else {
            throw GlanceFault.badRequest("Operation objects must contain only one member named \"add\", \"remove\", or \"replace\".")
        }
        guard let operation = named.first, let path = raw[operation.rawValue] else {
            throw GlanceFault.badRequest("Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\".")
        }
        return (operation, path)
    }

    /// Glance's restricted JSON pointer: checked, then split at `/` with `~1` and `~0` unescaped and each
    /// part trimmed. A pointer that is not a string crashes Glance's check (its 500).
    private static func decode(_ pointerValue: JSONValue) throws -> [String] {
        guard let pointer = pointerValue.stringValue else { throw GlanceFault.serverError }
        func refuse(_ problem: String) -> GlanceFault { GlanceFault.badRequest("Pointer `\(pointer)` \(problem)") }
        guard pointer.hasPrefix("/") else { throw refuse("does not start with \"/\".") }
        let rest = pointer.dropFirst()
        guard rest.firstMatch(of: /\/\s*?\//) == nil else { throw refuse("contains adjacent \"/\".") }
        guard pointer.count == 1 || !pointer.hasSuffix("/") else { throw refuse("end with \"/\".") }
        guard rest.trimmingCharacters(in: .whitespacesAndNewlines) != "/" else { throw refuse("does not contains valid token.") }
        guard pointer.firstMatch(of: /~[^01]/.dotMatchesNewlines()) == nil, !pointer.hasSuffix("~") else {
            throw refuse("contains \"~\" not part of a recognized escape sequence.")
        }
        let parts = pointer.drop { $0 == "/" }.split(separator: "/", omittingEmptySubsequences: false)
        return parts.map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The attribute checks, then the schema's for a value (an item of `locations`, which the sandbox does not
    /// keep, is left to the update).
    private static func check(_ change: Change) throws {
        let root = change.path[0]
        if readOnly.contains(root) { throw GlanceFault.forbidden("Attribute '\(root)' is read-only.") }
        if reserved.contains(root) || root.hasPrefix(reservedNamespace) { throw GlanceFault.forbidden("Attribute '\(root)' is reserved.") }
        guard let value = change.value, root != "locations" else { return }
        try GlanceImageSchema.validate(root, value)
    }
}
