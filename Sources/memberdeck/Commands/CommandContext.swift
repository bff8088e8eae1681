import Foundation
import Logging
import MembershipKit

/// Builds what a command needs from the global options and the environment.
struct CommandContext: Sendable {
    let options: GlobalOptions
    let environment: [String: String]
    let xdg: XDGDirectories
    /// config.yaml, read once.
    let configuration: ConfigSelection
    /// `--endpoint NAME` resolved once: a command asks several times (which kind? which client?),
    /// and config.yaml's warnings are printed only once.
    let endpointSelection: Result<EndpointConfig?, ConfigurationError>

    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
        xdg = XDGDirectories(environment: environment)
        loader = CloudConfigLoader(environment: environment)
        configuration = ConfigSelection(path: Self.configPath(xdg), environment: environment)
        endpointSelection = Self.resolveEndpoint(options.endpoint, in: configuration)
    }

    /// clouds.yaml and secure.yaml, each parsed once however often a command asks.
    let loader: CloudConfigLoader

    func cloud() throws -> CloudConfig {
        try loadCloud(options.cloud, region: options.region)
    }

    /// The cloud a command talks to: the embedded sandbox when `--sandbox` asks for it (started here and
    /// kept for the life of the process), otherwise the configured cloud.
    func target() async throws -> CommandTarget {
        if let endpoint = try selectedEndpoint() {
            guard endpoint.kind == .glance || endpoint.kind == .rackspace else {
                throw ConfigurationError.unsupported(Self.wrongKind(endpoint))
            }
            return CommandTarget(cloud: try keystoneCloud(for: endpoint), sandbox: nil, reportsRetries: endpoint.kind == .rackspace)
        }
        guard options.usesSandbox else { return CommandTarget(cloud: try cloud(), sandbox: nil) }
        let sandbox = try await EmbeddedSandbox.start(xdg: xdg, user: options.sandboxUser)
        return CommandTarget(cloud: sandbox.cloud, sandbox: sandbox)
    }

    /// The request log, when `--debug` asks for it.
    var requestLog: RequestLog? {
        guard options.debug else { return nil }
        let path = (xdg.memberdeckState as NSString).appendingPathComponent("memberdeck.log")
        var logger = Logger(label: "memberdeck.http") { label in FileLogHandler(label: label, path: path) }
        logger.logLevel = .debug
        return RequestLog(logger: logger)
    }

    /// The longest wait a command makes when a server asks for one (`Retry-After`): a script
    /// would rather wait out a rate limit than fail, but not forever.
    static let longestServerWait: Double = 900

    /// How commands retry: waits the server asks for are made (up to 15 minutes), or with
    /// `--no-wait` none is, and the command fails naming the wait.
    var retryPolicy: RetryPolicy { RetryPolicy(maxRetryAfter: options.noWait ? 0 : Self.longestServerWait) }

    /// A session for `cloud`. The sandbox's tokens are not cached: its port changes with every start.
    func session(for cloud: CloudConfig, sandbox: Bool = false, reportsRetries: Bool = false) throws -> OpenStackSession {
        try OpenStackSession.make(cloud: cloud, tokenCache: sandbox ? nil : TokenCache(xdg: xdg), retryPolicy: retryPolicy, requestLog: requestLog,
                                  onRetry: retryReporter(everyRetry: reportsRetries))
    }

    func glance() async throws -> GlanceV2Client {
        let target = try await target()
        return GlanceV2Client(session: try session(for: target.cloud, sandbox: target.sandbox != nil, reportsRetries: target.reportsRetries),
                              paging: try paging)
    }

    /// What to say when a command does not fit the endpoint's kind.
    static func wrongKind(_ endpoint: EndpointConfig) -> String {
        let use: String
        switch endpoint.kind {
        case .glance, .rackspace: use = "images and members"
        case .glanceV1: use = "members list|add|remove|replace and shared-images"
        case .atmosphere, .bonita: use = "memberships list|add|remove"
        }
        return "endpoint '\(endpoint.name)' is \(endpoint.kind.rawValue): use \(use)"
    }

    func emit(_ listing: Listing) {
        FileHandle.standardOutput.write(Data(ListingRenderer.render(listing, as: options.format, width: TerminalColumns.standardOutput()).utf8))
    }
}

/// The cloud a command uses, and the embedded sandbox behind it when there is one.
struct CommandTarget {
    let cloud: CloudConfig
    let sandbox: EmbeddedSandbox?
    /// Rackspace endpoints say on stderr when they wait for an over-limit answer to clear.
    var reportsRetries = false
}
