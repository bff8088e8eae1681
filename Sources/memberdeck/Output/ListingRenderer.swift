import Foundation
import TerminalText
import Yams

/// Turns a `Listing` into text in one of the five formats.
/// Table and value output are sanitised: every string in them came from a server.
enum ListingRenderer {
    static func render(_ listing: Listing, as format: OutputFormat) -> String {
        switch format {
        case .table: return listing.single ? fieldTable(listing) : table(listing)
        case .json: return json(listing)
        case .yaml: return yaml(listing)
        case .csv: return csv(listing)
        case .value: return value(listing)
        }
    }

    // MARK: table

    static func table(_ listing: Listing) -> String {
        let headings = listing.columns.map(\.heading)
        let rows = listing.records.map { record in
            listing.columns.map { TerminalSanitizer.sanitize(record[$0.key]?.text ?? "") }
        }
        return grid(headings: headings, rows: rows)
    }

    static func fieldTable(_ listing: Listing) -> String {
        guard let record = listing.records.first else { return "" }
        let rows = listing.columns.map { [$0.key, TerminalSanitizer.sanitize(record[$0.key]?.text ?? "")] }
        return grid(headings: ["Field", "Value"], rows: rows)
    }

    /// A plain grid: heading line, dashes, rows; columns aligned by display width.
    static func grid(headings: [String], rows: [[String]]) -> String {
        var widths = headings.map { DisplayWidth.of($0) }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                parts.append(index == cells.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[index]))
            }
            return parts.joined(separator: "  ")
        }
        var lines = [line(headings), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: value

    static func value(_ listing: Listing) -> String {
        if listing.single, let record = listing.records.first {
            return listing.columns.map { TerminalSanitizer.sanitize(record[$0.key]?.text ?? "") }.joined(separator: "\n") + "\n"
        }
        return listing.records.map { record in
            listing.columns.map { TerminalSanitizer.sanitize(record[$0.key]?.text ?? "") }.joined(separator: " ")
        }.map { $0 + "\n" }.joined()
    }

    // MARK: json

    static func json(_ listing: Listing) -> String {
        if listing.single, let record = listing.records.first { return jsonObject(record, indent: 0) + "\n" }
        guard !listing.records.isEmpty else { return "[]\n" }
        let items = listing.records.map { "  " + jsonObject($0, indent: 1) }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    static func jsonObject(_ record: Record, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        guard !record.fields.isEmpty else { return "{}" }
        let body = record.fields.map { "\(pad)\(jsonString($0.key)): \(jsonValue($0.value))" }.joined(separator: ",\n")
        return "{\n\(body)\n\(closing)}"
    }

    static func jsonValue(_ value: FieldValue) -> String {
        switch value {
        case let .string(s): return jsonString(s)
        case let .int(i): return String(i)
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        case let .list(items): return "[" + items.map(jsonString).joined(separator: ", ") + "]"
        }
    }

    /// JSON string escaping; control characters are escaped, so json output is always safe.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || (0x2028...0x2029).contains(scalar.value) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    // MARK: yaml

    static func yaml(_ listing: Listing) -> String {
        func node(_ record: Record) -> Node {
            .mapping(Node.Mapping(record.fields.map { (Node($0.key), yamlNode($0.value)) }))
        }
        let root: Node = listing.single && listing.records.count == 1
            ? node(listing.records[0])
            : .sequence(Node.Sequence(listing.records.map(node)))
        return (try? Yams.serialize(node: root, allowUnicode: true)) ?? ""
    }

    static func yamlNode(_ value: FieldValue) -> Node {
        switch value {
        case let .string(s): return Node(s, Tag(.str), .doubleQuoted)
        case let .int(i): return Node(String(i), Tag(.int))
        case let .bool(b): return Node(b ? "true" : "false", Tag(.bool))
        case .null: return Node("null", Tag(.null))
        case let .list(items): return .sequence(Node.Sequence(items.map { Node($0, Tag(.str), .doubleQuoted) }))
        }
    }

    // MARK: csv

    static func csv(_ listing: Listing) -> String {
        let keys = listing.columns.map(\.key)
        var lines = [keys.map(csvField).joined(separator: ",")]
        for record in listing.records {
            lines.append(keys.map { csvField(record[$0]?.text ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting. Values are kept exactly (scripts read them back).
    static func csvField(_ value: String) -> String {
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value.hasPrefix(" ") || value.hasSuffix(" ") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
