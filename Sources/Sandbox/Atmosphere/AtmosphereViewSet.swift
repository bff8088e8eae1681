import HTTPTypes
import Hummingbird

/// A DRF viewset as the router sees it: its URL name, whether it answers anonymous reads, and the
/// actions of its collection route (`/<name>`) and detail route (`/<name>/<pk>`), by HTTP method.
struct AtmosphereViewSet: Sendable {
    typealias CollectionAction = @Sendable (AtmosphereCall) async throws -> Response
    typealias DetailAction = @Sendable (AtmosphereCall, String) async throws -> Response

    let name: String
    /// `AuthOptionalViewSet` / `IsAuthenticatedOrReadOnly`: GET needs no token. Otherwise every method does.
    let anonymousReads: Bool
    var collection: [(HTTPRequest.Method, CollectionAction)] = []
    var detail: [(HTTPRequest.Method, DetailAction)] = []
}
