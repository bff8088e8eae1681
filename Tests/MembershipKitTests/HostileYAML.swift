/// YAML texts that would exhaust memory or the stack of a reader without limits. Each composes
/// small: libyaml shares every aliased subtree, so only a walk over the tree blows up.
enum HostileYAML {
    /// "Billion laughs": `levels` anchors, each a list of `width` aliases of the one before
    /// (9 × 9 gives 9⁹ ≈ 387 million leaves), under `key` at the top level after `prefix`.
    static func laughs(key: String = "bomb", prefix: String = "", levels: Int = 9, width: Int = 9) -> String {
        var lines = [prefix, "l0: &l0 lol"]
        for level in 1...levels {
            let aliases = Array(repeating: "*l\(level - 1)", count: width).joined(separator: ", ")
            lines.append("l\(level): &l\(level) [\(aliases)]")
        }
        lines.append("\(key): *l\(levels)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A tree deeper than any limit built from aliases: each anchor nests the one before `depth`
    /// levels down (libyaml's own limit of 1,000 levels applies to each, not to the whole).
    static func deepAliases(key: String = "deep", prefix: String = "", anchors: Int = 100, depth: Int = 900) -> String {
        var lines = [prefix, "d0: &d0 bottom"]
        for anchor in 1...anchors {
            let open = String(repeating: "[", count: depth), close = String(repeating: "]", count: depth)
            lines.append("d\(anchor): &d\(anchor) \(open)*d\(anchor - 1)\(close)")
        }
        lines.append("\(key): *d\(anchors)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain nesting `depth` levels deep (within libyaml's limit).
    static func nested(key: String = "nested", prefix: String = "", depth: Int = 300) -> String {
        prefix + "\n\(key): " + String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth) + "\n"
    }

    /// Valid YAML larger than 1 MiB: `prefix`, then comment lines.
    static func oversized(prefix: String = "") -> String {
        prefix + "\n" + String(repeating: "# padding padding padding padding padding padding padding padding\n", count: 20_000)
    }
}
