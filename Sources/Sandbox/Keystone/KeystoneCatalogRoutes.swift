import HTTPTypes
import Hummingbird

/// `GET /v3/auth/catalog` (and `HEAD`): the catalog of the caller's token. Keystone 30 refuses it to an
/// unscoped token with a 403 that names no policy (observed on the reference stack).
enum KeystoneCatalogRoutes {
    static func add(to router: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        KeystoneAccess.getAndHead(router, "v3/auth/catalog") { request, _ in
            let caller = try await KeystoneAccess.caller(request, database)
            guard caller.projectID != nil else {
                throw KeystoneFault(status: .forbidden, message: "You are not authorized to perform the requested action.")
            }
            return SandboxResponse.json(.object([
                ("catalog", KeystoneModule.catalog(origin: request.origin)),
                ("links", KeystoneAccess.link("/auth/catalog", request: request)),
            ]))
        }
    }
}
