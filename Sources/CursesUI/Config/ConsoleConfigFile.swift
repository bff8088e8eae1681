import Console
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
    /// Ring the terminal's bell when a new pending share arrives (`bell: false` keeps it quiet).
    public var bell: Bool = true

    public init() {}

    public struct LoadError: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let line: Int?
        public let message: String
        public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }

        public init(path: String, line: Int?, message: String) {
            self.path = path
            self.line = line
            self.message = message
        }

        /// The file could not be read, or it is not a mapping of known settings.
        public init(_ error: YAMLReadError) { self.init(path: error.path, line: error.line, message: error.problem) }
    }

    /// The console's settings in the text of a config.yaml; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(LoadError) -> ConsoleConfigFile {
        let config: MemberdeckConfigFile
        do throws(YAMLReadError) { config = try MemberdeckConfigFile.parse(text, path: path) } catch { throw LoadError(error) }
        return try ConsoleConfigFile(reading: config)
    }

    /// The console's settings in a config.yaml already read (MembershipKit's reader refuses unknown keys and
    /// owns the endpoints and paging sections).
    public init(reading file: MemberdeckConfigFile) throws(LoadError) {
        let path = file.path
        for entry in file.entries {
            let (keyNode, value) = (entry.key, entry.value)
            let line = keyNode.mark?.line
            func fail(_ message: String) -> LoadError { LoadError(path: path, line: value.mark?.line ?? line, message: message) }
            switch entry.section {
            case .refresh:
                if let text = value.string, text.lowercased() == "off" || text.lowercased() == "false" {
                    refreshInterval = .some(nil)
                } else {
                    let rule = NumericSetting.refreshInterval
                    do throws(NumericSetting.Refusal) {
                        if let number = value.float {
                            refreshInterval = .some(try rule.value(number))
                        } else {
                            refreshInterval = .some(try rule.value(value.scalar?.string ?? "a collection"))
                        }
                    } catch {
                        throw fail("refresh must be \(error.expectation) (or off), not '\(error.given)'")
                    }
                }
            case .theme:
                guard let name = value.string, !name.isEmpty else { throw fail("theme must be a theme name") }
                theme = name
            case .mouse:
                guard let flag = value.bool else { throw fail("mouse must be true or false") }
                mouse = flag
            case .readOnly:
                guard let flag = value.bool else { throw fail("read_only must be true or false") }
                readOnly = flag
            case .bell:
                guard let flag = value.bool else { throw fail("bell must be true or false") }
                bell = flag
            case .keys:
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
                        if let other = keyOverrides.first(where: { $0.value.contains(key) })?.key {
                            throw LoadError(path: path, line: actionLine, message: "key '\(key.label)' is bound to both \(other.rawValue) and \(actionName)")
                        }
                    }
                    keyOverrides[action] = keys
                }
            case .endpoints, .paging:
                // MembershipKit's (EndpointsFile, PagingSettings): the CLI uses them too.
                continue
            }
        }
    }
}
