import Foundation

/// Fresh identifiers in the shapes the real servers use.
public enum Identifiers {
    /// Glance image and Atmosphere version ids: a lower-case UUID.
    public static func uuid() -> String { UUID().uuidString.lowercased() }

    /// Keystone ids: 32 lower-case hex digits.
    public static func hex32() -> String { UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }

    /// `req-<uuid>`, as in `x-openstack-request-id`.
    public static func requestID() -> String { "req-" + uuid() }

    /// An opaque bearer secret (tokens, session ids): 32 random bytes, base64url without padding.
    public static func secret(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + base64
    }

    /// Whether `text` is a UUID in any of the spellings Glance accepts (it compares case-insensitively).
    public static func isUUID(_ text: String) -> Bool { UUID(uuidString: text) != nil }
}
