import Foundation
import Yams

/// memberdeck's own config.yaml (`$XDG_CONFIG_HOME/memberdeck/config.yaml`), read and composed once for
/// all who need a part of it: the endpoints and paging limits (the SDK and the CLI) and the console's
/// settings. It is the one place that knows every top-level key, so a misspelt one is refused with its
/// line whichever of them reads the file; each section is then interpreted by its own reader
/// (`EndpointsFile`, `PagingSettings`, the console's `ConsoleConfigFile`).
///
/// Not `Sendable`: it holds Yams' nodes (for their lines). Readers take their sections at once.
public struct MemberdeckConfigFile {
    /// The top-level keys, in the order an error lists them.
    public enum Section: String, CaseIterable, Sendable {
        /// The console's: key bindings, refresh interval, theme, mouse, read-only mode, the bell.
        case keys, refresh, theme, mouse, readOnly = "read_only", bell
        /// Named endpoints of every kind (`EndpointsFile`).
        case endpoints
        /// How far one listing may go (`PagingSettings`).
        case paging
    }

    /// One top-level setting: its section, and the nodes of its key and value (which know their lines).
    public struct Entry {
        public let section: Section
        public let key: Node
        public let value: Node
    }

    public let path: String
    /// The settings in the order the file gives them.
    public let entries: [Entry]
    /// The file's permission bits when it was read from disk: a file holding secrets should be 0600.
    public let mode: Int?

    /// Reads and checks the file at `path`; a missing file is an empty one.
    public static func load(path: String) throws(YAMLReadError) -> MemberdeckConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return MemberdeckConfigFile(path: path, entries: [], mode: nil) }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
        return try parse(BoundedYAML.readText(path: path), path: path, mode: mode)
    }

    /// Checks the text of a config.yaml; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(YAMLReadError) -> MemberdeckConfigFile {
        try parse(text, path: path, mode: nil)
    }

    private static func parse(_ text: String, path: String, mode: Int?) throws(YAMLReadError) -> MemberdeckConfigFile {
        guard let root = try BoundedYAML.compose(text, path: path) else { return MemberdeckConfigFile(path: path, entries: [], mode: mode) }
        guard case let .mapping(mapping) = root else {
            throw YAMLReadError(path: path, line: root.mark?.line, problem: "the top level must be a mapping of settings")
        }
        var entries: [Entry] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard let section = Section(rawValue: name) else {
                let known = Section.allCases.map(\.rawValue).joined(separator: ", ")
                throw YAMLReadError(path: path, line: key.mark?.line, problem: "unknown setting '\(name)' (settings: \(known))")
            }
            entries.append(Entry(section: section, key: key, value: value))
        }
        return MemberdeckConfigFile(path: path, entries: entries, mode: mode)
    }

    /// The value of `section`, or nil when the file does not set it or leaves it empty (`paging:`, `~`, `null`).
    public func value(of section: Section) -> Node? {
        guard let value = entries.first(where: { $0.section == section })?.value else { return nil }
        if case let .scalar(scalar) = value, ["", "~", "null"].contains(scalar.string) { return nil }
        return value
    }

    /// A mistake at `node`, as the SDK reports configuration: `config.yaml: line 7: …`.
    public func mistake(at node: Node, _ message: String) -> ConfigurationError {
        .malformedFile(path: path, detail: "line \(node.mark?.line ?? 0): \(message)")
    }
}

extension YAMLReadError {
    /// The same problem as the SDK reports configuration: `config.yaml: line 3, column 1: …`.
    public var configurationError: ConfigurationError { .malformedFile(path: path, detail: detail) }
}
