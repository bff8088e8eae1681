import Foundation

/// The XDG base directories, resolved from an environment so tests can point them anywhere.
/// Relative values are ignored, as the XDG specification requires.
public struct XDGDirectories: Sendable, Equatable {
    public let home: String
    public let configHome: String
    public let cacheHome: String
    public let stateHome: String
    public let dataHome: String

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return (home as NSString).appendingPathComponent(fallback)
        }
        self.home = home
        configHome = base("XDG_CONFIG_HOME", ".config")
        cacheHome = base("XDG_CACHE_HOME", ".cache")
        stateHome = base("XDG_STATE_HOME", ".local/state")
        dataHome = base("XDG_DATA_HOME", ".local/share")
    }

    /// memberdeck's own folders.
    public var memberdeckConfig: String { (configHome as NSString).appendingPathComponent("memberdeck") }
    public var memberdeckCache: String { (cacheHome as NSString).appendingPathComponent("memberdeck") }
    public var memberdeckState: String { (stateHome as NSString).appendingPathComponent("memberdeck") }
    public var memberdeckData: String { (dataHome as NSString).appendingPathComponent("memberdeck") }
}
