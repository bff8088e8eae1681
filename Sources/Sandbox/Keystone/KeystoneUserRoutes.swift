import GRDB
import HTTPTypes
import Hummingbird

/// `GET /v3/users` and `GET /v3/users/{id}` (and their `HEAD`s) under Keystone 30's default policies, as
/// observed on the reference stack:
/// - listing users (filtered by `name`, `domain_id`, `enabled`) takes the admin role, else 403
///   `identity:list_users`; an unknown name is an empty list;
/// - a user is read by an admin (404 `Could not find user: ID.` when there is none) or by itself; anyone
///   else gets 403 `identity:get_user`, whether the user exists or not.
enum KeystoneUserRoutes {
    static func add(to router: RouterGroup<SandboxRequestContext>, database: SandboxDatabase) {
        KeystoneAccess.getAndHead(router, "v3/users") { request, _ in
            let caller = try await KeystoneAccess.caller(request, database)
            guard caller.isAdmin else { throw KeystoneAccess.forbidden("identity:list_users") }
            let (name, matchesNothing) = KeystoneAccess.filters(request)
            let users: [User] = matchesNothing ? [] : try await database.read { db in
                guard let name else { return try fetch(db, where: "1", []) }
                return try fetch(db, where: "name = \(ExactText.placeholder)", [ExactText.argument(name)])
            }
            return KeystoneAccess.list("users", users.map { body($0, request: request) }, request: request, path: "/users")
        }
        KeystoneAccess.getAndHead(router, "v3/users/:id") { request, context in
            let caller = try await KeystoneAccess.caller(request, database)
            let id = context.parameters.get("id") ?? ""
            guard caller.isAdmin || caller.userID == id else { throw KeystoneAccess.forbidden("identity:get_user") }
            let found = try await database.read { db in try fetch(db, where: "id = \(ExactText.placeholder)", [ExactText.argument(id)]) }
            guard let user = found.first else { throw KeystoneFault(status: .notFound, message: "Could not find user: \(id).") }
            return SandboxResponse.json(.object([("user", body(user, request: request))]))
        }
    }

    struct User {
        let id: String
        let name: String
        let defaultProjectID: String?
        let enabled: Bool
    }

    static func fetch(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [User] {
        try Row.fetchAll(db, sql: "SELECT id, name, default_project_id, enabled FROM ks_user WHERE \(condition) ORDER BY id",
                         arguments: arguments).map {
            User(id: $0["id"], name: $0["name"], defaultProjectID: $0["default_project_id"], enabled: $0["enabled"])
        }
    }

    /// Keystone's user: no password, and `password_expires_at` null (no password expiry is configured).
    static func body(_ user: User, request: Request) -> JSONValue {
        .object([
            ("id", .string(user.id)), ("name", .string(user.name)), ("domain_id", .string(KeystoneDirectory.domainID)),
            ("enabled", .bool(user.enabled)), ("default_project_id", .optional(user.defaultProjectID)),
            ("password_expires_at", .null), ("options", .object([])),
            ("links", KeystoneAccess.link("/users/" + user.id, request: request)),
        ])
    }
}
