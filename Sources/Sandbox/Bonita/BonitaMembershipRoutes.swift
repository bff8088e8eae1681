import Foundation
import GRDB
import HTTPTypes
import Hummingbird

/// `/bonita/API/identity/membership`: add (POST), search a user's memberships (GET with `f=user_id=N`) and
/// delete (DELETE by compound id `u/g/r`, or many with a JSON id list). The resource has no get and no
/// update: GET and PUT of an id answer 405, as Bonita's datastore lacks them.
enum BonitaMembershipRoutes {
    static let resource = "membership"
    static let path = "bonita/API/identity/membership"
    static let collection = RouterPath(path)
    /// An item: one or more id parts after the collection.
    static let item = RouterPath(path + "/**")

    static func add(to router: Router<SandboxRequestContext>, database: SandboxDatabase) {
        router.post(collection) { request, context in try await create(request, context: context, database: database) }
        router.get(collection) { request, _ in try await search(request, database: database) }
        router.delete(collection) { request, context in
            let caller = try await BonitaGate.caller(request, access: .manage, database: database)
            let lists = try BonitaMembershipBody.idLists(from: try await request.collectedBody(context: context, limit: BonitaMembershipBody.limit))
            return try await delete(lists, caller: caller, database: database)
        }
        router.delete(item) { request, context in
            let caller = try await BonitaGate.caller(request, access: .manage, database: database)
            let ids = try BonitaItemID.parse(context.parameters.getCatchAll(), resource: resource)
            return try await delete([ids.map(String.init)], caller: caller, database: database)
        }
        router.get(item) { request, context -> Response in
            _ = try await BonitaGate.caller(request, access: .read, database: database)
            _ = try BonitaItemID.parse(context.parameters.getCatchAll(), resource: resource)
            throw methodNotAllowed("GET")
        }
        router.put(item) { request, context -> Response in
            _ = try await BonitaGate.caller(request, access: .manage, database: database)
            _ = try BonitaItemID.parse(context.parameters.getCatchAll(), resource: resource)
            throw methodNotAllowed("PUT")
        }
        router.put(collection) { request, _ -> Response in
            _ = try await BonitaGate.caller(request, access: .manage, database: database)
            throw BonitaFault.internalError(.missingItemID(in: request, resource: resource))
        }
    }

    /// POST: 200 with the new membership, assigned by the caller (-1 for the technical user) now.
    static func create(_ request: Request, context: SandboxRequestContext, database: SandboxDatabase) async throws -> Response {
        let caller = try await BonitaGate.caller(request, access: .manage, database: database)
        let key = try BonitaMembershipBody.key(from: try await request.collectedBody(context: context, limit: BonitaMembershipBody.limit))
        let date = SandboxClock.bonita(Date())
        let outcome = try await database.write { db in try BonitaMembershipStore.add(key, assignedBy: caller.userID, date: date, in: db) }
        switch outcome {
        case .added(let item):
            return BonitaResponse.json(item)
        case .duplicate:
            throw BonitaFault(status: .forbidden, exception: .api(
                "APIForbiddenException", "This membership is already added to user", resource: resource,
                cause: ("org.bonitasoft.engine.exception.AlreadyExistsException",
                        "USERNAME=\(caller.userName) | A userMembership with userId \"\(key.user)\", groupId \"\(key.group)\" and roleId \"\(key.role)\" already exists")))
        case let .missing(engineClass, message):
            // The engine wraps the not-found in a CreationException, which the datastore wraps in an APIException.
            throw BonitaFault.internalError(.wrapping(engineClass: "org.bonitasoft.engine.exception.CreationException",
                                                      engineMessage: "USERNAME=\(caller.userName) | \(engineClass): \(message)", resource: resource))
        }
    }

