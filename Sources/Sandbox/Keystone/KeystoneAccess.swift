import HTTPTypes
import Hummingbird

/// What the identity routes share: the caller behind `X-Auth-Token` (401 without one), the policy's 403,
/// the list filters every sandbox project, user and domain answers alike, and the `HEAD` twin Keystone's
/// Flask serves for each `GET`.
enum KeystoneAccess {
    static func caller(_ request: Request, _ database: SandboxDatabase) async throws -> KeystoneCaller {
        guard let caller = try await database.keystoneCaller(token: request.header("X-Auth-Token")) else {
            throw KeystoneFault.unauthorized(request)
        }
        return caller
    }

    static func forbidden(_ action: String) -> KeystoneFault {
        KeystoneFault(status: .forbidden, message: "You are not authorized to perform the requested action: \(action).")
    }

    /// The `name` filter, and whether `domain_id` or `enabled` rule out everything: every sandbox project
    /// and user is enabled and in the default domain.
    static func filters(_ request: Request) -> (name: String?, matchesNothing: Bool) {
        var name: String?
        var matchesNothing = false
        for (key, value) in request.orderedQuery {
            switch key {
            case "name": name = value
            case "domain_id": matchesNothing = matchesNothing || value != KeystoneDirectory.domainID
            case "enabled": matchesNothing = matchesNothing || !["true", "1", "yes", "on", ""].contains(value.lowercased())
            default: break
            }
        }
        return (name, matchesNothing)
    }

    /// `{"<key>": […], "links": {"next": null, "self": …, "previous": null}}`; `self` keeps the query.
    static func list(_ key: String, _ items: [JSONValue], request: Request, path: String) -> Response {
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return SandboxResponse.json(.object([
            (key, .array(items)),
            ("links", .object([("next", .null), ("self", .string(request.origin + KeystoneModule.root + path + query)), ("previous", .null)])),
        ]))
    }

    static func link(_ path: String, request: Request) -> JSONValue {
        .object([("self", .string(request.origin + KeystoneModule.root + path))])
    }

    /// Registers `handler` for `GET` and for `HEAD`, which answers the same status and headers without a body
    /// (errors included: Keystone's `HEAD` 403 has no body either).
    static func getAndHead(_ router: RouterGroup<SandboxRequestContext>, _ path: RouterPath,
                           _ handler: @escaping @Sendable (Request, SandboxRequestContext) async throws -> Response) {
        router.get(path, use: handler)
        router.head(path) { request, context in
            do {
                return withoutBody(try await handler(request, context))
            } catch let fault as KeystoneFault {
                return withoutBody(fault.response(for: request))
            }
        }
    }

    private static func withoutBody(_ response: Response) -> Response {
        SandboxResponse.empty(status: response.status, headers: response.headers)
    }
}
