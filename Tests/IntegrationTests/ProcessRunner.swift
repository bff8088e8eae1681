import Foundation

/// Runs a program to completion and captures its output.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// stdout parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
}

enum ProcessRunner {
    /// Foundation's `Process.run()` crashed (a bad pointer in its memcpy) when many tests started
    /// children at the same moment; launches take turns, the children still run side by side.
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

    /// - Parameter captureOutput: false for programs that leave a daemon behind (tmux's server would
    ///   keep the pipes open, and reading them would never end).
    static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String],
                            captureOutput: Bool = true) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        guard captureOutput else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try launch(process)
            process.waitUntilExit()
            return ProcessResult(status: process.terminationStatus, stdout: "", stderr: "")
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try launch(process)
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
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
