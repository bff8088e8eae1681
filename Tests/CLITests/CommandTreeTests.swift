import ArgumentParser
import Testing
@testable import memberdeck

/// Every command names itself. Without `commandName` the argument parser derives the name from the
/// type's name with `String(describing:)`, which looks up protocol conformances at run time: in a
/// binary that links the Swift runtime and Foundation statically each lookup scans every
/// conformance record, and building the tree for any one command (even `--version`) did it for
/// all 35 commands, a fifth of a one-shot command's start-up.
@Suite("The command tree")
struct CommandTreeTests {
    /// Each command type with the path of names that leads to it.
    static func commands(_ command: any ParsableCommand.Type, path: [String] = []) -> [(path: [String], type: any ParsableCommand.Type)] {
        let name = command.configuration.commandName ?? "<\(command)>"
        let here = path + [name]
        return [(here, command)] + command.configuration.subcommands.flatMap { commands($0, path: here) }
    }

    @Test("every command and subcommand sets its name")
    func everyCommandIsNamed() {
        let all = Self.commands(MemberdeckCommand.self)
        #expect(all.count > 30)
        let unnamed = all.filter { $0.type.configuration.commandName == nil }.map { $0.path.joined(separator: " ") }
        #expect(unnamed == [], "commands without commandName: \(unnamed)")
    }

    @Test("the names are the ones users type")
    func namesAreTheDocumentedOnes() {
        let paths = Set(Self.commands(MemberdeckCommand.self).map { $0.path.joined(separator: " ") })
        for expected in ["memberdeck images list", "memberdeck members shared-with", "memberdeck members pending", "memberdeck shared-images",
                         "memberdeck memberships remove", "memberdeck projects alias", "memberdeck sandbox serve", "memberdeck config show",
                         "memberdeck endpoints list", "memberdeck watch", "memberdeck plan", "memberdeck apply", "memberdeck export"] {
            #expect(paths.contains(expected), "missing: \(expected)")
        }
    }
}
