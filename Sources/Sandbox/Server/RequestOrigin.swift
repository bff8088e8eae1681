import HTTPTypes
import Hummingbird
import NIOCore

/// `http://host:port` of the socket the request came in on: the address the sandbox listens on (for a
/// wildcard listener, the interface the client reached). Glance, Keystone and DRF build their absolute
/// links from the request's `Host` header, but a sandbox that did so would let any client forge the
/// catalog and send the next client's tokens elsewhere; the listening address cannot be forged.
///
/// It is a task-local so that every answer built while serving the request, errors included, reads it
/// without each route passing it down; `OriginMiddleware` sets it around the whole router.
enum SandboxOrigin {
    @TaskLocal static var current = "http://127.0.0.1"

    static func of(_ address: SocketAddress?) -> String? {
        guard let address, let host = address.ipAddress, let port = address.port else { return nil }
        return SandboxURLs.base(host: host, port: port)
    }
}

extension Request {
    /// The origin of the listening socket (see `SandboxOrigin`), whatever `Host` says.
    public var origin: String { SandboxOrigin.current }
}

/// Serves the request with `SandboxOrigin.current` set from the connection's local address.
struct OriginMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = SandboxOrigin.of(context.localAddress) else { return try await next(request, context) }
        return try await SandboxOrigin.$current.withValue(origin) { try await next(request, context) }
    }
}
