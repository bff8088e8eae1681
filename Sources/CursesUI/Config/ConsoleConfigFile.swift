import Console
import Foundation
import MembershipKit
import Yams

/// `$XDG_CONFIG_HOME/memberdeck/config.yaml`: key bindings, refresh interval, theme, mouse.
/// A wrong key or value is an error naming the file and line, never silently ignored.
public struct ConsoleConfigFile: Sendable, Equatable {
    public var keyOverrides: [Action: [KeyPress]] = [:]
    /// nil: the default; `.some(nil)`: `refresh: off`.
    public var refreshInterval: Double??
    public var theme: String?
    public var mouse: Bool = false
    public var readOnly: Bool = false

    public init() {}

    public struct LoadError: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let line: Int?
        public let message: String
        public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
    }

    static let knownSettings = ["keys", "refresh", "theme", "mouse", "read_only", "endpoints", "paging"]

    /// Reads the file; a missing file is the defaults.
    public static func load(path: String) throws -> ConsoleConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConsoleConfigFile() }
        let text: String
        do throws(YAMLReadError) { text = try BoundedYAML.readText(path: path) } catch {
            throw LoadError(path: path, line: error.line, message: error.problem)
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> ConsoleConfigFile {
        let root: Node?
        do throws(YAMLReadError) {
            root = try BoundedYAML.compose(text, path: path)
        } catch {
            throw LoadError(path: path, line: error.line, message: error.problem)
        }
        var config = ConsoleConfigFile()
        guard let root else { return config }
        guard case let .mapping(mapping) = root else {
            throw LoadError(path: path, line: root.mark?.line, message: "the top level must be a mapping of settings")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            func fail(_ message: String) -> LoadError { LoadError(path: path, line: value.mark?.line ?? line, message: message) }
            switch key {
            case "refresh":
                if let text = value.string, text.lowercased() == "off" || text.lowercased() == "false" {
                    config.refreshInterval = .some(nil)
                } else {
                    let rule = NumericSetting.refreshInterval
                    do throws(NumericSetting.Refusal) {
                        if let number = value.float {
                            config.refreshInterval = .some(try rule.value(number))
                        } else {
                            config.refreshInterval = .some(try rule.value(value.scalar?.string ?? "a collection"))
                        }
                    } catch {
                        throw fail("refresh must be \(error.expectation) (or off), not '\(error.given)'")
                    }
                }
            case "theme":
                guard let name = value.string, !name.isEmpty else { throw fail("theme must be a theme name") }
                config.theme = name
            case "mouse":
                guard let flag = value.bool else { throw fail("mouse must be true or false") }
                config.mouse = flag
            case "read_only":
                guard let flag = value.bool else { throw fail("read_only must be true or false") }
                config.readOnly = flag
            case "keys":
                guard case let .mapping(bindings) = value else { throw fail("keys must map actions to keys, e.g. accept: [a, ctrl-a]") }
                for (actionNode, keysNode) in bindings {
                    let actionName = actionNode.string ?? ""
                    let actionLine = actionNode.mark?.line
                    guard let action = Action(rawValue: actionName) else {
                        throw LoadError(path: path, line: actionLine, message: "unknown action '\(actionName)' (actions: \(Action.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    let names: [(String, Int?)]
                    switch keysNode {
                    case let .sequence(sequence): names = sequence.map { ($0.string ?? "", $0.mark?.line) }
                    default: names = [(keysNode.string ?? "", keysNode.mark?.line)]
                    }
                    var keys: [KeyPress] = []
                    for (name, keyLine) in names {
                        guard let key = KeyPress(name: name) else {
                            throw LoadError(path: path, line: keyLine ?? actionLine, message: "unknown key '\(name)' for \(actionName) (e.g. a, ctrl-a, shift-tab, enter, space, f5, pgdn)")
                        }
                        keys.append(key)
                    }
                    for key in keys {
                        if let other = config.keyOverrides.first(where: { $0.value.contains(key) })?.key {
                            throw LoadError(path: path, line: actionLine, message: "key '\(key.label)' is bound to both \(other.rawValue) and \(actionName)")
                        }
                    }
                    config.keyOverrides[action] = keys
                }
            case "endpoints", "paging":
                // Read by MembershipKit (EndpointsFile, PagingSettings): the CLI uses them too.
                continue
            default:
                throw LoadError(path: path, line: line, message: "unknown setting '\(key)' (settings: \(knownSettings.joined(separator: ", ")))")
            }
        }
        return config
    }
}
