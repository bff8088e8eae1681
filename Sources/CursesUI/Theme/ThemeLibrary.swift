import Foundation
import MembershipKit

/// Finds themes by name. Directories are searched in order, the first file wins:
/// `$XDG_CONFIG_HOME/memberdeck/themes`, the installed share folder
/// (`<executable dir>/../share/memberdeck/themes`), the repository's `themes/` (found by walking up
/// from the executable to a folder with `Package.swift` and `themes/`), then any directories the
/// caller adds. `default` and `monochrome` also exist built in, so no file is needed.
public struct ThemeLibrary: Sendable, Equatable {
    public let directories: [URL]

    /// Exactly these directories, in order of precedence (for tests and callers that know better).
    public init(directories: [URL]) {
        self.directories = directories
    }

    /// The standard search path for this environment and executable, then `additionalDirectories`.
    public init(environment: [String: String], executableURL: URL? = ThemeLibrary.currentExecutable(), additionalDirectories: [URL] = []) {
        var list: [URL] = []
        let xdg = XDGDirectories(environment: environment)
        list.append(URL(fileURLWithPath: xdg.memberdeckConfig).appendingPathComponent("themes"))
        if let folder = executableURL?.deletingLastPathComponent() {
            list.append(folder.deletingLastPathComponent().appendingPathComponent("share/memberdeck/themes"))
            if let repository = Self.repositoryThemes(from: folder) { list.append(repository) }
        }
        directories = Self.unique(list + additionalDirectories)
    }

    /// The running executable, with symbolic links resolved (so an installed link finds its share folder).
    public static func currentExecutable() -> URL? {
        (Bundle.main.executableURL ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0) })?.resolvingSymlinksInPath()
    }

    /// The `themes/` folder of the source tree the executable was built in: the nearest folder at or
    /// above `start` that holds both `Package.swift` and `themes/`.
    public static func repositoryThemes(from start: URL) -> URL? {
        let files = FileManager.default
        var folder = start.standardizedFileURL
        while true {
            let themes = folder.appendingPathComponent("themes")
            var isFolder: ObjCBool = false
            if files.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
               files.fileExists(atPath: themes.path, isDirectory: &isFolder), isFolder.boolValue {
                return themes
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Every theme that can be loaded by name, sorted (the built-in ones included).
    public func availableNames() -> [String] {
        var names = Set(Theme.builtinNames)
        for directory in directories {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for entry in entries {
                let url = URL(fileURLWithPath: entry)
                guard ["yaml", "yml"].contains(url.pathExtension) else { continue }
                let name = url.deletingPathExtension().lastPathComponent
                if Self.isValidName(name) { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// The file a theme name resolves to, if any.
    public func url(forTheme name: String) -> URL? {
        guard Self.isValidName(name) else { return nil }
        for directory in directories {
            for suffix in ["yaml", "yml"] {
                let url = directory.appendingPathComponent("\(name).\(suffix)")
                if FileManager.default.fileExists(atPath: url.path) { return url }
            }
        }
        return nil
    }

    /// Loads a theme by name; a broken file or an unknown name is an error naming file and line.
    public func load(named name: String) throws -> Theme {
        if let url = url(forTheme: name) { return try ThemeLoader.load(contentsOf: url) }
        if let builtin = Theme.builtin(named: name) { return builtin }
        throw ThemeError(source: name, message: "no theme named '\(name)' (available: \(availableNames().joined(separator: ", ")))")
    }

    /// Loads a theme by name, never failing: a theme that cannot be loaded gives the built-in one of
    /// that name, else the built-in default. Check with `load(named:)` first to report mistakes.
    public func theme(named name: String) -> Theme {
        (try? load(named: name)) ?? Theme.builtin(named: name) ?? .default
    }

    /// Names are file names without folders, so `:theme ../x` cannot reach outside the theme folders.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    }

    private static func unique(_ urls: [URL]) -> [URL] {
        var seen = Set<String>()
        return urls.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
