import GRDB

/// A membership body checked the way Atmosphere's `ImageVersionMembershipSerializer` checks it: first each
/// given field must name an existing object (`image_version` by version UUID, `group` by group UUID, a
/// `{"pk":…}` / `{"uuid":…}` object accepted too; a number never matches), all field errors reported
/// together; then, on create, the unique-together validator's "This field is required." for the fields
/// left out; then uniqueness.
/// The seed document's `membership` key stands for `group` when `group` is absent.
struct AtmosphereMembershipInput {
    var versionID: String?
    var groupID: Int?

    static let uniqueMessage = "The fields image_version, group must make a unique set."

    static func parse(_ data: JSONValue, in db: Database) throws -> AtmosphereMembershipInput {
        guard case .object = data else {
            let message = data == .null ? "No data provided" : "Invalid data. Expected a dictionary, but got \(pythonType(data))."
            throw AtmosphereFault.invalid([("non_field_errors", [message])])
        }
        var errors: [(String, [String])] = []
        let versionID = try related(data["image_version"], field: "image_version", model: "ApplicationVersion", key: "pk", errors: &errors) {
            try String.fetchOne(db, sql: "SELECT id FROM atmo_version WHERE id = ?", arguments: [$0])
        }
        let groupID = try related(data["group"] ?? data["membership"], field: "group", model: "Group", key: "uuid", errors: &errors) {
            try Int.fetchOne(db, sql: "SELECT id FROM atmo_group WHERE uuid = ?", arguments: [$0])
        }
        if !errors.isEmpty { throw AtmosphereFault.invalid(errors) }
        return AtmosphereMembershipInput(versionID: versionID, groupID: groupID)
    }

    /// One related field (`ModelRelatedField`): nil when absent; when given, the object its UUID names, or
    /// the field's error recorded.
    private static func related<ID>(_ value: JSONValue?, field: String, model: String, key: String, errors: inout [(String, [String])],
                                    find: (String) throws -> ID?) throws -> ID? {
        guard let value else { return nil }
        guard let given = identifier(value, key: key) else {
            errors.append((field, ["This field may not be null."]))
            return nil
        }
        if let uuid = AtmosphereKeys.uuid(given), let found = try find(uuid) { return found }
        errors.append((field, ["\(model) with Field: \(key) '\(given)' does not exist."]))
        return nil
    }

    /// Create: both fields must be there (the unique-together validator's rule).
    func required() throws -> (versionID: String, groupID: Int) {
        guard let versionID, let groupID else {
            var missing: [(String, [String])] = []
            if versionID == nil { missing.append(("image_version", ["This field is required."])) }
            if groupID == nil { missing.append(("group", ["This field is required."])) }
            throw AtmosphereFault.invalid(missing)
        }
        return (versionID, groupID)
    }

    /// No other membership may pair the same version and group.
    static func checkUnique(versionID: String, groupID: Int, excluding id: Int?, in db: Database) throws {
        let taken = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM atmo_version_membership WHERE version_id = ? AND group_id = ? AND id IS NOT ?
            """, arguments: [versionID, groupID, id]) ?? 0
        if taken > 0 { throw AtmosphereFault.invalid([("non_field_errors", [uniqueMessage])]) }
    }

    /// The identifier a related field reads: nil for null or "" (DRF: "may not be null"), a dictionary's
    /// `key` entry, or the value itself, with the text Python's `%s` would print for it.
    private static func identifier(_ value: JSONValue, key: String) -> String? {
        switch value {
        case .null, .string(""): return nil
        case .object: return identifier(value[key] ?? .null, key: key) ?? "None"
        case .string(let text): return text
        default: return pythonText(value)
        }
    }

    private static func pythonText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return "'" + text + "'"
        case .array(let items): return "[" + items.map(pythonText).joined(separator: ", ") + "]"
        case .object(let pairs): return "{" + pairs.map { "'\($0.0)': " + pythonText($0.1) }.joined(separator: ", ") + "}"
        }
    }

    private static func pythonType(_ value: JSONValue) -> String {
        switch value {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        }
    }
}
