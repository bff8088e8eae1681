import Foundation

/// How Atmosphere reads the keys in URLs, filters and bodies: Django's `IntegerField` and `UUIDField`
/// conversions. A key that does not convert matches nothing (DRF answers 404 or an empty list).
enum AtmosphereKeys {
    /// An integer id (`"12"`, `" 12 "`, `"+12"`, as Python's `int()` reads it).
    static func int(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespaces))
    }

    /// The lower-case dashed form of a UUID written with or without dashes, braces or `urn:uuid:`, in any
    /// case (as Python's `uuid.UUID` accepts it).
    static func uuid(_ text: String) -> String? {
        var hex = text.lowercased()
        if hex.hasPrefix("urn:uuid:") { hex.removeFirst(9) }
        hex = hex.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).replacingOccurrences(of: "-", with: "")
        guard hex.count == 32, hex.allSatisfy(\.isHexDigit) else { return nil }
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }
}