    /// GET: exactly one filter, `user_id`; `o` one of the six criteria; `d` deploys ids into items.
    static func search(_ request: Request, database: SandboxDatabase) async throws -> Response {
        _ = try await BonitaGate.caller(request, access: .read, database: database)
        let query = try BonitaSearchRequest.parse(request, resource: resource)
        guard !query.filters.isEmpty else {
            throw BonitaFault.internalError(BonitaException(
                className: BonitaException.framework + "APIFilterMandatoryException", message: "Filter user_id is mandatory",
                api: BonitaAPI.name, resource: resource, extra: [("filterName", .string("user_id"))]))
        }
        guard query.filters.count == 1, let userFilter = query.filter("user_id") else {
            // APIMembership passes the sentence as the filter's *name*, so the message is the default one around it.
            let sentence = "Cant search on filter other than user_id"
            throw BonitaFault.internalError(BonitaException(
                className: BonitaException.framework + "APIFilterException", message: "Error on filter : " + sentence,
                api: BonitaAPI.name, resource: resource, extra: [("filterName", .string(sentence))]))
        }
        guard let userText = userFilter else {
            throw BonitaFault.internalError(.wrapping(engineClass: "java.lang.NullPointerException", engineMessage: "", resource: resource))
        }
        let userID = try BonitaMembershipBody.javaLong(userText)
        let order = try BonitaMembershipOrder.parse(query.order)
        let found = try await database.read { db in
            let items = try BonitaMembershipStore.search(userID: userID, order: order, limit: query.count, offset: query.offset, in: db)
            return (items: try items.map { try deploy($0, query.deploys, in: db) },
                    total: try BonitaMembershipStore.count(userID: userID, in: db))
        }
        // The datastore wraps the out-of-range exception in an APIException, so the one written is not stamped.
        try query.checkPage(total: found.total, api: BonitaAPI.unknown, resource: BonitaAPI.unknown)
        return query.response(items: found.items, total: found.total)
    }

    /// Replaces each id named by `d` with the object it designates (only positive ids: "-1" stays a string;
    /// an id whose object has gone stays as it was).
    static func deploy(_ item: JSONValue, _ deploys: [String], in db: Database) throws -> JSONValue {
        guard case .object(var fields) = item, !deploys.isEmpty else { return item }
        let deployers: [(attribute: String, resource: BonitaDirectoryResource)] = [
            ("user_id", BonitaDirectory.user), ("role_id", BonitaDirectory.role),
            ("group_id", BonitaDirectory.group), ("assigned_by_user_id", BonitaDirectory.user),
        ]
        for deployer in deployers where deploys.contains(deployer.attribute) {
            guard let index = fields.firstIndex(where: { $0.0 == deployer.attribute }),
                  let id = fields[index].1.stringValue.flatMap({ Int($0) }), id > 0,
                  let object = try deployer.resource.fetch(id, in: db) else { continue }
            fields[index].1 = object
        }
        return .object(fields)
    }

    /// Deletes in order, like the datastore's loop: a failure stops there and answers 500, and the
    /// memberships deleted before it stay deleted.
    static func delete(_ lists: [[String]], caller: BonitaCaller, database: SandboxDatabase) async throws -> Response {
        let failure: BonitaFault? = try await database.write { db in
            for parts in lists {
                let key: BonitaMembershipKey
                do { key = try BonitaMembershipBody.key(fromParts: parts) } catch let fault as BonitaFault { return fault }
                if try !BonitaMembershipStore.delete(key, in: db) {
                    return BonitaFault.internalError(.wrapping(
                        engineClass: "org.bonitasoft.engine.exception.DeletionException",
                        engineMessage: "USERNAME=\(caller.userName) | org.bonitasoft.engine.identity.SIdentityException: Can't get the userMembership with userId = \(key.user), groupId = \(key.group), roleId = \(key.role)",
                        resource: resource))
                }
            }
            return nil
        }
        if let failure { throw failure }
        return SandboxResponse.empty(status: .ok)
    }

    /// What `API.get`/`API.update` throw for a datastore without them; the message is Bonita's, odd casing and all.
    static func methodNotAllowed(_ method: String) -> BonitaFault {
        BonitaFault(status: .methodNotAllowed, exception: .api(
            "APIMethodNotAllowedException", "HTTP method \(method) METHOD NOT ALLOWED. not allowed for API \(BonitaAPI.name)#\(resource)",
            resource: resource))
    }
}
