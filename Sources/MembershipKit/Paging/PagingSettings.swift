import Foundation
import Yams

/// The `paging:` section of memberdeck's config.yaml:
///
///     paging:
///       max_items: 100000   # items one listing reads at most
///       max_pages: 5000     # pages one listing reads at most
public enum PagingSettings {
    static let ranges: [String: ClosedRange<Int>] = ["max_items": 1...10_000_000, "max_pages": 1...1_000_000]

    /// The limits of the file at `path`; the defaults when it does not exist or says nothing.
    public static func load(path: String) throws -> PagingLimits {
        guard FileManager.default.fileExists(atPath: path) else { return PagingLimits() }
        let text: String
        do throws(YAMLReadError) { text = try BoundedYAML.readText(path: path) } catch {
            throw ConfigurationError.malformedFile(path: path, detail: error.detail)
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> PagingLimits {
        let root: Node?
        do throws(YAMLReadError) { root = try BoundedYAML.compose(text, path: path) } catch {
            throw ConfigurationError.malformedFile(path: path, detail: error.detail)
        }
        guard let root, case let .mapping(top) = root, let section = top.first(where: { $0.key.string == "paging" })?.value else {
            return PagingLimits()
        }
        func fail(_ node: Node, _ message: String) -> ConfigurationError {
            .malformedFile(path: path, detail: "line \(node.mark?.line ?? 0): \(message)")
        }
        if case let .scalar(scalar) = section, ["", "~", "null"].contains(scalar.string) { return PagingLimits() }
        guard case let .mapping(map) = section else { throw fail(section, "paging must be a mapping (max_items, max_pages)") }
        var limits = PagingLimits()
        for (keyNode, valueNode) in map {
            let key = keyNode.string ?? ""
            guard let range = ranges[key] else { throw fail(keyNode, "unknown paging setting '\(key)' (settings: max_items, max_pages)") }
            guard let number = valueNode.scalar.flatMap({ Int($0.string) }), range.contains(number) else {
                throw fail(valueNode, "paging.\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(valueNode.scalar?.string ?? "a collection")'")
            }
            if key == "max_items" { limits.maximumItems = number } else { limits.maximumPages = number }
        }
        return limits
    }
}
