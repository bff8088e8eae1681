import Foundation
import TerminalText

/// Turns a `SecretSource` into the secret: a literal as is, a command by running it with `/bin/sh -c`
/// (see `ShellCommand`) and taking its first output line (as `pass`, `gopass`, `op read`,
/// `secret-tool lookup` print it), without its `\r\n`.
public enum SecretResolver {
    /// How long a command may take unless its endpoint sets `password_command_timeout`.
    public static let defaultTimeout: Double = 30

    /// - Parameters:
    ///   - what: names the setting in errors ("password_command of endpoint atmo").
    ///   - timeout: seconds before the command and everything it started are killed.
    public static func resolve(_ source: SecretSource, what: String, timeout: Double = defaultTimeout) throws -> String {
        switch source {
        case .literal(let value):
            return value
        case .command(let command):
            func fail(_ reason: String) -> ConfigurationError {
                .invalidValue(key: what, detail: "`\(command)` \(reason)")
            }
            let result: ShellCommand.Result
            do throws(ShellCommand.LaunchFailure) { result = try ShellCommand(command: command, timeout: timeout).run() } catch {
                throw fail("could not start: \(error.description)")
            }
            // The first line of stderr says why; stdout is the secret and is never shown.
            let why = firstLine(result.stderr).map { ": " + TerminalSanitizer.sanitize($0) } ?? ""
            switch result.outcome {
            case .timedOut: throw fail("timed out after \(NumericSetting.format(timeout)) s")
            case .signalled(let signal): throw fail("was killed by signal \(signal)\(why)")
            case .exited(let status) where status != 0: throw fail("failed with exit status \(status)\(why)")
            case .exited: break
            }
            guard let line = firstLine(result.stdout) else { throw fail("printed nothing\(why)") }
            return line
        }
    }

    /// The first line without its line ending; nil when it is empty.
    static func firstLine(_ bytes: [UInt8]) -> String? {
        var line = bytes.prefix { $0 != UInt8(ascii: "\n") }
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
    }
}
