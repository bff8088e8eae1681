import Hummingbird

/// A delay before every change (POST, PUT, PATCH, DELETE) is answered, as over a slow link or a
/// busy server, so a client's in-flight state can be seen and rehearsed. Off unless set.
public actor WriteLatency {
    private var delay: Duration = .zero

    public init() {}

    public func set(_ delay: Duration) { self.delay = max(.zero, delay) }

    public func current() -> Duration { delay }
}

/// Holds each change for the `WriteLatency` in effect before routing it.
struct WriteLatencyMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let latency: WriteLatency

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if [.post, .put, .patch, .delete].contains(request.method) {
            let delay = await latency.current()
            if delay > .zero { try await Task.sleep(for: delay) }
        }
        return try await next(request, context)
    }
}
