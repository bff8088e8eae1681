import HTTPTypes
import Hummingbird

/// The per-request context of every sandbox route. Routes read the caller from headers themselves, since
/// each protocol authenticates its own way (Keystone token, Atmosphere token, Bonita session cookie).
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Request bodies are small JSON or form documents; anything past this is refused before parsing.
    public var maxUploadSize: Int { 1 << 20 }
}
