/// A parsed configuration tree (YAML or JSON) as plain Sendable values, keeping key order and,
/// for each entry of a map, where it was written (`ConfigOrigin`, ignored by `==`).
public indirect enum ConfigValue: Sendable, Equatable {
    /// One key of a map, its value, and where it came from.
    public struct Entry: Sendable {
        public var key: String
        public var value: ConfigValue
        public var origin: ConfigOrigin?

        public init(key: String, value: ConfigValue, origin: ConfigOrigin? = nil) {
            self.key = key
            self.value = value
            self.origin = origin
        }
    }

    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([ConfigValue])
    case map([Entry])

    public static func == (lhs: ConfigValue, rhs: ConfigValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        case let (.list(a), .list(b)): return a == b
        case let (.map(a), .map(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value under `key` when this is a map.
    public subscript(key: String) -> ConfigValue? { entry(key)?.value }

    /// Where the value under `key` was written, when known.
    public func origin(of key: String) -> ConfigOrigin? { entry(key)?.origin }

    func entry(_ key: String) -> Entry? {
        guard case let .map(entries) = self else { return nil }
        return entries.last(where: { $0.key == key })
    }

    public var mapPairs: [(key: String, value: ConfigValue)]? {
        if case let .map(entries) = self { return entries.map { ($0.key, $0.value) } }
        return nil
    }

    /// A scalar rendered as text, the way openstacksdk would see it after YAML parsing.
    public var scalarText: String? {
        switch self {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .bool(b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// Returns a copy with `value` stored under `key` (replacing an existing entry in place).
    public func setting(_ key: String, _ value: ConfigValue, origin: ConfigOrigin? = nil) -> ConfigValue {
        var entries: [Entry] = []
        if case let .map(existing) = self { entries = existing }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
            entries[index].origin = origin
        } else {
            entries.append(Entry(key: key, value: value, origin: origin))
        }
        return .map(entries)
    }

    /// Returns a copy without `key`.
    public func removing(_ key: String) -> ConfigValue {
        guard case let .map(entries) = self else { return self }
        return .map(entries.filter { $0.key != key })
    }

    /// Deep merge: maps merge key by key, anything else in `overlay` replaces the base value.
    /// This is how openstacksdk merges secure.yaml over clouds.yaml.
    public func merged(with overlay: ConfigValue) -> ConfigValue {
        guard case let .map(overEntries) = overlay, case .map = self else { return overlay }
        var result = self
        for entry in overEntries {
            if let existing = result[entry.key] {
                result = result.setting(entry.key, existing.merged(with: entry.value), origin: entry.origin)
            } else {
                result = result.setting(entry.key, entry.value, origin: entry.origin)
            }
        }
        return result
    }
}

