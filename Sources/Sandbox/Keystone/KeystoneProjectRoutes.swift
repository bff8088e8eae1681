import GRDB
import HTTPTypes
import Hummingbird

/// `GET /v3/auth/projects`, `GET /v3/projects` and `GET /v3/projects/{id}` (and their `HEAD`s) under
/// Keystone 30's default policies, as observed on the reference stack:
/// - any valid token (scoped or not) lists the projects its user has a role on;
/// - listing every project (filtered by `name`, `domain_id`, `enabled`) takes the admin role, else 403
///   `identity:list_projects`;
/// - a project is read by an admin (404 `Could not find project: ID.` when there is none) or by a token
///   scoped to it; anyone else gets 403 `identity:get_project`, whether the project exists or not.
enum KeystoneProjectRoutes {
    static func add(to router: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        KeystoneAccess.getAndHead(router, "v3/auth/projects") { request, _ in
            let caller = try await KeystoneAccess.caller(request, database)
            let projects = try await database.read { db in
                try fetch(db, where: "id IN (SELECT project_id FROM ks_assignment WHERE user_id = ?)", [caller.userID])
            }
            return list(projects, request: request, path: "/auth/projects")
        }
        KeystoneAccess.getAndHead(router, "v3/projects") { request, _ in
            let caller = try await KeystoneAccess.caller(request, database)
            guard caller.isAdmin else { throw KeystoneAccess.forbidden("identity:list_projects") }
            let (name, matchesNothing) = KeystoneAccess.filters(request)
            let projects: [Project] = matchesNothing ? [] : try await database.read { db in
                guard let name else { return try fetch(db, where: "1", []) }
                return try fetch(db, where: "name = \(ExactText.placeholder)", [ExactText.argument(name)])
            }
            return list(projects, request: request, path: "/projects")
        }
        KeystoneAccess.getAndHead(router, "v3/projects/:id") { request, context in
            let caller = try await KeystoneAccess.caller(request, database)
            let id = context.parameters.get("id") ?? ""
            guard caller.isAdmin || caller.projectID == id else { throw KeystoneAccess.forbidden("identity:get_project") }
            let found = try await database.read { db in try fetch(db, where: "id = \(ExactText.placeholder)", [ExactText.argument(id)]) }
            guard let project = found.first else {
                throw KeystoneFault(status: .notFound, message: "Could not find project: \(id).")
            }
            return SandboxResponse.json(.object([("project", body(project, request: request))]))
        }
    }

    struct Project {
        let id: String
        let name: String
        let description: String
    }

    static func fetch(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [Project] {
        try Row.fetchAll(db, sql: "SELECT id, name, description FROM ks_project WHERE \(condition) ORDER BY id", arguments: arguments).map {
            Project(id: $0["id"], name: $0["name"], description: $0["description"])
        }
    }

    static func body(_ project: Project, request: Request) -> JSONValue {
        .object([
            ("id", .string(project.id)), ("name", .string(project.name)), ("domain_id", .string(KeystoneDirectory.domainID)),
            ("description", .string(project.description)), ("enabled", .bool(true)), ("parent_id", .string(KeystoneDirectory.domainID)),
            ("is_domain", .bool(false)), ("tags", .array([])), ("options", .object([])),
            ("links", KeystoneAccess.link("/projects/" + project.id, request: request)),
        ])
    }

    static func list(_ projects: [Project], request: Request, path: String) -> Response {
        KeystoneAccess.list("projects", projects.map { body($0, request: request) }, request: request, path: path)
    }
}
