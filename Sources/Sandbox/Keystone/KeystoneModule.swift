import Foundation
import GRDB
import HTTPTypes
import Hummingbird

/// The Keystone v3 subset: password and token authentication with a service catalog, token validation
/// and revocation, the catalog on its own, and reading projects, users and the domain (one's own, or any
/// for an admin). Served under `/identity/v3`.
public enum KeystoneModule: SandboxModule {
    static let root = "/identity/v3"

    public static func registerMigrations(in migrator: inout DatabaseMigrator) { KeystoneSchema.register(in: &migrator) }
    public static var tables: [String] { KeystoneSchema.tables }
    public static func seed(_ seed: SandboxSeed, in db: Database) throws { try KeystoneSchema.seed(in: db) }

    public static func addRoutes(to router: Router<SandboxRequestContext>, environment: SandboxEnvironment) {
        let database = environment.database
        let router = router.group("identity").add(middleware: RequestLineLimitMiddleware(root: "/identity"))
            .add(middleware: BodyLimitMiddleware(limit: bodyLimit)).add(middleware: KeystoneRequestIDMiddleware())
        router.get("v3") { request, _ in versionDocument(request) }
        router.post("v3/auth/tokens") { request, context in
            let attempt = try KeystoneAuthAttempt.parse(try await request.collectedBody(context: context))
            let issued = try await database.write { db in try authenticate(attempt, in: db) }
            guard let issued else { throw KeystoneFault.unauthorized(request) }
            return SandboxResponse.json(tokenBody(issued, request: request), status: .created,
                                        headers: KeystoneTokenRoutes.subjectHeaders(issued))
        }
        KeystoneTokenRoutes.add(to: router, database: database)
        KeystoneProjectRoutes.add(to: router, database: database)
        KeystoneUserRoutes.add(to: router, database: database)
        KeystoneDomainRoutes.add(to: router, database: database)
        KeystoneCatalogRoutes.add(to: router, database: database)
    }

    /// oslo.middleware's sizelimit in front of Keystone: `max_request_body_size` (114688 bytes by default).
    /// A `Content-Length` past it is refused before Keystone sees the request (no request id, and the
    /// message's `%s` left unfilled, as observed on Keystone 30); a longer body without one is cut while read.
    static let bodyLimit = BodyLimit(bytes: 114_688) { announced in
        WebobFault(status: WebobFault.requestEntityTooLarge,
                   detail: announced ? "Request is too large. Larger than max_request_body_size (%s)." : "Request is too large. Larger than 114688.")
    }

    /// Checks the credentials and the scope; nil means 401 (Keystone does not say which part was wrong).
    static func authenticate(_ attempt: KeystoneAuthAttempt, in db: Database) throws -> KeystoneTokens.Issued? {
        let userID: String
        var inheritedProject: String?
        switch attempt.identity {
        case let .password(id, name, domain, password):
            if let domain, domain != KeystoneDirectory.domainName, domain != KeystoneDirectory.domainID { return nil }
            let row = try Row.fetchOne(db, sql: "SELECT id, password, enabled FROM ks_user WHERE \(id != nil ? "id" : "name") = \(ExactText.placeholder)",
                                       arguments: [ExactText.argument(id ?? name ?? "")])
            guard let row, row["password"] as String == password, row["enabled"] as Bool else { return nil }
            userID = row["id"]
        case .token(let tokenID):
            guard let token = try KeystoneTokens.lookup(tokenID, in: db) else {
                // Keystone tells a string that is no token at all from a token that is no longer valid.
                throw KeystoneFault.tokenNotFound(tokenID)
            }
            userID = token.caller.userID
            inheritedProject = token.caller.projectID
        }
        let projectID: String?
        switch attempt.scope {
        case .unsupported:
            return nil
        case .unscoped:
            projectID = nil
        case .none:
            // Keystone scopes to the default project when none is asked for, or to the token's own scope.
            projectID = try inheritedProject ?? String.fetchOne(db, sql: "SELECT default_project_id FROM ks_user WHERE id = ?", arguments: [userID])
        case let .project(id, name):
            let column = id != nil ? "id" : "name"
            guard let found = try String.fetchOne(db, sql: "SELECT id FROM ks_project WHERE \(column) = \(ExactText.placeholder)",
                                                  arguments: [ExactText.argument(id ?? name ?? "")]) else { return nil }
            projectID = found
        }
        if let projectID {
            let assigned = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ks_assignment WHERE user_id = ? AND project_id = ?", arguments: [userID, projectID]) ?? 0
            guard assigned > 0 else { return nil }
        }
        return try KeystoneTokens.issue(userID: userID, projectID: projectID, methods: attempt.methods, in: db)
    }

