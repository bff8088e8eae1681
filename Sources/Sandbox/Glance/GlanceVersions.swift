import HTTPTypes
import Hummingbird

/// Version discovery (`/`, `/versions`) and the answers Glance 33 gives to paths it does not serve:
/// `/v1/…` lists the versions with 300, `/v2` redirects to `/v2/`, and anything else is 404.
enum GlanceVersions {
    static let supported = ["v2.15", "v2.13", "v2.12", "v2.11", "v2.10", "v2.9", "v2.8", "v2.17", "v2.7", "v2.6", "v2.5",
                            "v2.4", "v2.3", "v2.2", "v2.1", "v2.0"]

    static func document(_ request: Request) -> JSONValue {
        let href = request.origin + GlanceModule.root + "/v2/"
        return .object([("versions", .array(supported.map { id in
            JSONValue.object([
                ("id", .string(id)), ("status", .string(id == "v2.17" ? "CURRENT" : "SUPPORTED")),
                ("links", .array([.object([("rel", .string("self")), ("href", .string(href))])])),
            ])
        }))])
    }

    static func add(to group: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        group.get("") { request, _ in SandboxResponse.json(document(request), status: .multipleChoices) }
        group.get("versions") { request, _ in SandboxResponse.json(document(request)) }
        group.get("v2") { request, _ in
            var headers: HTTPFields = [:]
            headers[.location] = request.origin + GlanceModule.root + "/v2/"
            return SandboxResponse.text("", status: .found, contentType: "text/plain; charset=utf8", headers: headers)
        }
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] {
            group.on("v1/**", method: method) { request, _ in SandboxResponse.json(document(request), status: .multipleChoices) }
            group.on("**", method: method) { request, _ -> Response in
                _ = try await GlanceAuth.caller(request, database: database)
                throw GlanceFault.notFound("The resource could not be found.")
            }
        }
    }
}

/// Every Glance answer but keystonemiddleware's 401 carries `x-openstack-request-id`; a path with a
/// trailing slash is not a route (`GET /v2/` is 404, after authentication).
struct GlanceRequestMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let database: SandboxDatabase

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            let path = request.uri.path
            if path.hasSuffix("/"), path != GlanceModule.root + "/" {
                _ = try await GlanceAuth.caller(request, database: database)
                throw GlanceFault.notFound("The resource could not be found.")
            }
            response = try await next(request, context)
        } catch let fault as GlanceFault {
            response = fault.response(for: request)
        }
        // Version discovery is answered before Glance's request-id middleware, as is keystonemiddleware's 401.
        let path = request.uri.path.dropFirst(GlanceModule.root.count)
        let discovery = path.isEmpty || path == "/" || path == "/versions" || path.hasPrefix("/v1/") || path == "/v1"
        if response.status != .unauthorized, !discovery, response.headers[.openstackRequestID] == nil {
            response.headers[.openstackRequestID] = Identifiers.requestID()
        }
        return response
    }
}
