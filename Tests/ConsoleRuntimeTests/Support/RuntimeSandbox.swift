import ConsoleRuntime
import Foundation
import MembershipKit
import Sandbox

/// A sandbox on a private SQLite file and a free loopback port, with the demo data, for the runtime
/// to connect to as the console does. Each test gets its own, so tests run in parallel and may change
/// what they like.
struct RuntimeSandbox: Sendable {
    let sandbox: RunningSandbox

    var urls: SandboxURLs { sandbox.urls }

    /// Runs `body` with a fresh demo sandbox and always stops it.
    static func with<T: Sendable>(_ body: (RuntimeSandbox) async throws -> T) async throws -> T {
        try await TemporarySandbox.with(label: "runtime-test") { try await body(RuntimeSandbox(sandbox: $0.running)) }
    }
}
