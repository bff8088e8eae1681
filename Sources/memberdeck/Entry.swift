import ArgumentParser
import Foundation
import MembershipKit
import TerminalText

/// Runs the command line and maps every outcome to memberdeck's exit codes:
/// 0 done, 1 the server refused (or could not be reached, or a listing stopped early), 2 usage or
/// configuration error.
@main
enum Entry {
    static func main() async {
        TerminalLocale.adopt()
        let arguments = GlobalOptionHoisting.reorder(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try MemberdeckCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            // What was printed is right but not whole when a listing stopped early.
            exit(PagingWarnings.occurred ? 1 : 0)
        } catch {
            exit(report(error))
        }
    }

    /// Prints the error as one line on stderr and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let failure as CommandFailure:
            return failure.exitCode
        case let error as MembershipError:
            printError(error.description)
            switch error {
            case .configuration, .ambiguous, .invalidInput: return 2
            default: return 1
            }
        case let error as ConfigurationError:
            printError(error.description)
            return 2
        case let error as ManifestError:
            printError(error.description)
            return 2
        case let mistake as CommandLineMistake:
            printError(mistake.message)
            return 2
        default:
            let code = MemberdeckCommand.exitCode(for: error)
            let message = MemberdeckCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 2
        }
    }

    /// Something done on the way that the user did not ask for by name (an image made shared).
    static func printNote(_ message: String) {
        FileHandle.standardError.write(Data("memberdeck: note: \(TerminalSanitizer.sanitize(message))\n".utf8))
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("memberdeck: error: \(TerminalSanitizer.sanitize(message))\n".utf8))
    }
}

/// A wrong combination of arguments found while running (it depends on the endpoint's kind): one
/// line and exit 2, without the usage block that parse-time errors print.
struct CommandLineMistake: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A failure already reported to the user (bulk commands report each item themselves).
struct CommandFailure: Error {
    var exitCode: Int32
}
