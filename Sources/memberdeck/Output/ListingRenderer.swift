import Foundation
import TerminalText

/// Turns a `Listing` into text in one of the five formats. Every string in them came from a server, so
/// none may drive the terminal: all go through TerminalText's one escaper. Table, value and csv show the
/// console's visible escapes; json and yaml keep the exact string, with `\u` escapes.
enum ListingRenderer {
    /// `width`: the terminal's columns when standard output is one; a table wider than that is
    /// fitted by cutting its widest cells with `…` (json, yaml and csv always keep everything).
    static func render(_ listing: Listing, as format: OutputFormat, width: Int? = nil) -> String {
        switch format {
        case .table: return listing.single ? fieldTable(listing, width: width) : table(listing, width: width)
        case .json: return json(listing)
        case .yaml: return yaml(listing)
        case .csv: return csv(listing)
        case .value: return value(listing)
        }
    }

    // MARK: table

    static func table(_ listing: Listing, width: Int? = nil) -> String {
        let headings = listing.columns.map(\.heading)
        let rows = listing.records.map { record in
            listing.columns.map { TerminalSanitizer.sanitize(record[$0.key]?.text ?? "") }
        }
        return grid(headings: headings, rows: rows, maxWidth: width)
    }

    static func fieldTable(_ listing: Listing, width: Int? = nil) -> String {
        guard let record = listing.records.first else { return "" }
        let rows = listing.columns.map { [$0.key, TerminalSanitizer.sanitize(record[$0.key]?.text ?? "")] }
        return grid(headings: ["Field", "Value"], rows: rows, maxWidth: width)
    }

    /// Columns a fitted table never cuts below (a heading is never cut).
    static let narrowestColumn = 8

    /// A plain grid: heading line, dashes, rows; columns aligned by display width. With
    /// `maxWidth`, the widest column gives up a column at a time until the lines fit (or every
    /// column is down to its heading, or 8): its cells end in `…`.
    static func grid(headings: [String], rows: [[String]], maxWidth: Int? = nil) -> String {
        var widths = headings.map { DisplayWidth.of($0) }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        if let maxWidth {
            let floors = headings.map { max(DisplayWidth.of($0), narrowestColumn) }
            var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
            // One column at a time, so the widest columns end up equally wide (bounded: each turn cuts one).
            while total > maxWidth {
                guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                total -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                parts.append(index == cells.count - 1 ? DisplayWidth.truncate(cell, to: widths[index]) : DisplayWidth.pad(cell, to: widths[index]))
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

    /// A JSON string that is safe on a terminal and parses back to `text` exactly.
    static func jsonString(_ text: String) -> String { "\"" + TerminalSanitizer.escaped(text, as: .jsonString) + "\"" }

    static func jsonValue(_ value: FieldValue) -> String {
        switch value {
        case let .string(s): return jsonString(s)
        case let .int(i): return String(i)
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        case let .list(items): return "[" + items.map(jsonString).joined(separator: ", ") + "]"
        }
    }

    // MARK: yaml

    /// Block YAML written here rather than by Yams, whose emitter prints non-ASCII characters raw:
    /// every string is double-quoted with `yamlString`.
    static func yaml(_ listing: Listing) -> String {
        if listing.single, listing.records.count == 1 { return yamlMapping(listing.records[0], firstIndent: "", indent: "") }
        guard !listing.records.isEmpty else { return "[]\n" }
        return listing.records.map { yamlMapping($0, firstIndent: "- ", indent: "  ") }.joined()
    }

    /// `key: value` lines; the first starts with `firstIndent` (a list item's "- "), the rest with `indent`.
    static func yamlMapping(_ record: Record, firstIndent: String, indent: String) -> String {
        guard !record.fields.isEmpty else { return firstIndent + "{}\n" }
        return record.fields.enumerated().map { index, field in
            let lead = index == 0 ? firstIndent : indent
            switch field.value {
            case let .list(items) where !items.isEmpty:
                return lead + yamlKey(field.key) + ":\n" + items.map { indent + "- " + yamlString($0) + "\n" }.joined()
            default:
                return lead + yamlKey(field.key) + ": " + yamlScalar(field.value) + "\n"
            }
        }.joined()
    }

    /// API field names stay plain (`name:`) unless YAML would read them as something else.
    static func yamlKey(_ key: String) -> String {
        let identifier = key.first.map { $0.isASCII && $0.isLetter } == true && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let special: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        return identifier && !special.contains(key.lowercased()) ? key : yamlString(key)
    }

    /// A YAML double-quoted scalar that is safe on a terminal and parses back to `text` exactly.
    static func yamlString(_ text: String) -> String { "\"" + TerminalSanitizer.escaped(text, as: .yamlString) + "\"" }

    static func yamlScalar(_ value: FieldValue) -> String {
        switch value {
        case let .string(s): return yamlString(s)
        case let .int(i): return String(i)
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        case let .list(items): return "[" + items.map(yamlString).joined(separator: ", ") + "]"
        }
    }

    // MARK: csv

    /// Each value sanitised as the console shows it (a spreadsheet or `cat` must not obey an escape
    /// in an image name), then quoted; json and yaml keep the exact strings.
    static func csv(_ listing: Listing) -> String {
        let keys = listing.columns.map(\.key)
        var lines = [keys.map(csvField).joined(separator: ",")]
        for record in listing.records {
            lines.append(keys.map { csvField(TerminalSanitizer.sanitize(record[$0]?.text ?? "")) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting.
    static func csvField(_ value: String) -> String {
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value.hasPrefix(" ") || value.hasSuffix(" ") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
