import Foundation

/// The bodies the membership resource reads: the item of a POST and the id list of a bulk DELETE. Their
/// failures answer as Bonita's servlet does (500s naming the Java exception that the real server would hit).
enum BonitaMembershipBody {
    /// Tomcat and Bonita's servlet read a JSON body of any size; past the sandbox's own bound it answers 413
    /// with Bonita's exception JSON.
    static let limit = BodyLimit(bytes: SandboxBodyLimits.sandboxBytes) { _ in
        BonitaFault(status: .contentTooLarge, exception: .api("APIException", SandboxBodyLimits.sandboxRefusal, resource: BonitaMembershipRoutes.resource))
    }

    /// Attributes the server sets itself: giving a non-blank value is a 500 `ForbiddenAttributesException`.
    static let readOnlyAttributes = ["assigned_by_user_id", "assigned_date"]

    /// The membership a POST asks for. Ids may be strings (Bonita's own form) or JSON numbers.
    static func key(from body: Data?) throws -> BonitaMembershipKey {
        guard let body, let json = JSONValue.parse(body), json.isObject else {
            throw BonitaFault.internalError(.api("APIException", "The request body is not a JSON membership item", resource: BonitaMembershipRoutes.resource))
        }
        let forbidden = readOnlyAttributes.filter { !(scalar(json[$0]) ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        guard forbidden.isEmpty else {
            throw BonitaFault.internalError(BonitaException(
                className: BonitaException.framework + "ForbiddenAttributesException",
                message: "Manual set of following attributes is forbidden : " + forbidden.joined(separator: ", "),
                api: BonitaAPI.name, resource: BonitaMembershipRoutes.resource,
                extra: [("attributesNames", .array(forbidden.map(JSONValue.string)))]))
        }
        let ids = try ["user_id", "group_id", "role_id"].map { name in
            guard let text = scalar(json[name]), !text.isEmpty else {
                throw BonitaFault.internalError(.wrapping(engineClass: "java.lang.NullPointerException", engineMessage: "",
                                                          resource: BonitaMembershipRoutes.resource))
            }
            return try javaLong(text)
        }
        return BonitaMembershipKey(user: ids[0], group: ids[1], role: ids[2])
    }

    /// The id lists of a bulk DELETE: `[["4","2","1"], …]` (a bare value stands for a one-part id).
    static func idLists(from body: Data?) throws -> [[String]] {
        let text = body.map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard !text.isEmpty else { throw missingIDs("Id of the element to delete is missing [\(text)]") }
        let malformed = missingIDs("Id of the elements to delete are missing or misswritten \"\(text)\"")
        guard let json = JSONValue.parse(Data(text.utf8)), let nodes = json.arrayValue else { throw malformed }
        return try nodes.map { node in
            if let parts = node.arrayValue {
                return try parts.map { part in
                    guard let value = scalar(part) else { throw malformed }
                    return value
                }
            }
            guard let value = scalar(node) else { throw malformed }
            return [value]
        }
    }

    /// The key of one id list, as `APIID.getPartAsLong(0…2)` reads it.
    static func key(fromParts parts: [String]) throws -> BonitaMembershipKey {
        guard parts.count >= 3 else {
            throw BonitaFault.internalError(.wrapping(engineClass: "java.lang.IndexOutOfBoundsException",
                                                      engineMessage: "Index \(parts.count) out of bounds for length \(parts.count)",
                                                      resource: BonitaMembershipRoutes.resource))
        }
        return BonitaMembershipKey(user: try javaLong(parts[0]), group: try javaLong(parts[1]), role: try javaLong(parts[2]))
    }

    /// `Long.parseLong`, failing as a wrapped `NumberFormatException`.
    static func javaLong(_ text: String) throws -> Int {
        guard let value = Int(text) else {
            throw BonitaFault.internalError(.wrapping(engineClass: "java.lang.NumberFormatException",
                                                      engineMessage: "For input string: \"\(text)\"", resource: BonitaMembershipRoutes.resource))
        }
        return value
    }

    /// A JSON scalar as the text Bonita's item reader keeps; nil for null, objects and arrays.
    private static func scalar(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    private static func missingIDs(_ message: String) -> BonitaFault {
        BonitaFault.internalError(.missingID(message, resource: BonitaMembershipRoutes.resource))
    }
}
