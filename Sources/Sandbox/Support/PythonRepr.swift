import Foundation

/// How Python prints a decoded JSON value, for messages the real servers build from a request's values:
/// `repr` (`'it'`, `None`, `True`, `{'a': [1]}`), `str` (a string bare, anything else as `repr`), and
/// `pprint.pformat(width=72, sort_dicts=False)`, which jsonschema uses in its error messages.
enum PythonRepr {
    static func repr(_ value: JSONValue) -> String {
        switch value {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let number): String(number)
        case .double(let number): float(number)
        case .string(let text): string(text)
        case .array(let items): "[" + items.map(repr).joined(separator: ", ") + "]"
        case .object(let pairs): "{" + pairs.map { string($0.0) + ": " + repr($0.1) }.joined(separator: ", ") + "}"
        }
    }

    /// `str(value)`, as `%s` formats it.
    static func str(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return repr(value)
    }

    /// Python's `repr` of a string: single quotes unless the text holds one and no double quote, and
    /// escapes for the quote, backslashes and what `str.isprintable` refuses.
    static func string(_ text: String) -> String {
        let quote: Unicode.Scalar = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        let body = text.escapingScalars { scalar in
            switch scalar {
            case quote, "\\": "\\" + String(scalar)
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default:
                isPrintable(scalar) ? nil
                    : scalar.value < 0x100 ? String(format: "\\x%02x", scalar.value)
                    : scalar.value < 0x10000 ? String(format: "\\u%04x", scalar.value) : String(format: "\\U%08x", scalar.value)
            }
        }
        return String(quote) + body + String(quote)
    }

    /// `str.isprintable`: everything but the "Other" and "Separator" categories, the ASCII space excepted.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
        default: return true
        }
    }

    /// Python's float repr: the shortest digits that read back, in exponent form below 1e-4 and from 1e16
    /// (`1.5`, `1e+20`, `1e-05`), which Swift's description shares.
    private static func float(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return "\(number)"
    }

    // MARK: pprint

    static let width = 72

    /// `pprint.pformat(value, width=72, sort_dicts=False)`.
    static func pformat(_ value: JSONValue) -> String {
        var out = ""
        format(value, into: &out, indent: 0, allowance: 0, level: 0)
        return out
    }

    private static func format(_ value: JSONValue, into out: inout String, indent: Int, allowance: Int, level: Int) {
        let rep = repr(value)
        guard length(rep) > width - indent - allowance else {
            out += rep
            return
        }
        switch value {
        case .string(let text): formatString(text, into: &out, indent: indent, allowance: allowance, level: level + 1)
        case .array(let items) where !items.isEmpty:
            out += "["
            formatItems(items, into: &out, indent: indent + 1, allowance: allowance + 1, level: level + 1)
            out += "]"
        case .object(let pairs) where !pairs.isEmpty:
            out += "{"
            formatPairs(pairs, into: &out, indent: indent + 1, allowance: allowance + 1, level: level + 1)
            out += "}"
        default: out += rep
        }
    }

    private static func formatItems(_ items: [JSONValue], into out: inout String, indent: Int, allowance: Int, level: Int) {
        for (index, item) in items.enumerated() {
            let last = index == items.count - 1
            if index > 0 { out += ",\n" + String(repeating: " ", count: indent) }
            format(item, into: &out, indent: indent, allowance: last ? allowance : 1, level: level)
        }
    }

    private static func formatPairs(_ pairs: [(String, JSONValue)], into out: inout String, indent: Int, allowance: Int, level: Int) {
        for (index, (key, value)) in pairs.enumerated() {
            let last = index == pairs.count - 1
            if index > 0 { out += ",\n" + String(repeating: " ", count: indent) }
            let keyRep = string(key)
            out += keyRep + ": "
            format(value, into: &out, indent: indent + length(keyRep) + 2, allowance: last ? allowance : 1, level: level)
        }
    }

    /// pprint's `_pprint_str`: a long string split into adjacent literals at whitespace, parenthesised at
    /// the top level.
    private static func formatString(_ text: String, into out: inout String, indent: Int, allowance: Int, level: Int) {
        var indent = indent, allowance = allowance
        if level == 1 {
            indent += 1
            allowance += 1
        }
        var chunks: [String] = []
        let lines = splitLinesKeepingEnds(text)
        var lastRep = ""
        for (lineIndex, line) in lines.enumerated() {
            let isLastLine = lineIndex == lines.count - 1
            let rep = string(line)
            lastRep = rep
            let maxWidth = width - indent - (isLastLine ? allowance : 0)
            if length(rep) <= maxWidth {
                chunks.append(rep)
                continue
            }
            let parts = wordsWithTrailingSpace(line)
            var current = ""
            for (partIndex, part) in parts.enumerated() {
                let candidate = current + part
                let limit = width - indent - (partIndex == parts.count - 1 && isLastLine ? allowance : 0)
                if length(string(candidate)) > limit {
                    if !current.isEmpty { chunks.append(string(current)) }
                    current = part
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { chunks.append(string(current)) }
        }
        guard chunks.count > 1 else {
            out += lastRep
            return
        }
        if level == 1 { out += "(" }
        out += chunks.joined(separator: "\n" + String(repeating: " ", count: indent))
        if level == 1 { out += ")" }
    }

    /// `str.splitlines(True)`.
    private static func splitLinesKeepingEnds(_ text: String) -> [String] {
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]
        var lines: [String] = [], current = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            current.unicodeScalars.append(scalar)
            if breaks.contains(scalar) {
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                    current.unicodeScalars.append("\n")
                    index += 1
                }
                lines.append(current)
                current = ""
            }
            index += 1
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `re.findall(r'\S*\s*', line)` without its final empty match.
    private static func wordsWithTrailingSpace(_ line: String) -> [String] {
        var parts: [String] = [], current = "", inSpace = false
        for scalar in line.unicodeScalars {
            let space = scalar.properties.isWhitespace
            if !space, inSpace {
                parts.append(current)
                current = ""
            }
            inSpace = space
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// Python's `len`: code points.
    private static func length(_ text: String) -> Int { text.unicodeScalars.count }
}
