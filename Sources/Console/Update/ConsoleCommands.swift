import Foundation

/// The `:` commands, with Tab completion of names and arguments.
enum ConsoleCommands {
    /// The commands of every system; a system adds its own (`SystemModel.commands`).
    static let shared = ["cloud", "endpoint", "theme", "refresh", "log", "help", "q", "quit"]

    /// What `:` completes and runs on the connected system.
    static func names(_ state: ConsoleState) -> [String] {
        state.system.commands.flatMap(\.names) + shared
    }

    static func run(_ state: inout ConsoleState, _ text: String) -> [Effect] {
        let words = text.split(separator: " ").map(String.init)
        guard let name = words.first else { return [] }
        let argument = words.dropFirst().joined(separator: " ")
        if let command = state.system.command(name) { return runSystemCommand(&state, command, argument) }
        switch name {
        case "cloud":
            guard !argument.isEmpty else {
                guard !state.settings.availableClouds.isEmpty else {
                    ConsoleUpdate.flash(&state, "no clouds configured (clouds.yaml or OS_* variables)", .error)
                    return []
                }
                ConsoleUpdate.openCloudPicker(&state)
                return []
            }
            guard state.settings.availableClouds.isEmpty || state.settings.availableClouds.contains(argument) else {
                ConsoleUpdate.flash(&state, "unknown cloud '\(argument)'; available: \(state.settings.availableClouds.joined(separator: ", "))", .error)
                return []
            }
            state.chosenCloud = argument
            return [.switchCloud(argument)]
        case "endpoint":
            let endpoints = state.settings.availableEndpoints
            guard !argument.isEmpty else {
                ConsoleUpdate.flash(&state, endpoints.isEmpty ? "no endpoints in config.yaml" : ":endpoint needs a name (\(endpoints.joined(separator: ", ")))", .error)
                return []
            }
            guard endpoints.contains(argument) else {
                ConsoleUpdate.flash(&state, "unknown endpoint '\(argument)'; configured: \(endpoints.isEmpty ? "none" : endpoints.joined(separator: ", "))", .error)
                return []
            }
            state.chosenCloud = nil
            return [.switchEndpoint(argument)]
        case "theme":
            guard state.settings.availableThemes.contains(argument) else {
                ConsoleUpdate.flash(&state, "unknown theme '\(argument)'; available: \(state.settings.availableThemes.joined(separator: ", "))", .error)
                return []
            }
            state.settings.themeName = argument
            ConsoleUpdate.flash(&state, "theme \(argument)", .info)
        case "refresh":
            switch RefreshInterval.parse(argument) {
            case .some(.none):
                state.settings.refreshInterval = nil
                state.nextRefresh = nil
                ConsoleUpdate.flash(&state, "auto-refresh off", .info)
            case let .some(.some(seconds)):
                state.settings.refreshInterval = seconds
                state.nextRefresh = state.now.addingTimeInterval(seconds)
                ConsoleUpdate.flash(&state, "auto-refresh every \(argument) s", .info)
            case .none:
                ConsoleUpdate.flash(&state, ":refresh \(RefreshInterval.expectation), not '\(argument)'", .error)
            }
        case "log":
            ConsoleUpdate.openLog(&state)
        case "help":
            state.overlay = .help
        case "q", "quit":
            return ConsoleUpdate.quit(&state)
        default:
            ConsoleUpdate.flash(&state, "unknown command ':\(name)'; try :help", .error)
        }
        return []
    }

    /// A command of the connected system.
    static func runSystemCommand(_ state: inout ConsoleState, _ command: CommandSpec, _ argument: String) -> [Effect] {
        switch command.effect {
        case let .focus(pane):
            state.focus = pane
            return []
        case .imageScope:
            switch argument {
            case "", "mine": state.imageScope = .mine
            case "all": state.imageScope = .all
            default:
                ConsoleUpdate.flash(&state, ":\(command.names[0]) takes all or mine, not '\(argument)'", .error)
                return []
            }
            state.focus = .images
            return ConsoleUpdate.reloadPrimary(&state)
        case .inboxSpan:
            return ConsoleUpdate.inboxCommand(&state, command, argument)
        case .sweep:
            return ConsoleUpdate.sweepCommand(&state, command, argument)
        }
    }

    /// Completes the command name, then its argument, to the longest common prefix of the candidates.
    static func complete(_ text: String, state: ConsoleState) -> String {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if parts.count <= 1 {
            return extend(text, candidates: names(state), suffix: " ")
        }
        let command = parts[0]
        let argument = parts.dropFirst().joined(separator: " ")
        return command + " " + extend(argument, candidates: arguments(of: command, state: state), suffix: "")
    }

    /// What `command` takes after it.
    static func arguments(of command: String, state: ConsoleState) -> [String] {
        switch command {
        case _ where state.system.command(command) != nil: return state.system.command(command)?.arguments ?? []
        case "cloud": return state.settings.availableClouds
        case "endpoint": return state.settings.availableEndpoints
        case "theme": return state.settings.availableThemes
        case "refresh": return ["off", "5", "10", "30", "60"]
        default: return []
        }
    }

    /// The choices that match what is typed (commands, or the command's arguments), for Tab to
    /// show when it cannot complete; says so when there are none.
    static func choices(_ text: String, state: ConsoleState) -> String {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let (candidates, typed, what): ([String], String, String) = parts.count <= 1
            ? (names(state), text, "commands")
            : (arguments(of: parts[0], state: state), parts.dropFirst().joined(separator: " "), parts[0] == "endpoint" ? "endpoints in config.yaml" : parts[0] == "cloud" ? "clouds in clouds.yaml" : "choices")
        let matches = candidates.filter { $0.hasPrefix(typed) }
        guard !matches.isEmpty else { return "no \(what)" + (typed.isEmpty ? "" : " start with \(typed)") }
        return matches.joined(separator: "  ")
    }

    static func extend(_ prefix: String, candidates: [String], suffix: String) -> String {
        let matches = candidates.filter { $0.hasPrefix(prefix) }
        guard let first = matches.first else { return prefix }
        if matches.count == 1 { return first + suffix }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        return common.count > prefix.count ? common : prefix
    }
}
