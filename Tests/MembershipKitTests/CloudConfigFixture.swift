import Foundation
import MembershipKit

/// A sandbox for clouds.yaml resolution: a current directory, a HOME, an XDG_CONFIG_HOME and a
/// site folder (XDG_CONFIG_DIRS), all inside one temporary directory, and an explicit environment,
/// so that nothing depends on the real HOME or the process environment.
final class CloudFixture {
    let root: TemporaryDirectory
    let cwd: String
    let home: String
    let xdgConfigHome: String
    let siteBase: String

    init(_ label: String = #function) throws {
        root = try TemporaryDirectory(label)
        cwd = try root.makeDirectory("cwd")
        home = try root.makeDirectory("home")
        xdgConfigHome = try root.makeDirectory("xdg")
        siteBase = try root.makeDirectory("site")
    }

    /// `cwd`, `$XDG_CONFIG_HOME/openstack`, `~/.config/openstack`, `$XDG_CONFIG_DIRS/openstack`.
    var cwdDirectory: String { cwd }
    var xdgDirectory: String { (xdgConfigHome as NSString).appendingPathComponent("openstack") }
    var homeDirectory: String { (home as NSString).appendingPathComponent(".config/openstack") }
    var siteDirectory: String { (siteBase as NSString).appendingPathComponent("openstack") }

    /// The sandbox environment plus `extra` (which wins).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["HOME": home, "XDG_CONFIG_HOME": xdgConfigHome, "XDG_CONFIG_DIRS": siteBase]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Only files inside the sandbox exist for the locator, so a real /etc/openstack cannot leak in.
    func locator(_ extra: [String: String] = [:]) -> CloudFileLocator {
        let sandbox = root.path + "/"
        return CloudFileLocator(environment: environment(extra), currentDirectory: cwd,
                                fileExists: { $0.hasPrefix(sandbox) && FileManager.default.isReadableFile(atPath: $0) })
    }

    func loader(_ extra: [String: String] = [:]) -> CloudConfigLoader {
        CloudConfigLoader(locator: locator(extra))
    }

    /// Writes `name` into an absolute folder and returns the file's path.
    @discardableResult
    func write(_ contents: String, to directory: String, name: String = "clouds.yaml") throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(name)
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Writes clouds.yaml into the current directory.
    @discardableResult
    func writeClouds(_ contents: String, name: String = "clouds.yaml") throws -> String {
        try write(contents, to: cwd, name: name)
    }

    /// A clouds.yaml with one complete password cloud called `name`.
    static func singleCloud(_ name: String, extra: String = "") -> String {
        """
        clouds:
          \(name):
            auth:
              auth_url: https://keystone.example.com:5000/v3
              username: alice
              password: from-\(name)
              project_name: demo
              user_domain_name: Default
              project_domain_name: Default
        \(extra)
        """
    }
}