    static func tokenBody(_ token: KeystoneTokens.Issued, request: Request) -> JSONValue {
        let domain = JSONValue.object([("id", .string(KeystoneDirectory.domainID)), ("name", .string(KeystoneDirectory.domainName))])
        var fields: [(String, JSONValue)] = [
            ("methods", .array(token.methods.map(JSONValue.string))),
            ("user", .object([("domain", domain), ("id", .string(token.caller.userID)), ("name", .string(token.caller.userName)),
                              ("password_expires_at", .null)])),
            ("audit_ids", .array([.string(token.auditID)])),
            ("expires_at", .string(SandboxClock.keystone(token.expiresAt))),
            ("issued_at", .string(SandboxClock.keystone(token.issuedAt))),
        ]
        if let projectID = token.caller.projectID {
            fields.append(("project", .object([("domain", domain), ("id", .string(projectID)), ("name", .optional(token.caller.projectName))])))
            fields.append(("is_domain", .bool(false)))
            let roles = token.caller.roles.map { name in
                JSONValue.object([("id", .string(KeystoneDirectory.roles.first { $0.name == name }?.id ?? name)), ("name", .string(name))])
            }
            fields.append(("roles", .array(roles)))
            fields.append(("catalog", catalog(origin: request.origin)))
        }
        return .object([("token", .object(fields))])
    }

    /// The service catalog: identity and image, each with public, internal and admin endpoints.
    static func catalog(origin: String) -> JSONValue {
        let services: [(id: String, type: String, name: String, url: String)] = [
            ("5c1e0a3f9d2b4c6e8a7f1b2c3d4e5f60", "identity", "keystone", origin + root),
            ("5c1e0a3f9d2b4c6e8a7f1b2c3d4e5f61", "image", "glance", origin + GlanceModule.root),
        ]
        return .array(services.map { service in
            let endpoints = ["public", "internal", "admin"].enumerated().map { index, interface in
                JSONValue.object([
                    ("id", .string(String(service.id.dropLast(2)) + "e\(index)")),
                    ("interface", .string(interface)),
                    ("region_id", .string(KeystoneDirectory.region)),
                    ("url", .string(service.url)),
                    ("region", .string(KeystoneDirectory.region)),
                ])
            }
            return .object([("endpoints", .array(endpoints)), ("id", .string(service.id)), ("type", .string(service.type)), ("name", .string(service.name))])
        })
    }

    static func versionDocument(_ request: Request) -> Response {
        SandboxResponse.json(.object([("version", .object([
            ("id", .string("v3.14")), ("status", .string("stable")), ("updated", .string("2020-04-07T00:00:00Z")),
            ("links", .array([.object([("rel", .string("self")), ("href", .string(request.origin + root + "/"))])])),
            ("media-types", .array([.object([("base", .string("application/json")), ("type", .string("application/vnd.openstack.identity-v3+json"))])])),
        ]))]))
    }
}

/// Keystone puts `x-openstack-request-id` on every answer, errors included (webob's from the middleware
/// inside the pipeline too; the oslo sizelimit refusal of a `Content-Length` comes before it, and a crash
/// reaches the WSGI server without one).
struct KeystoneRequestIDMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let fault as KeystoneFault {
            response = fault.response(for: request)
        } catch let fault as WebobFault {
            response = fault.response(for: request)
        }
        response.headers[.openstackRequestID] = Identifiers.requestID()
        return response
    }
}
