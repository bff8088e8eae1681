/// Reading Bonita's items, in which every value is a string: ids (`"4"`), booleans (`"true"`), dates
/// (`"2024-01-15 09:30:00.000"`), and `""` for null. Numbers and booleans are accepted too, so that what
/// the SDK encodes (with JSON numbers) reads back, and so that a server that sends numbers is not refused.
extension KeyedDecodingContainer {
    /// A required id.
    func bonitaID(_ key: Key) throws -> Int {
        guard let id = try bonitaOptionalID(key) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "empty id")
        }
        return id
    }

    /// An id that may be empty (Bonita's null).
    func bonitaOptionalID(_ key: Key) throws -> Int? {
        guard let text = bonitaText(key) else { return nil }
        guard let id = Int(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(text)' is not an id")
        }
        return id
    }

    /// A text value; nil when absent, null or empty.
    func bonitaText(_ key: Key) -> String? {
        guard let text = try? decodeLossyString(forKey: key), !text.isEmpty else { return nil }
        return text
    }

    /// A boolean written `"true"` / `"false"` (or as a JSON boolean).
    func bonitaBool(_ key: Key) -> Bool? {
        if let flag = try? decode(Bool.self, forKey: key) { return flag }
        return bonitaText(key).flatMap { Bool($0.lowercased()) }
    }
}
