import Foundation

/// Finds clouds.yaml, secure.yaml and clouds-public.yaml in openstacksdk's search order
/// (`openstack/config/loader.py`): the current directory, the user config folder (honouring
/// `XDG_CONFIG_HOME`), `~/.config/openstack`, the site config folder (`XDG_CONFIG_DIRS`, default
/// `/etc/xdg`) and `/etc/openstack`; in each, `.yaml`, `.yml`, then `.json`.
public struct CloudFileLocator: Sendable {
    public let environment: [String: String]
    public let currentDirectory: String
    let fileExists: @Sendable (String) -> Bool

    public init(environment: [String: String], currentDirectory: String,
                fileExists: @escaping @Sendable (String) -> Bool = { FileManager.default.isReadableFile(atPath: $0) }) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.fileExists = fileExists
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

    /// The first existing clouds file (`OS_CLIENT_CONFIG_FILE` first).
    public var cloudsFile: String? { candidates(stem: "clouds", overrideVariable: "OS_CLIENT_CONFIG_FILE").first(where: fileExists) }
    /// The first existing secure file (`OS_CLIENT_SECURE_FILE` first).
    public var secureFile: String? { candidates(stem: "secure", overrideVariable: "OS_CLIENT_SECURE_FILE").first(where: fileExists) }
    /// The first existing vendor profile file.
    public var vendorFile: String? { candidates(stem: "clouds-public", overrideVariable: nil).first(where: fileExists) }
}
