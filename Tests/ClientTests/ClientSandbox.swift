import Foundation
import MembershipKit
import Sandbox

/// A sandbox on a private SQLite file and a free loopback port, for the SDK's clients to talk to.
/// Each test gets its own, so tests run in parallel without sharing data.
struct ClientSandbox: Sendable {
    let sandbox: RunningSandbox

    var urls: SandboxURLs { sandbox.urls }

    /// Runs `body` with a fresh sandbox (demo data unless told otherwise) and always stops it.
    static func with<T: Sendable>(seed: SandboxSeed = .demo, _ body: (ClientSandbox) async throws -> T) async throws -> T {
        try await TemporarySandbox.with(seed: seed, label: "client-test") { try await body(ClientSandbox(sandbox: $0.running)) }
    }

    /// A transport as the CLI builds it (no retries unless asked).
    func transport(retryPolicy: RetryPolicy = .never, onRetry: (@Sendable (RetryNotice) -> Void)? = nil) throws -> any HTTPTransport {
        try TransportStack.make(tls: CloudConfig.TLS(), timeout: 30, retryPolicy: retryPolicy, onRetry: onRetry)
    }

    /// The Keystone cloud of a sandbox account, for the OpenStack-based clients (Glance v1, Rackspace).
    func cloud(_ user: String, imageRoot: String? = nil) -> CloudConfig {
        let account = KeystoneDirectory.user(named: user)!
        var cloud = CloudConfig.password(name: "sandbox-\(user)", authURL: urls.identity, username: account.name, password: account.password,
                                         projectName: account.project, domain: KeystoneDirectory.domainName, region: KeystoneDirectory.region)
        cloud.imageEndpointOverride = imageRoot
        return cloud
    }

    func session(_ user: String, imageRoot: String? = nil, retryPolicy: RetryPolicy = .never,
                 onRetry: (@Sendable (RetryNotice) -> Void)? = nil) throws -> OpenStackSession {
        try OpenStackSession.make(cloud: cloud(user, imageRoot: imageRoot), tokenCache: nil, retryPolicy: retryPolicy, onRetry: onRetry)
    }
}
