import Foundation
import Testing

/// `memberdeck watch` running in the background, its stdout and stderr in files the test reads
/// while it runs. `timeout` bounds it: a watch that never sees its change ends with status 124.
struct WatchProcess {
    let stdoutPath: String
    let stderrPath: String
    let finished: Task<ProcessResult, any Error>

    init(cli: CLI, _ arguments: [String], extraEnvironment: [String: String] = [:], limit: Int = 90) {
        let base = cli.home + "/watch-\(UUID().uuidString.prefix(8))"
        stdoutPath = base + ".out"
        stderrPath = base + ".err"
        let command = "exec timeout \(limit) " + ([CLI.memberdeckBinary] + arguments).map(TmuxConsole.quote).joined(separator: " ")
            + " >" + TmuxConsole.quote(stdoutPath) + " 2>" + TmuxConsole.quote(stderrPath)
        let environment = cli.environment.merging(extraEnvironment) { $1 }
        finished = Task { try await ProcessRunner.run("/bin/sh", ["-c", command], environment: environment, captureOutput: false) }
    }

    var stdout: String { (FileManager.default.contents(atPath: stdoutPath)).map { String(decoding: $0, as: UTF8.self) } ?? "" }
    var stderr: String { (FileManager.default.contents(atPath: stderrPath)).map { String(decoding: $0, as: UTF8.self) } ?? "" }

    /// Waits until stderr holds `text` (the watch says when its baseline is taken).
    func waitForStderr(_ text: String, timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for '\(text)' on stderr; it was:\n\(stderr)", sourceLocation: sourceLocation)
        throw StackUnavailable(message: "timed out waiting for '\(text)'")
    }

    /// The exit status once it ended (bounded by `limit`), with what it printed.
    func result() async throws -> ProcessResult {
        var result = try await finished.value
        result.stdout = stdout
        result.stderr = stderr
        return result
    }

    /// stdout's JSON Lines.
    func jsonLines() -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}
