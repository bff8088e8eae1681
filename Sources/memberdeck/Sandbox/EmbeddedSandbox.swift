import Foundation
import MembershipKit
import Sandbox

/// The sandbox started inside this process: the console's default when no cloud is configured, and what
/// `--sandbox` asks for. Clients reach it through the normal SDK path (Keystone auth, catalog, Glance),
/// as a cloud named `sandbox`.
struct EmbeddedSandbox: Sendable {
    static let cloudName = "sandbox"

    let running: RunningSandbox
    let user: String

    /// Opens the data file (seeding the demo the first time) and listens on a free loopback port.
    static func start(xdg: XDGDirectories, user: String?) async throws -> EmbeddedSandbox {
        let userName = user ?? KeystoneDirectory.defaultUser
        guard KeystoneDirectory.user(named: userName) != nil else {
            throw MembershipError.configuration(.invalidValue(key: "--sandbox-user", detail: "no sandbox account named '\(userName)' (accounts: \(KeystoneDirectory.users.map(\.name).joined(separator: ", ")))"))
        }
        let database: SandboxDatabase
        do {
            database = try await SandboxDatabase.open(path: dataPath(xdg: xdg))
        } catch {
            throw MembershipError.configuration(.unsupported("the sandbox cannot start: \(error)"))
        }
        let running = try await SandboxServer.start(database: database)
        return EmbeddedSandbox(running: running, user: userName)
    }

    /// `$XDG_DATA_HOME/memberdeck/sandbox.sqlite`.
    static func dataPath(xdg: XDGDirectories) -> String {
        (xdg.memberdeckData as NSString).appendingPathComponent("sandbox.sqlite")
    }

    /// The cloud that logs in to this sandbox as `user`, in the user's own project.
    var cloud: CloudConfig {
        let account = KeystoneDirectory.user(named: user)!
        return .password(name: Self.cloudName, authURL: running.urls.identity, username: account.name, password: account.password,
                         projectName: account.project, domain: KeystoneDirectory.domainName, region: KeystoneDirectory.region)
    }

    /// Shuts the sandbox down at the console's exit, waiting at most two seconds for requests in flight.
    func stop() async { await running.stop(waitingAtMost: .seconds(2)) }
}
