import HTTPTypes
import Hummingbird
import NIOCore

/// The per-request context of every sandbox route. Routes read the caller from headers themselves, since
/// each protocol authenticates its own way (Keystone token, Atmosphere token, Bonita session cookie).
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The listening socket's address, from which the sandbox's absolute URLs are built (`SandboxOrigin`).
    public let localAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        localAddress = source.channel.localAddress
    }

    /// Request bodies are small JSON or form documents; anything past this is refused before parsing.
    public var maxUploadSize: Int { 1 << 20 }
}
