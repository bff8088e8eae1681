/// Django REST framework error bodies (Atmosphere's), read into one line for `HTTPFailure.message`.
///
/// DRF answers `{"detail": "…"}` for 403/404/405, a validation error as field → messages
/// (`{"group": ["…"], "non_field_errors": ["…"]}`, nested for nested serializers, a plain list when a
/// view raises one), and Atmosphere's login view its own `{"errors": [{"code", "message"}]}`.
/// `ErrorBodyDecoder` hands every JSON body it has no other reading for to `message(_:)`.
public enum DRFErrorBody {
    /// The key DRF uses for errors that belong to no single field.
    static let nonFieldKey = "non_field_errors"

    /// The readable message of a parsed JSON body, or nil when it holds no text at all.
    ///
    /// Validation errors read `non_field messages; field: messages; other.nested: messages`: the errors
    /// that concern the whole request first, then each field by name (JSON objects keep no order, so the
    /// serializer's own field order is lost; sorting at least makes the message stable).
    public static func message(_ json: Any) -> String? {
        if let dictionary = json as? [String: Any] {
            if let detail = dictionary["detail"] as? String, !detail.isEmpty { return detail }
            if let errors = dictionary["errors"] as? [[String: Any]] {
                let texts = errors.compactMap { ($0["message"] ?? $0["detail"]) as? String }
                if !texts.isEmpty { return texts.joined(separator: "; ") }
            }
        }
        let parts = fieldMessages(json, path: [])
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// One entry per field that has messages: `path: messages`, or only the messages at the top level
    /// and under `non_field_errors`.
    static func fieldMessages(_ json: Any, path: [String]) -> [String] {
        if let dictionary = json as? [String: Any] {
            let keys = dictionary.keys.sorted { ($0 == nonFieldKey ? 0 : 1, $0) < ($1 == nonFieldKey ? 0 : 1, $1) }
            return keys.flatMap { key in
                fieldMessages(dictionary[key] as Any, path: key == nonFieldKey ? path : path + [key])
            }
        }
        let items = (json as? [Any]) ?? [json]
        let texts = items.compactMap { $0 as? String }.filter { !$0.isEmpty }
        // A list serializer's errors are one object per item; their fields are reported like any other.
        let nested = items.filter { $0 is [String: Any] || $0 is [Any] }.flatMap { fieldMessages($0, path: path) }
        guard !texts.isEmpty else { return nested }
        let joined = texts.joined(separator: " ")
        return [path.isEmpty ? joined : path.joined(separator: ".") + ": " + joined] + nested
    }
}
