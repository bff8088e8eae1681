/// Writes exported shares as a manifest file that `ManifestReader` reads back to the same thing.
/// Every string came from a server: anything that is not a plain word is written double-quoted
/// with escapes, so no name can end a line, start a comment, or reach a terminal as a control.
public enum ManifestWriter {
    public struct Place: Sendable {
        /// `cloud` or `endpoint`, and its name; nil writes neither (the command line chose).
        public var key: String?
        public var name: String?
        public var description: String

        public init(key: String?, name: String?, description: String) {
            self.key = key
            self.name = name
            self.description = description
        }
    }

    public static func text(_ shares: [ExportedShare], system: ManifestSystem, place: Place, exportedAt: String) -> String {
        var lines = [
            "# memberdeck manifest: the \(system.rawValue) shares of \(comment(place.description)), exported \(exportedAt).",
            "# `memberdeck plan FILE` shows what applying it would change (nothing, until it is edited); docs/manifest.md has the format.",
        ]
        if let key = place.key, let name = place.name { lines.append("\(key): \(scalar(name))") }
        lines.append(shares.isEmpty ? "shares: []" : "shares:")
        for share in shares {
            lines.append("  - \(system.subjectKey): \(scalar(share.subject))" + trailing(share.comment))
            // The state as it is, whole: a member added elsewhere later shows in the plan as one to remove.
            lines.append("    exclusive: true")
            if system == .glanceV2 { lines.append("    accept: \(share.accept ?? false)") }
            guard !share.members.isEmpty else {
                lines.append("    members: []")
                continue
            }
            lines.append("    members:")
            for member in share.members { lines += memberLines(member, system: system) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func memberLines(_ member: ExportedMember, system: ManifestSystem) -> [String] {
        switch system {
        case .bonita:
            return ["      - group: \(scalar(member.reference))" + trailing(member.comment), "        role: \(scalar(member.role ?? ""))"]
        case .glanceV1:
            return ["      - \(member.asID ? "id" : "project"): \(scalar(member.reference))" + trailing(member.comment),
                    "        can_share: \(member.canShare ?? false)"]
        case .glanceV2, .atmosphere:
            if member.asID { return ["      - id: \(scalar(member.reference))" + trailing(member.comment)] }
            return ["      - \(scalar(member.reference))" + trailing(member.comment)]
        }
    }

    static func trailing(_ comment: String?) -> String {
        guard let comment, !comment.isEmpty else { return "" }
        return "  # " + Self.comment(comment)
    }

    /// Comment text on one line: controls and invisible formatting written as `\u{…}`.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { needsEscape($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())
    }

    /// A YAML scalar: plain where YAML reads it back as the same string, else double-quoted.
    public static func scalar(_ text: String) -> String {
        if isPlain(text) { return text }
        var quoted = "\""
        for unicode in text.unicodeScalars {
            switch unicode {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if needsEscape(unicode) {
                    quoted += unicode.value <= 0xFFFF ? "\\u" + hex(unicode.value, width: 4) : "\\U" + hex(unicode.value, width: 8)
                } else {
                    quoted.unicodeScalars.append(unicode)
                }
            }
        }
        return quoted + "\""
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func needsEscape(_ unicode: Unicode.Scalar) -> Bool {
        switch unicode.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    /// Letters, digits and `-._/@:` (no `: ` can form), not starting with a YAML indicator, and
    /// not a word YAML reads as something else (`true`, `null`, `1e3`, `0x10`).
    static func isPlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "/" else { return false }
        let allowed = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._/@".unicodeScalars.contains($0)) }
        guard allowed else { return false }
        let lower = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"].contains(lower) { return false }
        if Double(text) != nil || Int(text) != nil || lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") { return false }
        // Sexagesimal and dates (YAML 1.1 readers) start with digits: quote anything that begins with one and has a separator.
        if ("0"..."9").contains(first), text.contains(where: { "-:._".contains($0) }) { return false }
        return true
    }
}
