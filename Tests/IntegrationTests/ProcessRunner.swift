import Foundation
import MembershipKit

/// Runs a program to completion and captures its output.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The child's peak resident memory in KiB (`ru_maxrss` from `wait4`).
    var peakMemoryKiB: Int = 0

    /// stdout parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
}

enum ProcessRunner {
    /// The few long-running children (sandbox servers, openssl) still use Foundation's `Process`,
    /// whose `run()` crashed when several tests launched at once: those launches take turns.
    private static let launchLock = NSLock()

    static func launch(_ process: Process) throws {
        launchLock.lock()
        defer { launchLock.unlock() }
        try process.run()
    }

    /// Runs the program on a Dispatch thread: waiting for a child must never block one of Swift's
    /// few cooperative threads (the test runner has one per core, and every test shares them).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    captureOutput: Bool = true) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(executable, arguments, environment: environment, captureOutput: captureOutput) })
            }
        }
    }

    /// Runs a program with posix_spawn, its output going to temporary files.
    ///
    /// Foundation's `Process` crashed the test process twice in CI when many tests ran children at
    /// once: a bad pointer inside `Process.run()`, and `readDataToEndOfFile()` aborting on EINTR
    /// (its SIGCHLD handling interrupts reads). Spawning directly avoids both; files instead of pipes
    /// mean no read can block on a child's full pipe, nor on a daemon (tmux's server) that keeps it.
    /// - Parameter captureOutput: false sends the output to /dev/null.
    static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String],
                            captureOutput: Bool = true) throws -> ProcessResult {
        let base = NSTemporaryDirectory() + "md-run-\(UUID().uuidString.prefix(12))"
        let outPath = captureOutput ? base + ".out" : "/dev/null"
        let errPath = captureOutput ? base + ".err" : "/dev/null"
        defer {
            if captureOutput {
                try? FileManager.default.removeItem(atPath: outPath)
                try? FileManager.default.removeItem(atPath: errPath)
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else of this process (its sockets, event loops, other children's files) goes along,
        // and the child starts with no signal blocked (test threads may block some) and default handlers.
        SpawnSetup.closeInheritedDescriptors(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        SpawnSetup.resetSignals(&attributes)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw StackUnavailable(message: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw StackUnavailable(message: "waitpid failed for \(executable): \(String(cString: strerror(errno)))") }
        }
        // Exited: its code; killed by a signal: 128 + the signal, as a shell reports it.
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        func read(_ path: String) -> String {
            guard captureOutput, let data = FileManager.default.contents(atPath: path) else { return "" }
            return String(decoding: data, as: UTF8.self)
        }
        let stdout = read(outPath), stderr = read(errPath)
        return ProcessResult(status: exitCode, stdout: stdout, stderr: stderr, peakMemoryKiB: usage.ru_maxrss)
    }
}

/// The built `memberdeck` and the reference stack's `openstack`, each with a private HOME and XDG folders.
struct CLI {
    let home: String

    init() {
        home = NSTemporaryDirectory() + "md-cli-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    static var memberdeckBinary: String {
        if let path = ProcessInfo.processInfo.environment["MEMBERDECK_BIN"] { return path }
        // Tests/IntegrationTests/ProcessRunner.swift → package root → .build/debug/memberdeck
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/memberdeck").path
    }

    var environment: [String: String] {
        var environment: [String: String] = [
            "HOME": home,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "XDG_CACHE_HOME": home + "/cache",
            "XDG_STATE_HOME": home + "/state",
            "XDG_CONFIG_HOME": home + "/config",
            "LANG": "C.UTF-8",
        ]
        environment["OS_CLIENT_CONFIG_FILE"] = ReferenceStack.cloudsFile
        return environment
    }

    func memberdeck(_ arguments: String...) async throws -> ProcessResult {
        try await ProcessRunner.run(Self.memberdeckBinary, arguments, environment: environment)
    }

    func memberdeck(_ arguments: [String], extraEnvironment: [String: String] = [:]) async throws -> ProcessResult {
        try await ProcessRunner.run(Self.memberdeckBinary, arguments, environment: environment.merging(extraEnvironment) { $1 })
    }

    func openstack(_ arguments: String...) async throws -> ProcessResult {
        try await ProcessRunner.run(ReferenceStack.openstackBinary, arguments, environment: environment)
    }
}
