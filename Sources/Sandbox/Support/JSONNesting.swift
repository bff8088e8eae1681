import Foundation

/// How deeply a JSON document nests arrays and objects, counted without parsing it. Python's `json`
/// recurses once per level and fails past the interpreter's recursion limit, which the real servers do not
/// catch (observed on the reference stack: Glance answers its webob 500 past 918 levels, Keystone gunicorn's
/// 500 page past 926; the numbers depend on how deep the server's own stack already is). The sandbox's
/// decoder stops at 512 levels on its own, as malformed JSON.
enum JSONNesting {
    /// The deepest level reached, stopping early once `limit` is passed.
    static func depth(of data: Data, stoppingAfter limit: Int) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > limit { return deepest }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// Whether `data` nests deeper than `limit` levels.
    static func exceeds(_ data: Data, _ limit: Int) -> Bool { depth(of: data, stoppingAfter: limit) > limit }
}
