import Yams

/// The `paging:` section of memberdeck's config.yaml:
///
///     paging:
///       max_items: 100000   # items one listing reads at most
///       max_pages: 5000     # pages one listing reads at most
public enum PagingSettings {
    static let ranges: [String: ClosedRange<Int>] = ["max_items": 1...10_000_000, "max_pages": 1...1_000_000]

    /// The limits of the text of a config.yaml; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws -> PagingLimits {
        let config: MemberdeckConfigFile
        do throws(YAMLReadError) { config = try MemberdeckConfigFile.parse(text, path: path) } catch { throw error.configurationError }
        return try limits(in: config)
    }

    /// The limits a config.yaml already read sets; the defaults for what it does not say.
    public static func limits(in config: MemberdeckConfigFile) throws(ConfigurationError) -> PagingLimits {
        guard let section = config.value(of: .paging) else { return PagingLimits() }
        guard case let .mapping(map) = section else { throw config.mistake(at: section, "paging must be a mapping (max_items, max_pages)") }
        var limits = PagingLimits()
        for (keyNode, valueNode) in map {
            let key = keyNode.string ?? ""
            guard let range = ranges[key] else { throw config.mistake(at: keyNode, "unknown paging setting '\(key)' (settings: max_items, max_pages)") }
            guard let number = valueNode.scalar.flatMap({ Int($0.string) }), range.contains(number) else {
                throw config.mistake(at: valueNode, "paging.\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(valueNode.scalar?.string ?? "a collection")'")
            }
            if key == "max_items" { limits.maximumItems = number } else { limits.maximumPages = number }
        }
        return limits
    }
}
