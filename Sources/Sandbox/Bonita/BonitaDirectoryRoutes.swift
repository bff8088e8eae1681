import Hummingbird

/// `GET /bonita/API/identity/{user|group|role}` (search) and `…/{id}` (get). The sandbox serves only
/// these reads of the organisation; the memberships are where it changes.
enum BonitaDirectoryRoutes {
    static func add(to router: Router<SandboxRequestContext>, database: SandboxDatabase) {
        for resource in BonitaDirectory.all {
            router.get("bonita/API/identity/\(resource.name)") { request, _ in
                let caller = try await BonitaGate.caller(request, access: .read, database: database)
                let query = try BonitaSearchRequest.parse(request, resource: resource.name)
                let found = try await database.read { db in try resource.search(query, caller: caller, in: db) }
                try query.checkPage(total: found.total, api: BonitaAPI.name, resource: resource.name)
                return query.response(items: found.items, total: found.total)
            }
            router.get("bonita/API/identity/\(resource.name)/:id") { request, context in
                let caller = try await BonitaGate.caller(request, access: .read, database: database)
                let id = try BonitaItemID.parse([Substring(context.parameters.get("id") ?? "")], resource: resource.name)[0]
                guard let item = try await database.read({ db in try resource.fetch(id, in: db) }) else {
                    throw resource.notFound(id, caller)
                }
                return BonitaResponse.json(item)
            }
        }
    }
}
