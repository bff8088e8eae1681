/// Where a configuration value was written: a file and line, or an environment variable. Carried
/// with each value so that a bad one is reported where the user can fix it.
public struct ConfigOrigin: Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }

    /// `path, line N` (the line is 1-based; without one, only the path).
    public static func file(_ path: String, line: Int?) -> ConfigOrigin {
        ConfigOrigin(description: line.map { "\(path), line \($0)" } ?? path)
    }

    public static func environment(_ variable: String) -> ConfigOrigin {
        ConfigOrigin(description: "environment variable \(variable)")
    }
}
