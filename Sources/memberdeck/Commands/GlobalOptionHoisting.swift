import ArgumentParser

/// Lets global options come before the subcommand (`memberdeck --os-cloud x members list IMG`),
/// as with `openstack`: swift-argument-parser only accepts a subcommand's options after its name,
/// so the leading global options are moved behind the subcommand path.
enum GlobalOptionHoisting {
    /// Options that take a value, and flags, that every command accepts.
    static let valued: Set<String> = ["--os-cloud", "--os-region-name", "-f", "--format", "--sandbox-user", "--endpoint"]
    static let flags: Set<String> = ["--debug", "--sandbox", "--no-wait"]

    static func reorder(_ arguments: [String], root: any ParsableCommand.Type = MemberdeckCommand.self) -> [String] {
        var hoisted: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if valued.contains(name) {
                hoisted.append(argument)
                if !argument.contains("="), index + 1 < arguments.count {
                    hoisted.append(arguments[index + 1])
                    index += 1
                }
            } else if flags.contains(argument) {
                hoisted.append(argument)
            } else {
                break
            }
            index += 1
        }
        guard !hoisted.isEmpty else { return arguments }
        let rest = Array(arguments[index...])
        let pathLength = subcommandPathLength(rest, root: root)
        return Array(rest.prefix(pathLength)) + hoisted + Array(rest.dropFirst(pathLength))
    }

    /// How many leading words name subcommands, walking the command tree.
    static func subcommandPathLength(_ words: [String], root: any ParsableCommand.Type) -> Int {
        var current = root
        var length = 0
        for word in words {
            let next = current.configuration.subcommands.first { command in
                let configuration = command.configuration
                let name = configuration.commandName ?? String(describing: command).lowercased()
                return name == word || configuration.aliases.contains(word)
            }
            guard let next else { break }
            current = next
            length += 1
        }
        return length
    }
}
