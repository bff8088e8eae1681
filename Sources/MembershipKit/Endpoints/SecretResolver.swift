import Foundation

/// Turns a `SecretSource` into the secret: a literal as is, a command by running it with `/bin/sh -c`
/// and taking its first output line (as `pass`, `gopass`, `op read`, `secret-tool lookup` print it).
public enum SecretResolver {
    public static func resolve(_ source: SecretSource, what: String) throws -> String {
        switch source {
        case .literal(let value):
            return value
        case .command(let command):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            do { try process.run() } catch {
                throw ConfigurationError.invalidValue(key: what, detail: "cannot run /bin/sh: \(error.localizedDescription)")
            }
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let reason = String(decoding: err, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "no message"
                throw ConfigurationError.invalidValue(key: what, detail: "the command failed with exit \(process.terminationStatus): \(reason)")
            }
            guard let line = String(decoding: out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first,
                  !line.isEmpty else {
                throw ConfigurationError.invalidValue(key: what, detail: "the command printed nothing")
            }
            return String(line)
        }
    }
}
