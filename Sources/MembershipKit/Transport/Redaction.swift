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

    /// The secret values a request carries: secret headers (an `Authorization` value also without its
    /// scheme word, each cookie of a `Cookie` header) and secret fields of a JSON or form body.
    public static func secretValues(of request: HTTPRequestSpec) -> [String] {
        var values: [String] = []
        for (name, value) in request.headers where secretHeaders.contains(name.lowercased()) {
            values.append(value)
            switch name.lowercased() {
            case "authorization", "proxy-authorization":
                if let space = value.firstIndex(of: " ") { values.append(String(value[value.index(after: space)...])) }
            case "cookie":
                values += value.split(separator: ";").compactMap { pair in
                    pair.split(separator: "=", maxSplits: 1).dropFirst().first.map { String($0).trimmingCharacters(in: .whitespaces) }
                }
            default: break
            }
        }
        guard let body = request.body, !body.isEmpty, body.count <= 1_048_576 else { return values }
        if let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) {
            collectSecrets(object, parentIsSecret: false, into: &values)
        } else {
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, isSecretKey(String(parts[0])) {
                    let raw = String(parts[1])
                    values.append(raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw)
                }
            }
        }
        return values
    }

    /// The strings `redactJSON` would hide, collected instead of replaced.
    static func collectSecrets(_ value: Any, parentIsSecret: Bool, into values: inout [String]) {
        if let dictionary = value as? [String: Any] {
            for (key, item) in dictionary {
                let secret = parentIsSecret || isSecretKey(key)
                if item is [Any] {
                    collectSecrets(item, parentIsSecret: secret, into: &values)
                } else if item is [String: Any] {
                    collectSecrets(item, parentIsSecret: secret && key.lowercased() == "token", into: &values)
                } else if secret, let text = item as? String {
                    values.append(text)
                }
            }
        } else if let list = value as? [Any] {
            for item in list { collectSecrets(item, parentIsSecret: parentIsSecret, into: &values) }
        } else if parentIsSecret, let text = value as? String {
            values.append(text)
        }
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
