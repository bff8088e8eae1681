import Foundation

/// Removes secrets from what goes into the debug log. Pure; unit-tested.
public enum Redaction {
    static let secretHeaders: Set<String> = [
        "x-auth-token", "x-subject-token", "authorization", "cookie", "set-cookie",
        "x-bonita-api-token", "x-service-token", "proxy-authorization",
    ]

    public static func header(name: String, value: String) -> String {
        secretHeaders.contains(name.lowercased()) ? "***" : value
    }

    /// Redacts secret fields of a JSON or form body; other bodies are summarised by size.
    public static func body(_ data: Data?, contentType: String? = nil) -> String {
        guard let data, !data.isEmpty else { return "" }
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            let cleaned = redactJSON(object, parentIsSecret: false)
            if let text = try? JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys, .fragmentsAllowed]) {
                return String(decoding: text, as: UTF8.self)
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        if contentType?.contains("x-www-form-urlencoded") == true || (text.contains("=") && !text.contains(" ") && !text.contains("\n")) {
            return text.split(separator: "&").map { pair -> String in
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard let key = parts.first else { return String(pair) }
                return isSecretKey(String(key)) ? "\(key)=***" : String(pair)
            }.joined(separator: "&")
        }
        return "<\(data.count) bytes>"
    }

    static func isSecretKey(_ key: String) -> Bool {
        let lower = key.lowercased()
        return lower.contains("password") || lower.contains("secret") || lower.contains("token") || lower == "key" || lower.hasSuffix("_key")
    }

    static func redactJSON(_ value: Any, parentIsSecret: Bool) -> Any {
        if let dictionary = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, item) in dictionary {
                let secret = parentIsSecret || isSecretKey(key)
                if item is [Any] {
                    // A list under a secret key (`"tokens": [...]`) hides every string in it.
                    result[key] = redactJSON(item, parentIsSecret: secret)
                } else if item is [String: Any] {
                    // `"token": {"id": …}` hides its strings; `"password": {"user": {"name": …}}` keeps the
                    // name visible and hides the nested `"password"`, which is secret by its own key.
                    result[key] = redactJSON(item, parentIsSecret: secret && key.lowercased() == "token")
                } else if secret && !(item is Bool) && !(item is NSNull) {
                    result[key] = "***"
                } else {
                    result[key] = item
                }
            }
            return result
        }
        if let list = value as? [Any] { return list.map { redactJSON($0, parentIsSecret: parentIsSecret) } }
        if parentIsSecret, value is String { return "***" }
        return value
    }
}
