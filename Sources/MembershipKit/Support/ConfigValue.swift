import Yams

/// A parsed configuration tree (YAML or JSON) as plain Sendable values, keeping key order.
public indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([ConfigValue])
    case map([(key: String, value: ConfigValue)])

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
    public subscript(key: String) -> ConfigValue? {
        guard case let .map(pairs) = self else { return nil }
        return pairs.last(where: { $0.key == key })?.value
    }

    public var mapPairs: [(key: String, value: ConfigValue)]? {
        if case let .map(pairs) = self { return pairs }
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
    public func setting(_ key: String, _ value: ConfigValue) -> ConfigValue {
        var pairs = mapPairs ?? []
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
        return .map(pairs)
    }

    /// Returns a copy without `key`.
    public func removing(_ key: String) -> ConfigValue {
        guard let pairs = mapPairs else { return self }
        return .map(pairs.filter { $0.key != key })
    }

    /// Deep merge: maps merge key by key, anything else in `overlay` replaces the base value.
    /// This is how openstacksdk merges secure.yaml over clouds.yaml.
    public func merged(with overlay: ConfigValue) -> ConfigValue {
        guard case let .map(overPairs) = overlay, case .map = self else { return overlay }
        var result = self
        for (key, value) in overPairs {
            if let existing = result[key] {
                result = result.setting(key, existing.merged(with: value))
            } else {
                result = result.setting(key, value)
            }
        }
        return result
    }
}

extension ConfigValue {
    /// Builds a tree from a composed YAML node (JSON parses as YAML too).
    init(node: Node) {
        switch node {
        case let .scalar(scalar):
            let node = Node.scalar(scalar)
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: self = .null
            case .bool: self = node.bool.map(ConfigValue.bool) ?? .string(scalar.string)
            case .int: self = node.int.map(ConfigValue.int) ?? .string(scalar.string)
            case .float: self = node.float.map(ConfigValue.double) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case let .mapping(mapping):
            self = .map(mapping.map { (key: $0.key.string ?? String(describing: $0.key), value: ConfigValue(node: $0.value)) })
        case let .sequence(sequence):
            self = .list(sequence.map(ConfigValue.init(node:)))
        case let .alias(alias):
            // Yams resolves aliases by default; an unresolved alias is kept as its text.
            self = .string(String(describing: alias))
        }
    }

    /// Parses YAML or JSON text. Errors carry the line and column of the problem.
    public static func parse(_ text: String, path: String) throws -> ConfigValue {
        do {
            guard let node = try Yams.compose(yaml: text) else { return .map([]) }
            return ConfigValue(node: node)
        } catch let error as YamlError {
            throw ConfigurationError.malformedFile(path: path, detail: YamlErrorDescription.describe(error))
        }
    }
}

/// Turns Yams' errors into `line L, column C: problem` text.
enum YamlErrorDescription {
    static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let contextText = context.map { " (\($0.text))" } ?? ""
            return "line \(mark.line), column \(mark.column): \(problem)\(contextText)"
        case let .reader(problem, offset, _, _):
            return "at byte \(offset ?? 0): \(problem)"
        default:
            return String(describing: error)
        }
    }
}
