import Foundation
import HTTPTypes
import Hummingbird

/// Routes everything under `/atmosphere` the way Atmosphere's URLconf and DRF's `DefaultRouter
/// (trailing_slash=False)` do: `/auth`, and `/api/v2/<resource>[/<pk>]` also mounted as
/// `/api/<resource>[/<pk>]`. Like DRF it authenticates and checks permissions before it looks at the
/// method (so an anonymous PUT is 403, an authenticated one 405), and answers unknown paths, trailing
/// slashes included, with `{"detail":"Not found."}`.
struct AtmosphereDispatch: Sendable {
    let viewSets: [AtmosphereViewSet]
    let database: SandboxDatabase

    /// The methods the sandbox routes to Atmosphere at all; others get Hummingbird's own 404.
    static let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]

    func respond(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let prefix = AtmosphereModule.root + "/"
        let path = request.uri.path
        guard path.hasPrefix(prefix) else { throw AtmosphereFault.notFound }
        let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).removingPercentEncoding ?? String($0) }
        if parts == ["auth"] {
            guard request.method == .post else { throw AtmosphereFault.methodNotAllowed(request.method.rawValue, allowed: ["POST"]) }
            return try await AtmosphereAuthView.post(request, context: context, database: database)
        }
        guard parts.first == "api", !parts.contains("") else { throw AtmosphereFault.notFound }
        var route = parts.dropFirst()
        if route.first == "v2" { route = route.dropFirst() }
        guard let name = route.first else { return try apiRoot(request) }
        guard route.count <= 2, let viewSet = viewSets.first(where: { $0.name == name }) else { throw AtmosphereFault.notFound }

        let caller = try await authenticate(request)
        if caller == nil && !(viewSet.anonymousReads && request.method == .get) { throw AtmosphereFault.notAuthenticated }
        let call = AtmosphereCall(request: request, context: context, caller: caller, database: database)
        if route.count == 1 {
            guard let action = viewSet.collection.first(where: { $0.0 == request.method })?.1 else {
                throw AtmosphereFault.methodNotAllowed(request.method.rawValue, allowed: viewSet.collection.map(\.0.rawValue))
            }
            return try await action(call)
        }
        guard let action = viewSet.detail.first(where: { $0.0 == request.method })?.1 else {
            throw AtmosphereFault.methodNotAllowed(request.method.rawValue, allowed: viewSet.detail.map(\.0.rawValue))
        }
        return try await action(call, route[route.startIndex + 1])
    }

    /// The caller behind `Authorization: Token <key>`; an unknown or expired token is no caller at all
    /// (Atmosphere's authenticators fall through to anonymous, and the permission check then says 403).
    private func authenticate(_ request: Request) async throws -> AtmosphereCaller? {
        guard let key = AtmosphereTokens.key(fromAuthorization: request.headers[.authorization]) else { return nil }
        return try await database.read { db in try AtmosphereTokens.caller(key: key, in: db) }
    }

    /// DRF's API root: each resource's collection URL.
    private func apiRoot(_ request: Request) throws -> Response {
        guard request.method == .get else { throw AtmosphereFault.methodNotAllowed(request.method.rawValue, allowed: ["GET"]) }
        let links = AtmosphereLinks(origin: request.origin)
        return AtmosphereCall.json(.object(viewSets.map { ($0.name, .string(links.collection($0.name))) }))
    }
}
