import Foundation

/// A sandbox on a fresh SQLite file in its own temporary folder and a free loopback port, for tests
/// and rehearsals that may change what they like; `stop()` also removes the folder.
public struct TemporarySandbox: Sendable {
    public let running: RunningSandbox
    public let directory: String

    /// `label` names the folder (`memberdeck-LABEL-1a2b3c4d`), so a stray one says whose it is.
    public static func start(seed: SandboxSeed = .demo, label: String) async throws -> TemporarySandbox {
        let directory = NSTemporaryDirectory() + "memberdeck-\(label)-" + UUID().uuidString.prefix(8)
        let database = try await SandboxDatabase.open(path: directory + "/sandbox.sqlite", seedIfNew: seed)
        return TemporarySandbox(running: try await SandboxServer.start(database: database), directory: directory)
    }

    public func stop() async {
        await running.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `body` with a temporary sandbox and stops it however `body` ends.
    public static func with<T: Sendable>(seed: SandboxSeed = .demo, label: String, _ body: (TemporarySandbox) async throws -> T) async throws -> T {
        let sandbox = try await start(seed: seed, label: label)
        do {
            let result = try await body(sandbox)
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }
}
