import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import NIOConcurrencyHelpers

/// Where and how the sandbox listens.
public struct SandboxListenOptions: Sendable {
    public var host: String
    /// 0 picks a free port.
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 0) {
        self.host = host
        self.port = port
    }
}

/// A sandbox running inside this process (the console's embedded default, and tests).
public final class RunningSandbox: Sendable {
    public let host: String
    public let port: Int
    public let database: SandboxDatabase
    public let environment: SandboxEnvironment
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(host: String, port: Int, database: SandboxDatabase, environment: SandboxEnvironment, group: ServiceGroup,
         task: Task<Void, any Error>) {
        self.host = host
        self.port = port
        self.database = database
        self.environment = environment
        self.group = group
        self.task = task
    }

    /// `http://127.0.0.1:PORT`, the root every service URL starts with.
    public var baseURL: String { SandboxURLs.base(host: host, port: port) }
    public var urls: SandboxURLs { SandboxURLs(base: baseURL) }

    /// Stops listening gracefully: requests in flight finish and idle connections close.
    ///
    /// Never by cancelling the serving task: a connection accepted but not yet handed to a handler
    /// when the task is cancelled is dropped with its NIOAsyncWriter unfinished, which traps
    /// ("Deinited NIOAsyncWriter without calling finish()", swift-nio #3481); the console hit it on
    /// about one quit in twelve.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// `stop()`, but gives up waiting after `limit`: at the console's exit a client that keeps a
    /// request open must not hold the terminal. The shutdown goes on; the process ends anyway.
    public func stop(waitingAtMost limit: Duration) async {
        await group.triggerGracefulShutdown()
        let finished = FirstOf()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let task = self.task
            Task {
                _ = try? await task.value
                if finished.claim() { done.resume() }
            }
            Task {
                try? await Task.sleep(for: limit)
                if finished.claim() { done.resume() }
            }
        }
    }
}

/// The service roots under one sandbox listener.
public struct SandboxURLs: Sendable {
    public let base: String
    public var identity: String { base + "/identity/v3" }
    public var image: String { base + "/image" }
    public var imageV1: String { base + "/image-v1" }
    public var rackspace: String { base + "/rackspace" }
    public var atmosphere: String { base + "/atmosphere" }
    public var bonita: String { base + "/bonita" }

    public init(base: String) { self.base = base }

    static func base(host: String, port: Int) -> String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)"
    }
}

public enum SandboxServer {
    /// Every route of every module, behind the origin and fault middleware.
    public static func router(environment: SandboxEnvironment) -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        router.add(middleware: OriginMiddleware())
        router.add(middleware: FaultMiddleware())
        router.add(middleware: WriteLatencyMiddleware(latency: environment.writeLatency))
        for module in SandboxDatabase.modules {
            module.addRoutes(to: router, environment: environment)
        }
        return router
    }

    /// Starts listening in the background and returns once the port is bound.
    public static func start(database: SandboxDatabase, listen: SandboxListenOptions = .init(), logger: Logger = quietLogger,
                             imageSizeCap: Int = SandboxEnvironment.defaultImageSizeCap) async throws -> RunningSandbox {
        let environment = SandboxEnvironment(database: database, throttle: ThrottleSwitch(), imageSizeCap: imageSizeCap)
        let ready = BoundPort()
        let app = Application(
            router: router(environment: environment),
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: nil),
            onServerRunning: { channel in await ready.resolve(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        // Run under a service group so that `stop` can shut the server down gracefully.
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            do { try await group.run() } catch {
                await ready.fail(error)
                throw error
            }
        }
        let port: Int
        do {
            port = try await ready.value()
        } catch {
            _ = try? await task.value
            throw error
        }
        return RunningSandbox(host: listen.host, port: port, database: database, environment: environment, group: group, task: task)
    }

    /// Serves until `stop` is requested, then shuts down gracefully (requests in flight finish) and
    /// returns; `onReady` gets the base URL once the port is bound.
    public static func serve(database: SandboxDatabase, listen: SandboxListenOptions, logger: Logger, stop: SandboxStop,
                             imageSizeCap: Int = SandboxEnvironment.defaultImageSizeCap,
                             onReady: @escaping @Sendable (String) -> Void) async throws {
        let environment = SandboxEnvironment(database: database, throttle: ThrottleSwitch(), imageSizeCap: imageSizeCap)
        let app = Application(
            router: router(environment: environment),
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: nil),
            onServerRunning: { channel in onReady(SandboxURLs.base(host: listen.host, port: channel.localAddress?.port ?? listen.port)) },
            logger: logger
        )
        // A graceful shutdown, not a cancellation: cancelling logs "Waiting on child channel:
        // CancellationError()" as an error on every normal stop.
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        await stop.attach(group)
        try await group.run()
    }

    /// A logger that drops everything: the embedded sandbox shares the terminal with the console.
    public static let quietLogger = Logger(label: "memberdeck.sandbox", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// Asks a running `serve` to stop gracefully; a request made before the server started stops it as it starts.
public actor SandboxStop {
    private var group: ServiceGroup?
    private var requested = false

    public init() {}

    public func request() async {
        requested = true
        await group?.triggerGracefulShutdown()
    }

    func attach(_ group: ServiceGroup) async {
        self.group = group
        if requested { await group.triggerGracefulShutdown() }
    }
}

/// Lets exactly one of several racing callers through (the first to claim).
private final class FirstOf: Sendable {
    private let claimed = NIOLockedValueBox(false)

    func claim() -> Bool {
        claimed.withLockedValue { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}

/// Hands the bound port (or the bind error) from the server task to `start`.
private actor BoundPort {
    private var result: Result<Int, any Error>?
    private var waiters: [CheckedContinuation<Int, any Error>] = []

    func resolve(_ port: Int) { finish(.success(port)) }
    func fail(_ error: any Error) { finish(.failure(error)) }

    func value() async throws -> Int {
        if let result { return try result.get() }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    private func finish(_ outcome: Result<Int, any Error>) {
        guard result == nil else { return }
        result = outcome
        for waiter in waiters { waiter.resume(with: outcome) }
        waiters.removeAll()
    }
}
