import HTTPTypes
import Hummingbird

/// `GET /v2/schemas/{image,images,member,members}`: Glance's documents as Glance sends them. Any other
/// name falls through to Glance's 404 (`GlanceVersions`).
enum GlanceSchemaRoutes {
    static func add(to group: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        for (name, document) in GlanceSchemaDocuments.byName {
            let path = RouterPath("v2/schemas/" + name)
            group.get(path) { request, context in
                _ = try await GlanceAuth.caller(request, database: database)
                try GlanceBody.refuseBody(try await request.collectedBody(context: context))
                return SandboxResponse.text(document, status: .ok, contentType: "application/json")
            }
            for method in [HTTPRequest.Method.put, .post, .delete, .patch, .head] {
                group.on(path, method: method) { request, _ -> Response in
                    _ = try await GlanceAuth.caller(request, database: database)
                    throw GlanceFault.methodNotAllowed(method, allow: "GET")
                }
            }
        }
    }
}
