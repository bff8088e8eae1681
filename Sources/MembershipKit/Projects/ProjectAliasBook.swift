import Foundation
import Yams

/// `$XDG_CONFIG_HOME/memberdeck/projects.yaml`: names the user gave project ids, per Keystone (its
/// auth URL), because an id is the same project only on the same Keystone:
///
/// ```yaml
/// https://keystone.example.com/v3:
///   e5b7d4a63fc04ab1c26dae9f8a7b6c54: finance
/// ```
///
/// Written by `memberdeck projects alias ID NAME` and the console; a malformed file is an error
/// naming its line, never silently replaced.
public struct ProjectAliasBook: Sendable, Equatable {
    public let path: String
    /// Names by id, by normalised auth URL.
    public private(set) var names: [String: [String: String]]

    public init(path: String, names: [String: [String: String]] = [:]) {
        self.path = path
        self.names = names
    }

    public init(xdg: XDGDirectories) {
        self.init(path: (xdg.memberdeckConfig as NSString).appendingPathComponent("projects.yaml"))
    }

    /// `https://keystone/v3/` and `https://keystone` name the same Keystone.
    public static func normalise(authURL: String) -> String { KeystoneProjectReader.identityRoot(authURL: authURL) }

    /// The book as the file has it; an empty book when there is no file.
    public static func load(path: String) throws(YAMLReadError) -> ProjectAliasBook {
        guard FileManager.default.fileExists(atPath: path) else { return ProjectAliasBook(path: path) }
        let text = try BoundedYAML.readText(path: path)
        guard let root = try BoundedYAML.compose(text, path: path) else { return ProjectAliasBook(path: path) }
        guard let keystones = root.mapping else {
            throw YAMLReadError(path: path, line: root.mark.map { $0.line }, problem: "must map Keystone auth URLs to {project id: name}")
        }
        var names: [String: [String: String]] = [:]
        for (urlNode, projectsNode) in keystones {
            guard let url = urlNode.string, !url.isEmpty, let projects = projectsNode.mapping else {
                throw YAMLReadError(path: path, line: urlNode.mark.map { $0.line }, problem: "each auth URL maps project ids to names")
            }
            var byID: [String: String] = [:]
            for (idNode, nameNode) in projects {
                guard let id = idNode.string, !id.isEmpty, let name = nameNode.string, !name.isEmpty else {
                    throw YAMLReadError(path: path, line: idNode.mark.map { $0.line }, problem: "a project id maps to its name (text)")
                }
                byID[id] = name
            }
            names[normalise(authURL: url), default: [:]].merge(byID) { $1 }
        }
        return ProjectAliasBook(path: path, names: names)
    }

    public func name(of id: String, authURL: String) -> String? { names[Self.normalise(authURL: authURL)]?[id] }

    /// The ids the book gives `name` on this Keystone.
    public func ids(named name: String, authURL: String) -> [String] {
        (names[Self.normalise(authURL: authURL)] ?? [:]).filter { $0.value == name }.map(\.key).sorted()
    }

    public func all(authURL: String) -> [String: String] { names[Self.normalise(authURL: authURL)] ?? [:] }

    /// Names `id` (an empty name removes it).
    public mutating func set(_ name: String, for id: String, authURL: String) {
        let key = Self.normalise(authURL: authURL)
        if name.isEmpty { names[key]?[id] = nil } else { names[key, default: [:]][id] = name }
        if names[key]?.isEmpty == true { names[key] = nil }
    }

    /// Writes the book (0600, through a temporary file, so a crash never leaves half a file).
    public func save() throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var text = "# memberdeck: project names by Keystone auth URL (memberdeck projects alias ID NAME)\n"
        let sorted = names.keys.sorted().map { url in (url, names[url]!.sorted { $0.key < $1.key }) }
        for (url, projects) in sorted {
            text += try Yams.dump(object: url).trimmingCharacters(in: .newlines) + ":\n"
            for (id, name) in projects {
                let key = try Yams.dump(object: id).trimmingCharacters(in: .newlines)
                let value = try Yams.dump(object: name).trimmingCharacters(in: .newlines)
                text += "  \(key): \(value)\n"
            }
        }
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw MembershipError.configuration(.unsupported("\(path): cannot be written"))
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw MembershipError.configuration(.unsupported("\(path): cannot be written (\(String(cString: strerror(errno))))"))
        }
    }
}
