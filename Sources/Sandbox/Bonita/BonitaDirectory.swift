import GRDB

/// The three organisation resources and their item JSON. In Bonita's items every value is a string (ids,
/// booleans and dates too) and a null is "".
enum BonitaDirectory {
    static let user = BonitaDirectoryResource(
        name: "user",
        select: "SELECT * FROM bonita_user",
        searchColumns: ["firstname", "lastname", "user_name"],
        orderColumns: ["id": "id", "firstname": "firstname", "lastname": "lastname", "userName": "user_name",
                       "enabled": "enabled", "manager_id": "manager_id"],
        defaultOrder: "lastname ASC",
        filters: ["enabled": "enabled = (CASE lower(?) WHEN 'true' THEN 1 ELSE 0 END)", "manager_id": "manager_id = ?",
                  "userName": "user_name = ?", "firstname": "firstname = ?", "lastname": "lastname = ?",
                  "group_id": "id IN (SELECT user_id FROM bonita_membership WHERE group_id = ?)",
                  "role_id": "id IN (SELECT user_id FROM bonita_membership WHERE role_id = ?)"],
        item: userItem,
        // UserEngineClient: APINotFoundException("User not found") around the engine's UserNotFoundException.
        notFound: { id, caller in
            notFound("user", "User not found", engine: "UserNotFoundException", caller: caller,
                     detail: "SUserNotFoundException: USER_ID=\(id) | Can't find the user")
        })

    static let group = BonitaDirectoryResource(
        name: "group",
        select: "SELECT *, parent_path || '/' || name AS path FROM bonita_group",
        searchColumns: ["name", "display_name"],
        orderColumns: ["id": "id", "name": "name", "displayName": "display_name", "parent_path": "parent_path", "path": "path"],
        defaultOrder: "name ASC",
        filters: ["name": "name = ?", "displayName": "display_name = ?", "parent_path": "parent_path = ?"],
        item: groupItem,
        // GroupEngineClient: APIItemNotFoundException, which the servlet answers with a bare 404.
        notFound: { _, _ in BonitaFault(status: .notFound, exception: nil) })

    static let role = BonitaDirectoryResource(
        name: "role",
        select: "SELECT * FROM bonita_role",
        searchColumns: ["name", "display_name"],
        orderColumns: ["id": "id", "name": "name", "displayName": "display_name"],
        defaultOrder: "name ASC",
        filters: ["name": "name = ?", "displayName": "display_name = ?"],
        item: roleItem,
        // RoleDatastore: APINotFoundException("Unable to find role %roleId%") around RoleNotFoundException.
        notFound: { id, caller in
            notFound("role", "Unable to find role \(id)", engine: "RoleNotFoundException", caller: caller,
                     detail: "SRoleNotFoundException: The role with id= \(id) does not exist")
        })

    static let all = [user, group, role]

    /// 404 `APINotFoundException` with the engine's identity exception (`engine`) as its cause, whose message
    /// names the caller and wraps the service-level exception (`detail`).
    private static func notFound(_ resource: String, _ message: String, engine: String, caller: BonitaCaller, detail: String) -> BonitaFault {
        let package = "org.bonitasoft.engine.identity."
        return BonitaFault(status: .notFound, exception: .api(
            "APINotFoundException", message, resource: resource,
            cause: (package + engine, "USERNAME=\(caller.userName) | " + package + detail)))
    }

    static func userItem(_ row: Row) -> JSONValue {
        .object([
            ("id", text(row, "id")), ("firstname", text(row, "firstname")), ("lastname", text(row, "lastname")),
            ("password", .string("")), ("userName", text(row, "user_name")), ("manager_id", text(row, "manager_id")),
            ("enabled", .string((row["enabled"] as Bool) ? "true" : "false")), ("icon", text(row, "icon")),
            ("creation_date", text(row, "creation_date")), ("created_by_user_id", text(row, "created_by")),
            ("last_update_date", text(row, "last_update_date")), ("last_connection", text(row, "last_connection")),
            ("title", text(row, "title")), ("job_title", text(row, "job_title")),
        ])
    }

    static func groupItem(_ row: Row) -> JSONValue {
        .object([
            ("id", text(row, "id")), ("name", text(row, "name")), ("displayName", text(row, "display_name")),
            ("description", text(row, "description")), ("icon", text(row, "icon")), ("path", text(row, "path")),
            ("parent_path", text(row, "parent_path")), ("creation_date", text(row, "creation_date")),
            ("created_by_user_id", text(row, "created_by")), ("last_update_date", text(row, "last_update_date")),
        ])
    }

    static func roleItem(_ row: Row) -> JSONValue {
        .object([
            ("id", text(row, "id")), ("name", text(row, "name")), ("displayName", text(row, "display_name")),
            ("description", text(row, "description")), ("icon", text(row, "icon")),
            ("creation_date", text(row, "creation_date")), ("created_by_user_id", text(row, "created_by")),
            ("last_update_date", text(row, "last_update_date")),
        ])
    }

    /// A column as Bonita writes every attribute: a string, "" for null.
    private static func text(_ row: Row, _ column: String) -> JSONValue {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return .string("")
        case .int64(let number): return .string(String(number))
        case .double(let number): return .string(String(number))
        case .string(let string): return .string(string)
        case .blob: return .string("")
        }
    }
}
