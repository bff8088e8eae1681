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
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
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

    func memberdeck(_ arguments: String...) throws -> ProcessResult {
        try ProcessRunner.run(Self.memberdeckBinary, arguments, environment: environment)
    }

    func memberdeck(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(Self.memberdeckBinary, arguments, environment: environment.merging(extraEnvironment) { $1 })
    }

    func openstack(_ arguments: String...) throws -> ProcessResult {
        try ProcessRunner.run(ReferenceStack.openstackBinary, arguments, environment: environment)
    }
}
