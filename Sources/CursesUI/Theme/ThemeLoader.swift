import Foundation
import MembershipKit
import Yams

/// Reads a theme file:
///
/// ```yaml
/// name: default
/// roles:
///   selection: { fg: "#ffffff", bg: "#005f87", bold: true }
///   status.pending: { fg: yellow }
///   status.accepted: green          # a lone colour is the foreground
/// ```
///
/// The file is composed into nodes (not decoded) so every mistake is reported with its line:
/// unknown roles, unknown keys, bad colours and bad booleans are errors, never silently ignored.
public enum ThemeLoader {
    /// Style keys a role may set.
    static let styleKeys = ["fg", "bg", "bold", "underline", "reverse", "dim"]

    /// Loads a theme file; `source` (default: the path) names it in errors.
    public static func load(contentsOf url: URL, source: String? = nil) throws -> Theme {
        let source = source ?? url.path
        let text: String
        do throws(YAMLReadError) {
            text = try BoundedYAML.readText(path: url.path)
        } catch {
            throw ThemeError(source: source, line: error.line, message: error.problem)
        }
        let fallbackName = url.deletingPathExtension().lastPathComponent
        return try parse(text, source: source, defaultName: fallbackName)
    }

    /// Parses theme YAML. `defaultName` is used when the file has no `name:`.
    public static func parse(_ yaml: String, source: String, defaultName: String = "theme") throws -> Theme {
        let root: Node?
        do throws(YAMLReadError) {
            root = try BoundedYAML.compose(yaml, path: source)
        } catch {
            throw ThemeError(source: source, line: error.line, message: error.problem)
        }
        guard let root else { throw ThemeError(source: source, line: 1, message: "empty theme file") }
        guard let mapping = root.mapping else {
            throw ThemeError(source: source, line: root.mark?.line, message: "a theme is a mapping with 'name' and 'roles'")
        }
        var name = defaultName
        var styles: [Role: Style] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                guard let text = value.scalar?.string, !text.isEmpty else {
                    throw ThemeError(source: source, line: value.mark?.line ?? keyNode.mark?.line, message: "'name' must be text")
                }
                name = text
            case "description":
                continue
            case "roles":
                styles = try roles(value, source: source)
            default:
                throw ThemeError(source: source, line: keyNode.mark?.line, message: "unknown key '\(key)' (expected name, description, roles)")
            }
        }
        return Theme(name: name, styles: styles)
    }

    private static func roles(_ node: Node, source: String) throws -> [Role: Style] {
        if let scalar = node.scalar, isNull(scalar) { return [:] }
        guard let mapping = node.mapping else {
            throw ThemeError(source: source, line: node.mark?.line, message: "'roles' must map role names to styles")
        }
        var styles: [Role: Style] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            guard let role = Role(rawValue: name) else {
                throw ThemeError(source: source, line: keyNode.mark?.line, message: "unknown role '\(name)'")
            }
            styles[role] = try style(value, role: name, line: keyNode.mark?.line, source: source)
        }
        return styles
    }

    private static func style(_ node: Node, role: String, line: Int?, source: String) throws -> Style {
        if let scalar = node.scalar {
            // `role:` alone is the plain style; `role: red` sets the foreground.
            if isNull(scalar) { return .plain }
            return Style(foreground: try color(node, key: "fg", source: source))
        }
        guard let mapping = node.mapping else {
            throw ThemeError(source: source, line: node.mark?.line ?? line, message: "style of '\(role)' must be a mapping such as { fg: red, bold: true }")
        }
        var style = Style()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "fg": style.foreground = try color(value, key: key, source: source)
            case "bg": style.background = try color(value, key: key, source: source)
            case "bold": style.bold = try flag(value, key: key, source: source)
            case "underline": style.underline = try flag(value, key: key, source: source)
            case "reverse": style.reverse = try flag(value, key: key, source: source)
            case "dim": style.dim = try flag(value, key: key, source: source)
            default:
                throw ThemeError(source: source, line: keyNode.mark?.line,
                                 message: "unknown style key '\(key)' in '\(role)' (expected \(styleKeys.joined(separator: ", ")))")
            }
        }
        return style
    }

    private static func color(_ node: Node, key: String, source: String) throws -> ThemeColor {
        guard let scalar = node.scalar, !isNull(scalar) else {
            // An unquoted `#ffffff` is a YAML comment, which leaves the value empty.
            throw ThemeError(source: source, line: node.mark?.line, message: "\(key) has no colour (quote hex colours: \"#rrggbb\")")
        }
        guard let color = ThemeColor(parsing: scalar.string) else {
            throw ThemeError(source: source, line: node.mark?.line,
                             message: "bad colour '\(oneLine(scalar.string))' for \(key) (use \"#rrggbb\", a colour name such as red or bright-blue, 0-255, or default)")
        }
        return color
    }

    private static func flag(_ node: Node, key: String, source: String) throws -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            throw ThemeError(source: source, line: node.mark?.line,
                             message: "\(key) must be true or false, not '\(oneLine(node.scalar?.string ?? "a collection"))'")
        }
    }

    /// An empty value, `~` or `null` (unquoted).
    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.string.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string))
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
