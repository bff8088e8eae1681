import HTTPTypes
import Hummingbird
import NIOCore

/// The per-request context of every sandbox route. Routes read the caller from headers themselves, since
/// each protocol authenticates its own way (Keystone token, Atmosphere token, Bonita session cookie).
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The listening socket's address, from which the sandbox's absolute URLs are built (`SandboxOrigin`).
    public let localAddress: SocketAddress?
    /// The connection, which a route refusing an endless body closes for reading: Hummingbird would
    /// otherwise read and drop the rest of the body, however long, before the next request.
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        localAddress = source.channel.localAddress
        channel = source.channel
    }

    /// How much of the body the routes read; each protocol's routes set their own (`BodyLimitMiddleware`).
    public var bodyLimit = SandboxBodyLimits.generic

    /// Hummingbird's own decoders, which the sandbox does not use, read no more than the routes do.
    public var maxUploadSize: Int { bodyLimit.bytes }
}
