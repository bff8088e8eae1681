import ConsoleRuntime
import Foundation
import MembershipKit
import Sandbox

/// A sandbox on a private SQLite file and a free loopback port, with the demo data, for the runtime
/// to connect to as the console does. Each test gets its own, so tests run in parallel and may change
/// what they like.
final class RuntimeSandbox: Sendable {
    let sandbox: RunningSandbox
    let directory: String

    var urls: SandboxURLs { sandbox.urls }

    private init(sandbox: RunningSandbox, directory: String) {
        self.sandbox = sandbox
        self.directory = directory
    }

    /// Runs `body` with a fresh demo sandbox and always stops it.
    static func with<T: Sendable>(_ body: (RuntimeSandbox) async throws -> T) async throws -> T {
        let directory = NSTemporaryDirectory() + "memberdeck-runtime-test-" + UUID().uuidString.prefix(8)
        let database = try await SandboxDatabase.open(path: directory + "/sandbox.sqlite", seedIfNew: .demo)
        let harness = RuntimeSandbox(sandbox: try await SandboxServer.start(database: database), directory: directory)
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    func stop() async {
        await sandbox.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
