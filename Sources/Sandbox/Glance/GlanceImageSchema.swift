import Foundation

/// The writable properties of Glance 33's image schema (`GET /v2/schemas/image`), key for key in Glance's
/// order, and jsonschema's check of one `{property: value}` pair against it, which Glance's PATCH
/// deserializer makes before it looks at the image. The 400 repeats jsonschema's whole message (the
/// property's schema and the value, pretty-printed as Python prints them), so the schemas here must be
/// Glance's own, descriptions included: a test checks each against the document the sandbox serves
/// (`GlanceSchemaDocuments.image`). They stay written out here because the check follows the keywords
/// in Glance's order, which a parsed document does not keep.
enum GlanceImageSchema {
    private static let nullOrString: JSONValue = .array([.string("null"), .string("string")])

    static let properties: [(String, JSONValue)] = [
        ("name", .object([("type", nullOrString), ("description", .string("Descriptive name for the image")), ("maxLength", .int(255))])),
        ("visibility", .object([("type", .string("string")), ("description", .string("Scope of image accessibility")),
                                ("enum", .array(["community", "public", "private", "shared"].map(JSONValue.string)))])),
        ("protected", .object([("type", .string("boolean")), ("description", .string("If true, image will not be deletable."))])),
        ("os_hidden", .object([("type", .string("boolean")),
                               ("description", .string("If true, image will not appear in default image list response."))])),
        ("owner", .object([("type", nullOrString), ("description", .string("Owner of the image")), ("maxLength", .int(255))])),
        ("container_format", .object([("type", nullOrString), ("description", .string("Format of the container")),
                                      ("enum", .array([.null] + GlanceImageRoutes.containerFormats.map(JSONValue.string)))])),
        ("disk_format", .object([("type", nullOrString), ("description", .string("Format of the disk")),
                                 ("enum", .array([.null] + GlanceImageRoutes.diskFormats.map(JSONValue.string)))])),
        ("tags", .object([("type", .string("array")), ("description", .string("List of strings related to the image")),
                          ("items", .object([("type", .string("string")), ("maxLength", .int(255))]))])),
        ("min_ram", .object([("type", .string("integer")), ("description", .string("Amount of ram (in MB) required to boot image."))])),
        ("min_disk", .object([("type", .string("integer")), ("description", .string("Amount of disk space (in GB) required to boot image."))])),
        ("stores", .object([("type", .string("string")), ("readOnly", .bool(true)),
                            ("description", .string("Store in which image data resides.  Only present when the operator has enabled multiple stores.  May be a comma-separated list of store identifiers."))])),
    ]

    /// Any other property is an additional one, which must be a string.
    private static let additional: JSONValue = .object([("type", .string("string"))])

    /// jsonschema's failure as Glance answers it: 400 "Provided object does not match schema 'image': …".
    static func validate(_ property: String, _ value: JSONValue) throws {
        let known = properties.first { $0.0 == property }?.1
        let failures = failures(of: value, against: known ?? additional)
        // jsonschema's best match: an error about the value itself before one about an item of it, and of
        // the items' errors the one at the highest index.
        guard let failure = failures.first(where: { $0.item == nil }) ?? failures.last else { return }
        let schemaPath = known == nil ? "schema['additionalProperties']" : "schema['properties'][\(PythonRepr.string(property))]"
        var instancePath = "instance[\(PythonRepr.string(property))]"
        if let item = failure.item { instancePath += "[\(item)]" }
        let message = "Provided object does not match schema 'image': \(failure.message)\n\n"
            + "Failed validating \(PythonRepr.string(failure.keyword)) in \(schemaPath + (failure.item == nil ? "" : "['items']")):\n"
            + indented(PythonRepr.pformat(failure.schema)) + "\n\nOn \(instancePath):\n" + indented(PythonRepr.pformat(failure.instance))
        throw GlanceFault.badRequest(message)
    }

    private struct Failure {
        let keyword: String
        let message: String
        let schema: JSONValue
        let instance: JSONValue
        /// The index of the array item that failed, for `items`.
        var item: Int?
    }

    /// The keywords Glance's image schema uses, checked in the schema's own order, as jsonschema does.
    private static func failures(of value: JSONValue, against schema: JSONValue) -> [Failure] {
        guard case .object(let keywords) = schema else { return [] }
        var found: [Failure] = []
        for (keyword, rule) in keywords {
            switch keyword {
            case "type":
                let types = rule.arrayValue ?? [rule]
                if !types.contains(where: { $0.stringValue.map { matches(value, type: $0) } ?? false }) {
                    let names = types.map(PythonRepr.repr).joined(separator: ", ")
                    found.append(Failure(keyword: keyword, message: "\(PythonRepr.repr(value)) is not of type \(names)", schema: schema, instance: value))
                }
            case "enum":
                if let allowed = rule.arrayValue, !allowed.contains(value) {
                    found.append(Failure(keyword: keyword, message: "\(PythonRepr.repr(value)) is not one of \(PythonRepr.repr(rule))", schema: schema, instance: value))
                }
            case "maxLength":
                if let text = value.stringValue, let limit = rule.intValue, text.unicodeScalars.count > limit {
                    found.append(Failure(keyword: keyword, message: "\(PythonRepr.repr(value)) is too long", schema: schema, instance: value))
                }
            case "items":
                for (index, item) in (value.arrayValue ?? []).enumerated() {
                    found += failures(of: item, against: rule).map { Failure(keyword: $0.keyword, message: $0.message, schema: $0.schema, instance: $0.instance, item: index) }
                }
            default:
                continue
            }
        }
        return found
    }

    /// jsonschema's type checks: booleans are not integers, and a float with no fraction is one.
    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("string", .string), ("boolean", .bool), ("array", .array), ("object", .object), ("integer", .int): true
        case ("integer", .double(let number)): number.rounded() == number && number.isFinite
        case ("number", .int), ("number", .double): true
        default: false
        }
    }

    /// `textwrap.indent` by four spaces, as jsonschema lays out the schema and the value.
    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
