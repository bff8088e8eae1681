import HTTPTypes
import Hummingbird

/// `GET /v3/domains` and `GET /v3/domains/{id}` (and their `HEAD`s) for the sandbox's one domain, under
/// Keystone 30's default policies as observed on the reference stack:
/// - listing domains (filtered by `name`, `enabled`) takes the admin role, else 403 `identity:list_domains`;
/// - a domain is read by an admin (404 `Could not find domain: ID.` when there is none) or by a token
///   scoped to a project in it; anyone else gets 403 `identity:get_domain`, whether it exists or not.
enum KeystoneDomainRoutes {
    static func add(to router: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        KeystoneAccess.getAndHead(router, "v3/domains") { request, _ in
            let caller = try await KeystoneAccess.caller(request, database)
            guard caller.isAdmin else { throw KeystoneAccess.forbidden("identity:list_domains") }
            var matches = true
            for (key, value) in request.orderedQuery {
                switch key {
                case "name": matches = matches && value == KeystoneDirectory.domainName
                case "enabled": matches = matches && ["true", "1", "yes", "on", ""].contains(value.lowercased())
                default: break
                }
            }
            return KeystoneAccess.list("domains", matches ? [body(request)] : [], request: request, path: "/domains")
        }
        KeystoneAccess.getAndHead(router, "v3/domains/:id") { request, context in
            let caller = try await KeystoneAccess.caller(request, database)
            let id = context.parameters.get("id") ?? ""
            // Every sandbox project is in the default domain, so any project-scoped token may read it.
            let inOwnDomain = caller.projectID != nil && id == KeystoneDirectory.domainID
            guard caller.isAdmin || inOwnDomain else { throw KeystoneAccess.forbidden("identity:get_domain") }
            guard id == KeystoneDirectory.domainID else { throw KeystoneFault(status: .notFound, message: "Could not find domain: \(id).") }
            return SandboxResponse.json(.object([("domain", body(request))]))
        }
    }

    static func body(_ request: Request) -> JSONValue {
        .object([
            ("id", .string(KeystoneDirectory.domainID)), ("name", .string(KeystoneDirectory.domainName)),
            ("description", .string("The default domain")), ("enabled", .bool(true)), ("tags", .array([])), ("options", .object([])),
            ("links", KeystoneAccess.link("/domains/" + KeystoneDirectory.domainID, request: request)),
        ])
    }
}
