import Foundation
import Testing

/// Drives the real `memberdeck` console in a private tmux server, as an operator would:
/// `send-keys` to type, `capture-pane -p` to read the screen.
final class TmuxConsole: @unchecked Sendable {
    let socket: String
    let session = "md"
    let cli: CLI

    /// Starts `memberdeck ARGUMENTS` in a shell that prints `EXITED:<code>` when it ends, so the
    /// test can see the terminal left behind. `binary` is another memberdeck (an installed copy).
    init(_ arguments: [String], width: Int = 120, height: Int = 40, cli: CLI = CLI(), extraEnvironment: [String: String] = [:],
         binary: String = CLI.memberdeckBinary) throws {
        self.cli = cli
        socket = "md-e2e-\(getpid())-\(UUID().uuidString.prefix(6))"
        let environment = cli.environment.merging(extraEnvironment) { $1 }
        // The pane's TERM is tmux's own (tmux-256color), whatever the environment says.
        let command = ([binary] + arguments).map(Self.quote).joined(separator: " ")
        let script = "\(command); echo EXITED:$?; sleep 600"
        var tmuxArguments = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height)]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { tmuxArguments += ["-e", "\(key)=\(value)"] }
        tmuxArguments += ["sh", "-c", script]
        // The first command starts tmux's server, a daemon that would inherit the descriptors
        // Foundation watches to see the child end (and then never sees it end): Python closes
        // every descriptor above 2 before it becomes tmux (dash cannot close descriptors above 9).
        let closeAndExec = "import os, sys; os.closerange(3, 65536); os.execv(sys.argv[1], sys.argv[1:])"
        let started = try ProcessRunner.runBlocking("/usr/bin/env", ["python3", "-c", closeAndExec, "/usr/bin/tmux"] + tmuxArguments,
                                                    environment: Self.tmuxEnvironment(cli), captureOutput: false)
        guard started.status == 0 else { throw StackUnavailable(message: "tmux new-session failed with status \(started.status)") }
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static func tmuxEnvironment(_ cli: CLI) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": cli.home, "TMUX_TMPDIR": NSTemporaryDirectory()]
    }

    @discardableResult
    func tmux(_ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run("/usr/bin/tmux", arguments, environment: Self.tmuxEnvironment(cli))
    }

    /// Sends keys as tmux names them (`Tab`, `Enter`, `Escape`, `BTab`, `C-c`) or literal text.
    func send(_ keys: String...) async throws {
        try await tmux(["-L", socket, "send-keys", "-t", session] + keys)
    }

    /// Types text literally.
    func type(_ text: String) async throws {
        try await tmux(["-L", socket, "send-keys", "-t", session, "-l", text])
    }

    func screen() async throws -> String {
        try await tmux(["-L", socket, "capture-pane", "-p", "-t", session]).stdout
    }

    /// Lets programs in the pane set tmux's clipboard with OSC 52 (tmux keeps what they send as a
    /// paste buffer), as an operator's `set -g set-clipboard on` does.
    func acceptClipboard() async throws {
        try await tmux(["-L", socket, "set-option", "-g", "set-clipboard", "on"])
    }

    /// What the last OSC 52 sequence put on the clipboard (tmux's newest paste buffer), or nil.
    func clipboard() async throws -> String? {
        let result = try await tmux(["-L", socket, "show-buffer"])
        return result.status == 0 ? result.stdout : nil
    }

    func resize(width: Int, height: Int) async throws {
        try await tmux(["-L", socket, "resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// Waits until `condition` holds for the screen; fails the test with the last screen otherwise.
    @discardableResult
    /// The default wait is generous because it is only a bound: the full suite shares one
    /// single-worker Keystone and Glance, and a console's first inbox read can queue behind
    /// other suites' requests for well over 15 s. A screen that is already right returns at once.
    func waitFor(_ what: String, timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw StackUnavailable(message: "timed out waiting for \(what)")
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitFor("'\(text)'", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// The first screen line that contains `text`.
    static func line(containing text: String, in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains(text) }
    }

    /// The pid of memberdeck itself (the child of the pane's shell).
    func memberdeckPID() async throws -> Int32? {
        let shell = try await tmux(["-L", socket, "list-panes", "-t", session, "-F", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try await ProcessRunner.run("/usr/bin/pgrep", ["-P", shell, "-x", "memberdeck"], environment: ["PATH": "/usr/bin:/bin"])
        return Int32(children.stdout.split(separator: "\n").first ?? "")
    }

    func close() {
        _ = try? ProcessRunner.runBlocking("/usr/bin/tmux", ["-L", socket, "kill-server"], environment: Self.tmuxEnvironment(cli))
    }
}
