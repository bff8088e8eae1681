import Yams

/// Reads a manifest file into a `ManifestDocument`, refusing anything it does not understand (an
/// unknown key, a wrong type, a member of the wrong shape) with the file and line. The file goes
/// through `BoundedYAML`, so a hostile manifest cannot exhaust memory or the stack.
///
/// Two steps: `header` reads where the manifest applies (`cloud:`, `endpoint:`), so that the caller
/// can tell which system that is; `read` then checks the shares against that system's keys.
public enum ManifestReader {
    /// The composed file and where it applies.
    public struct Header {
        public let path: String
        public let cloud: Located<String>?
        public let endpoint: Located<String>?
        let root: [(key: String, value: Node, line: Int)]
    }

    public static func header(path: String) throws(ManifestError) -> Header {
        let root: Node?
        do { root = try BoundedYAML.composeFile(path: path) } catch {
            throw ManifestError(path: path, line: error.line, problem: error.problem)
        }
        guard let root else { throw ManifestError(path: path, line: nil, problem: "is empty: a manifest has a shares: list") }
        guard case .mapping = root else {
            throw ManifestError(path: path, line: root.mark?.line, problem: "must be a map with a shares: list, not \(describe(root))")
        }
        let entries = try pairs(root, path: path)
        func text(_ key: String) throws(ManifestError) -> Located<String>? {
            guard let entry = entries.first(where: { $0.key == key }) else { return nil }
            return Located(try scalarText(entry.value, key: key, path: path), line: entry.line)
        }
        let cloud = try text("cloud")
        let endpoint = try text("endpoint")
        if let cloud, endpoint != nil {
            throw ManifestError(path: path, line: cloud.line, problem: "cloud: and endpoint: exclude each other: a manifest applies to one place")
        }
        return Header(path: path, cloud: cloud, endpoint: endpoint, root: entries)
    }

    /// The whole manifest, checked against the keys of `system`.
    public static func read(_ header: Header, system: ManifestSystem) throws(ManifestError) -> ManifestDocument {
        let path = header.path
        var document = ManifestDocument(path: path, cloud: header.cloud, endpoint: header.endpoint)
        var shares: Node?
        for entry in header.root {
            guard system.topKeys.contains(entry.key) else {
                throw ManifestError(path: path, line: entry.line, problem: unknownKey(entry.key, in: "the top level", allowed: system.topKeys, system: system))
            }
            switch entry.key {
            case "member_quota":
                guard let quota = entry.value.int, entry.value.scalar?.style == .plain, quota > 0, quota <= 1_000_000 else {
                    throw ManifestError(path: path, line: entry.line, problem: "member_quota must be a whole number from 1 to 1000000, not \(describe(entry.value))")
                }
                document.memberQuota = quota
            case "shares": shares = entry.value
            default: break
            }
        }
        guard let shares else { throw ManifestError(path: path, line: nil, problem: "has no shares: list") }
        if case .scalar = shares, shares.null != nil { return document }
        guard case let .sequence(items) = shares else {
            throw ManifestError(path: path, line: shares.mark?.line, problem: "shares must be a list, not \(describe(shares))")
        }
        for item in items { document.shares.append(try share(item, system: system, path: path)) }
        return document
    }

    static func share(_ node: Node, system: ManifestSystem, path: String) throws(ManifestError) -> ManifestShare {
        let line = node.mark?.line ?? 0
        guard case .mapping = node else {
            throw ManifestError(path: path, line: line, problem: "each share must be a map with \(system.subjectKey): and members:, not \(describe(node))")
        }
        let entries = try pairs(node, path: path)
        for entry in entries where !system.shareKeys.contains(entry.key) {
            throw ManifestError(path: path, line: entry.line, problem: unknownKey(entry.key, in: "a share", allowed: system.shareKeys, system: system))
        }
        guard let subjectEntry = entries.first(where: { $0.key == system.subjectKey }) else {
            throw ManifestError(path: path, line: line, problem: "this share has no \(system.subjectKey): (\(system.rawValue) shares name one)")
        }
        let subject = Located(try scalarText(subjectEntry.value, key: system.subjectKey, path: path), line: subjectEntry.line)
        if NameGlob.isGlob(subject.value), !system.subjectGlobs {
            throw ManifestError(path: path, line: subject.line, problem: "\(system.rawValue) \(system.subjectKey)s cannot be globs: name each one")
        }
        var share = ManifestShare(line: line, subject: subject)
        for entry in entries {
            switch entry.key {
            case "exclusive": share.exclusive = try flag(entry, path: path)
            case "accept": share.accept = try flag(entry, path: path)
            case "make_shared": share.makeShared = try flag(entry, path: path)
            case "can_share": share.canShare = try flag(entry, path: path)
            case "members": share.members = try members(entry.value, line: entry.line, system: system, path: path)
            default: break
            }
        }
        return share
    }

