import Foundation

/// Finds clouds.yaml, secure.yaml and clouds-public.yaml in openstacksdk's search order
/// (`openstack/config/loader.py`): the current directory, the user config folder (honouring
/// `XDG_CONFIG_HOME`), `~/.config/openstack`, the site config folder (`XDG_CONFIG_DIRS`, default
/// `/etc/xdg`) and `/etc/openstack`; in each, `.yaml`, `.yml`, then `.json`.
public struct CloudFileLocator: Sendable {
    public let environment: [String: String]
    public let currentDirectory: String
    let fileExists: @Sendable (String) -> Bool
    let isReadable: @Sendable (String) -> Bool

    /// - Parameters:
    ///   - fileExists: whether a candidate is there at all.
    ///   - isReadable: whether this user may read it; an existing file that cannot be read is skipped
    ///     with a warning (`warnings`), as openstacksdk skips it, but never silently.
    public init(environment: [String: String], currentDirectory: String,
                fileExists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) },
                isReadable: @escaping @Sendable (String) -> Bool = { FileManager.default.isReadableFile(atPath: $0) }) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.fileExists = fileExists
        self.isReadable = isReadable
    }

    /// The folders searched, in order, without duplicates.
    public var searchDirectories: [String] {
        let xdg = XDGDirectories(environment: environment)
        let siteBase = (environment["XDG_CONFIG_DIRS"] ?? "").split(separator: ":").first.map(String.init)
            .flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/etc/xdg"
        let candidates = [
            currentDirectory,
            (xdg.configHome as NSString).appendingPathComponent("openstack"),
            (xdg.home as NSString).appendingPathComponent(".config/openstack"),
            (siteBase as NSString).appendingPathComponent("openstack"),
            "/etc/openstack",
        ]
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }

    /// Every candidate path for a file stem, with the explicit override first.
    public func candidates(stem: String, overrideVariable: String?) -> [String] {
        var paths: [String] = []
        if let variable = overrideVariable, let explicit = environment[variable], !explicit.isEmpty {
            paths.append(explicit)
        }
        for directory in searchDirectories {
            for ext in ["yaml", "yml", "json"] {
                paths.append((directory as NSString).appendingPathComponent("\(stem).\(ext)"))
            }
        }
        return paths
    }

    /// The first readable clouds file (`OS_CLIENT_CONFIG_FILE` first).
    public var cloudsFile: String? { search(stem: "clouds", overrideVariable: "OS_CLIENT_CONFIG_FILE").found }
    /// The first readable secure file (`OS_CLIENT_SECURE_FILE` first).
    public var secureFile: String? { search(stem: "secure", overrideVariable: "OS_CLIENT_SECURE_FILE").found }
    /// The first readable vendor profile file.
    public var vendorFile: String? { search(stem: "clouds-public", overrideVariable: nil).found }

    /// One line for each clouds or secure file that exists but cannot be read and was skipped.
    public var warnings: [String] {
        (search(stem: "clouds", overrideVariable: "OS_CLIENT_CONFIG_FILE").skipped + search(stem: "secure", overrideVariable: "OS_CLIENT_SECURE_FILE").skipped)
            .map { "\($0) cannot be read; skipped it" }
    }

    /// The first readable candidate, and the existing but unreadable ones before it.
    private func search(stem: String, overrideVariable: String?) -> (found: String?, skipped: [String]) {
        var skipped: [String] = []
        for path in candidates(stem: stem, overrideVariable: overrideVariable) where fileExists(path) {
            if isReadable(path) { return (path, skipped) }
            skipped.append(path)
        }
        return (nil, skipped)
    }
}
