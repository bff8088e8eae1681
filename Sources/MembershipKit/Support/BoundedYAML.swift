import Foundation
import Yams

/// The one YAML reader of memberdeck: clouds.yaml, secure.yaml, clouds-public.yaml, config.yaml and
/// themes all go through it. A file in the current folder is read before any other (openstacksdk's
/// search order), so a hostile `./clouds.yaml` must not be able to exhaust memory or the stack:
///
/// - the text may be at most `Limits.maxBytes` long (the file is never read past that);
/// - the composed tree may hold at most `Limits.maxNodes` nodes, counting every alias as the copy it
///   stands for (Yams shares an aliased subtree, so a "billion laughs" file composes small, but any
///   walk over it, such as building a `ConfigValue`, visits every copy);
/// - no alias may be a mapping key (`AliasKeyScan`: Yams hashes keys whole while composing);
/// - it may nest at most `Limits.maxDepth` levels (libyaml already stops at 1,000 while composing; an
///   alias can still deepen a tree past that, and every walker here recurses).
///
/// Once `compose` returns, a walk over the tree is bounded by these limits. Composing happens on a
/// thread of its own with a large stack: a refused tree is freed there, and Swift frees nested
/// values recursively, one level after another (aliases let a 1 MiB file nest ~500,000 levels).
public enum BoundedYAML {
    public struct Limits: Sendable, Equatable {
        public var maxBytes: Int
        public var maxNodes: Int
        public var maxDepth: Int

        public init(maxBytes: Int = 1 << 20, maxNodes: Int = 100_000, maxDepth: Int = 256) {
            self.maxBytes = maxBytes
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
        }

        public static let standard = Limits()
    }

    /// Reads a text file of at most `limits.maxBytes` bytes; never reads more than one byte past it,
    /// so a huge file (or `/dev/zero`) costs no memory.
    public static func readText(path: String, limits: Limits = .standard) throws(YAMLReadError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw YAMLReadError(path: path, problem: "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limits.maxBytes + 1) ?? Data() } catch {
            throw YAMLReadError(path: path, problem: "cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= limits.maxBytes else { throw tooLarge(path: path, limits: limits) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLReadError(path: path, problem: "is not UTF-8 text")
        }
        return text
    }

    /// Composes YAML (or JSON) text into nodes, refusing text past the limits. Returns nil for an
    /// empty document. `path` names the file in errors.
    public static func compose(_ text: String, path: String, limits: Limits = .standard) throws(YAMLReadError) -> Node? {
        guard text.utf8.count <= limits.maxBytes else { throw tooLarge(path: path, limits: limits) }
        return try LargeStackThread.run { composeAndCheck(text, path: path, limits: limits) }.get()
    }

    private static func composeAndCheck(_ text: String, path: String, limits: Limits) -> Result<Node?, YAMLReadError> {
        if let line = AliasKeyScan.firstAliasKey(in: text) {
            return .failure(YAMLReadError(path: path, line: line, problem: "uses an alias as a mapping key, which memberdeck does not accept"))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            return .failure(YAMLReadError(path: path, yamlError: error))
        } catch {
            return .failure(YAMLReadError(path: path, problem: "not valid YAML: \(error)"))
        }
        guard let root else { return .success(nil) }
        var budget = NodeBudget(limits: limits, path: path)
        do throws(YAMLReadError) { try budget.visit(root, depth: 1) } catch { return .failure(error) }
        return .success(root)
    }

    /// Reads and composes a file (`readText` then `compose`).
    public static func composeFile(path: String, limits: Limits = .standard) throws(YAMLReadError) -> Node? {
        try compose(try readText(path: path, limits: limits), path: path, limits: limits)
    }

    private static func tooLarge(path: String, limits: Limits) -> YAMLReadError {
        YAMLReadError(path: path, problem: "is larger than \(limits.maxBytes / 1024) KiB; memberdeck reads no configuration file that large")
    }
}

/// Counts the nodes of a composed tree as a walker would meet them (an alias once per use) and stops
/// at the first one past the limits. Recursion is at most `maxDepth` deep.
private struct NodeBudget {
    let limits: BoundedYAML.Limits
    let path: String
    var visited = 0

    init(limits: BoundedYAML.Limits, path: String) {
        self.limits = limits
        self.path = path
    }

    mutating func visit(_ node: Node, depth: Int) throws(YAMLReadError) {
        visited += 1
        guard visited <= limits.maxNodes else {
            throw YAMLReadError(path: path, line: node.mark?.line,
                                problem: "has more than \(limits.maxNodes) values once its aliases are expanded (an alias bomb?)")
        }
        guard depth <= limits.maxDepth else {
            throw YAMLReadError(path: path, line: node.mark?.line, problem: "nests deeper than \(limits.maxDepth) levels")
        }
        switch node {
        case .scalar, .alias:
            return
        case let .mapping(mapping):
            for (key, value) in mapping {
                try visit(key, depth: depth + 1)
                try visit(value, depth: depth + 1)
            }
        case let .sequence(sequence):
            for item in sequence { try visit(item, depth: depth + 1) }
        }
    }
}