    static func members(_ node: Node, line: Int, system: ManifestSystem, path: String) throws(ManifestError) -> [ManifestMember] {
        if case .scalar = node, node.null != nil { return [] }
        guard case let .sequence(items) = node else {
            throw ManifestError(path: path, line: line, problem: "members must be a list, not \(describe(node))")
        }
        var found: [ManifestMember] = []
        for item in items {
            let itemLine = item.mark?.line ?? line
            switch item {
            case .scalar where system != .bonita:
                found.append(ManifestMember(line: itemLine, reference: try scalarText(item, key: "a member", path: path)))
            case .mapping:
                found.append(try memberMap(item, line: itemLine, system: system, path: path))
            default:
                throw ManifestError(path: path, line: itemLine, problem: "a \(system.rawValue) member is \(system.memberNoun), not \(describe(item))")
            }
        }
        return found
    }

    static func memberMap(_ node: Node, line: Int, system: ManifestSystem, path: String) throws(ManifestError) -> ManifestMember {
        let entries = try pairs(node, path: path)
        for entry in entries where !system.memberKeys.contains(entry.key) {
            throw ManifestError(path: path, line: entry.line, problem: unknownKey(entry.key, in: "a member", allowed: system.memberKeys, system: system))
        }
        func text(_ key: String) throws(ManifestError) -> String? {
            guard let entry = entries.first(where: { $0.key == key }) else { return nil }
            return try scalarText(entry.value, key: key, path: path)
        }
        var member: ManifestMember
        switch system {
        case .glanceV2, .glanceV1:
            let project = try text("project"), id = try text("id")
            guard (project == nil) != (id == nil) else {
                throw ManifestError(path: path, line: line, problem: "a member map has project: (a name or id) or id: (taken as given), one of the two")
            }
            member = ManifestMember(line: line, reference: project ?? id ?? "", asID: id != nil)
            if let entry = entries.first(where: { $0.key == "can_share" }) { member.canShare = try flag(entry, path: path) }
        case .atmosphere:
            guard let group = try text("group") else { throw ManifestError(path: path, line: line, problem: "an Atmosphere member map has group:") }
            member = ManifestMember(line: line, reference: group)
        case .bonita:
            guard let group = try text("group"), let role = try text("role") else {
                throw ManifestError(path: path, line: line, problem: "a Bonita member has both group: (name, path or id) and role: (name or id)")
            }
            member = ManifestMember(line: line, reference: group, role: role)
        }
        return member
    }

    // MARK: nodes

    /// A map's entries with their lines; a key given twice is refused (YAML leaves it undefined).
    static func pairs(_ node: Node, path: String) throws(ManifestError) -> [(key: String, value: Node, line: Int)] {
        guard case let .mapping(mapping) = node else { return [] }
        var seen = Set<String>()
        var result: [(key: String, value: Node, line: Int)] = []
        for (key, value) in mapping {
            let line = key.mark?.line ?? node.mark?.line ?? 0
            guard case .scalar = key, let name = key.string else {
                throw ManifestError(path: path, line: line, problem: "keys must be plain words, not \(describe(key))")
            }
            guard seen.insert(name).inserted else { throw ManifestError(path: path, line: line, problem: "'\(name)' is given twice") }
            result.append((name, value, line))
        }
        return result
    }

    static func scalarText(_ node: Node, key: String, path: String) throws(ManifestError) -> String {
        guard case let .scalar(scalar) = node, node.null == nil || scalar.style != .plain, !scalar.string.isEmpty else {
            throw ManifestError(path: path, line: node.mark?.line, problem: "\(key) must be text, not \(describe(node))")
        }
        return scalar.string
    }

    static func flag(_ entry: (key: String, value: Node, line: Int), path: String) throws(ManifestError) -> Bool {
        guard case let .scalar(scalar) = entry.value, scalar.style == .plain, let value = entry.value.bool else {
            throw ManifestError(path: path, line: entry.line, problem: "\(entry.key) must be true or false, not \(describe(entry.value))")
        }
        return value
    }

    static func unknownKey(_ key: String, in place: String, allowed: [String], system: ManifestSystem) -> String {
        "unknown key '\(key)' in \(place) (\(system.rawValue) takes \(allowed.joined(separator: ", ")))"
    }

    /// A node as an error shows it: short, on one line.
    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar):
            if node.null != nil, scalar.style == .plain { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(text)'"
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
