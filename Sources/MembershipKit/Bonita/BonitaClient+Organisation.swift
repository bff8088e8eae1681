/// Searching and reading the organisation: users, groups and roles.
extension BonitaClient {
    /// Searches users. `search` matches the start of a word of the first name, last name or user name;
    /// `order` is `attribute ASC|DESC` (`lastname ASC`, Bonita's default); `filters` are Bonita's
    /// `f=name=value` (`enabled`, `group_id`, `role_id`, `manager_id` …), passed as given.
    public func users(search: String? = nil, page: Int = 0, count: Int = 100, order: String? = nil,
                      filters: [String: String] = [:]) async throws -> BonitaPage<BonitaUser> {
        try await searchPage("user", BonitaSearchQuery(page: page, count: count, search: search, order: order, filters: filters))
    }

    /// Searches groups (by name or display name; default order `name ASC`).
    public func groups(search: String? = nil, page: Int = 0, count: Int = 100, order: String? = nil,
                       filters: [String: String] = [:]) async throws -> BonitaPage<BonitaGroup> {
        try await searchPage("group", BonitaSearchQuery(page: page, count: count, search: search, order: order, filters: filters))
    }

    /// Searches roles (by name or display name; default order `name ASC`).
    public func roles(search: String? = nil, page: Int = 0, count: Int = 100, order: String? = nil,
                      filters: [String: String] = [:]) async throws -> BonitaPage<BonitaRole> {
        try await searchPage("role", BonitaSearchQuery(page: page, count: count, search: search, order: order, filters: filters))
    }

    /// Every user a search finds, page after page (see `collect`).
    public func allUsers(search: String? = nil, order: String? = nil, filters: [String: String] = [:],
                         pageSize: Int = 100) async throws -> [BonitaUser] {
        try await collect("Bonita users", pageSize: pageSize) { try await users(search: search, page: $0, count: $1, order: order, filters: filters) }
    }

    /// Every group a search finds, page after page (see `collect`).
    public func allGroups(search: String? = nil, order: String? = nil, filters: [String: String] = [:],
                          pageSize: Int = 100) async throws -> [BonitaGroup] {
        try await collect("Bonita groups", pageSize: pageSize) { try await groups(search: search, page: $0, count: $1, order: order, filters: filters) }
    }

    /// Every role a search finds, page after page (see `collect`).
    public func allRoles(search: String? = nil, order: String? = nil, filters: [String: String] = [:],
                         pageSize: Int = 100) async throws -> [BonitaRole] {
        try await collect("Bonita roles", pageSize: pageSize) { try await roles(search: search, page: $0, count: $1, order: order, filters: filters) }
    }

    public func user(id: Int) async throws -> BonitaUser { try await item("user", id: id) }

    public func group(id: Int) async throws -> BonitaGroup { try await item("group", id: id) }

    public func role(id: Int) async throws -> BonitaRole { try await item("role", id: id) }

    /// One page of `GET API/identity/{resource}` with its total from `Content-Range`.
    func searchPage<Item: Decodable & Sendable & Equatable>(_ resource: String, _ query: BonitaSearchQuery) async throws -> BonitaPage<Item> {
        let response = try await send("GET", "API/identity/" + resource, query: query.queryString)
        return BonitaPage(items: try decode(response), page: query.page, count: query.count,
                          total: BonitaPage<Item>.total(contentRange: response.header("Content-Range")))
    }

    /// `GET API/identity/{resource}/{id}`. A missing group is a bare 404, hence the sentence.
    func item<Item: Decodable>(_ resource: String, id: Int) async throws -> Item {
        try decode(try await send("GET", "API/identity/\(resource)/\(id)", notFound: "no \(resource) with id \(id)"))
    }

    /// Every item of a search, page after page, until `Content-Range` says there is no more, within
    /// `paging`'s limits (a server may claim any total). `what` names the items in a truncation notice.
    public func collect<Item: Sendable & Equatable>(_ what: String = "Bonita items", pageSize: Int = 100,
                                                    _ fetch: (_ page: Int, _ count: Int) async throws -> BonitaPage<Item>) async throws -> [Item] {
        var collector = PageCollector<Item>(what: what, policy: paging)
        var page = 0
        while true {
            let result = try await fetch(page, pageSize)
            let more = result.hasMore && !result.items.isEmpty
            // Page numbers always advance, so only the limits can stop an endless total.
            guard collector.add(result.items, marker: nil, more: more) else { break }
            page += 1
        }
        return try collector.finish()
    }
}

extension BonitaSearchQuery {
    /// A directory search; `filters` are sent sorted by name so that the URL is stable.
    init(page: Int, count: Int, search: String?, order: String?, filters: [String: String]) {
        self.init(page: page, count: count, search: search, order: order,
                  filters: filters.sorted { $0.key < $1.key }.map { Filter(name: $0.key, value: $0.value) })
    }
}
