import Yams

extension ConfigValue {
    /// Builds a tree from a composed YAML node (JSON parses as YAML too). Each map entry keeps the
    /// file and line of its key. The node must come from `BoundedYAML`, whose limits bound this walk.
    init(node: Node, path: String) {
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
            self = .map(mapping.map {
                Entry(key: $0.key.string ?? String(describing: $0.key), value: ConfigValue(node: $0.value, path: path),
                      origin: .file(path, line: $0.key.mark?.line))
            })
        case let .sequence(sequence):
            self = .list(sequence.map { ConfigValue(node: $0, path: path) })
        case let .alias(alias):
            // Yams resolves aliases by default; an unresolved alias is kept as its text.
            self = .string(String(describing: alias))
        }
    }

    /// Parses YAML or JSON text through `BoundedYAML`. Errors carry the line and column of the problem.
    public static func parse(_ text: String, path: String) throws -> ConfigValue {
        do throws(YAMLReadError) {
            guard let node = try BoundedYAML.compose(text, path: path) else { return .map([]) }
            return ConfigValue(node: node, path: path)
        } catch {
            throw ConfigurationError.malformedFile(path: path, detail: error.detail)
        }
    }
}
