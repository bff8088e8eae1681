import Foundation

/// Project names for one Keystone, from the cheapest source that has them:
/// 1. the alias book (`projects.yaml`), which always wins;
/// 2. names learned in this run, and the names cache (`project-names.json`, with a time to live);
/// 3. Keystone: the user's own projects (`/v3/auth/projects`, once per run);
/// 4. the other clouds of clouds.yaml on the same Keystone: their project names and ids from
///    their configuration or cached tokens;
/// 5. Keystone's `/v3/projects/{id}` and `?name=`, only for a token with the admin role (others
///    get 403 for every project but their own);
/// 6. a login to those other clouds whose project id is still unknown (once per run, two at a
///    time: a login costs Keystone a password hash).
/// An id no source names is remembered as a miss, so it costs at most one round of requests per
/// time to live; a refresh that brings no new id makes none.
public actor ProjectDirectory {
    /// The Keystone (its normalised auth URL) whose projects these are.
    public nonisolated let authURL: String
    let reader: KeystoneProjectReader
    private(set) var aliases: ProjectAliasBook
    let cache: ProjectNameCache?
    let otherClouds: [CloudConfig]
    let tokenCache: TokenCache?
    /// A token for another cloud (a login, which the token cache keeps for the next run).
    let login: @Sendable (CloudConfig) async throws -> KeystoneToken
    let now: @Sendable () -> Date

    private var learned: [String: ProjectName] = [:]
    private var misses: Set<String> = []
    private var cacheLoaded = false
    /// Each source that costs a request is read once; a caller arriving while it is being read
    /// waits for that read (the actor is re-entered at each await), rather than find it "done" and empty.
    private var mineLoad: Task<Void, Never>?
    private var cloudsRead = false
    private var cloudLogins: Task<Void, Never>?
    private var adminKnown: Bool?

    public init(session: OpenStackSession, aliases: ProjectAliasBook, cache: ProjectNameCache?, otherClouds: [CloudConfig],
                tokenCache: TokenCache?, login: @escaping @Sendable (CloudConfig) async throws -> KeystoneToken,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.reader = KeystoneProjectReader(session: session)
        self.authURL = ProjectAliasBook.normalise(authURL: session.cloud.auth.authURL ?? "")
        self.aliases = aliases
        self.cache = cache
        self.tokenCache = tokenCache
        self.login = login
        self.now = now
        let keystone = self.authURL
        self.otherClouds = otherClouds.filter {
            $0.name != session.cloud.name && ProjectAliasBook.normalise(authURL: $0.auth.authURL ?? "") == keystone
        }
    }

    /// What memberdeck knows of `id` without asking anyone.
    func lookup(_ id: String) -> ProjectName? {
        if let alias = aliases.name(of: id, authURL: authURL) { return ProjectName(id: id, name: alias, source: ProjectName.Source.aliases) }
        return learned[id]
    }

    func learn(_ name: ProjectName) {
        // A name from the user's own projects or Keystone beats one from the cache.
        if let existing = learned[name.id], existing.source != ProjectName.Source.cache, name.source == ProjectName.Source.cache { return }
        learned[name.id] = name
        misses.remove(name.id)
    }

    func loadCache() {
        guard !cacheLoaded else { return }
        cacheLoaded = true
        guard let cache else { return }
        let (names, misses) = cache.load(authURL: authURL, now: now())
        for var name in names.values {
            name.source = ProjectName.Source.cache
            learn(name)
        }
        self.misses.formUnion(misses.filter { learned[$0] == nil })
    }

    func loadMine() async {
        if let mineLoad { return await mineLoad.value }
        let load = Task {
            guard let projects = try? await reader.myProjects() else { return }
            remember(projects.map { ProjectName(id: $0.id, name: $0.name, domain: $0.domainID, source: ProjectName.Source.myProjects) })
        }
        mineLoad = load
        await load.value
    }

    /// The other clouds' projects that need no request: named with an id in clouds.yaml, or in a cached token.
    func readClouds() {
        guard !cloudsRead else { return }
        cloudsRead = true
        var found: [ProjectName] = []
        for cloud in otherClouds {
            if let project = Self.projectWithoutRequest(cloud, tokenCache: tokenCache) { found.append(project) }
        }
        remember(found)
    }

    static func projectWithoutRequest(_ cloud: CloudConfig, tokenCache: TokenCache?) -> ProjectName? {
        let auth = cloud.auth
        let domain = auth.projectDomainName ?? auth.projectDomainID ?? auth.domainName ?? auth.domainID
        if let id = auth.projectID, let name = auth.projectName, !id.isEmpty, !name.isEmpty {
            return ProjectName(id: id, name: name, domain: domain, source: ProjectName.Source.cloud(cloud.name))
        }
        if let token = tokenCache?.load(key: TokenCache.key(for: cloud), credential: TokenCache.credential(of: cloud)),
           let project = token.project, let name = project.name {
            return ProjectName(id: project.id, name: name, domain: project.domainName ?? domain, source: ProjectName.Source.cloud(cloud.name))
        }
        return nil
    }

    /// Logs in to the other clouds whose project is still unnamed (once per run, a few at a time).
    func logInToClouds() async {
        if let cloudLogins { return await cloudLogins.value }
        let logins = Task { await performCloudLogins() }
        cloudLogins = logins
        await logins.value
    }

    private func performCloudLogins() async {
        let pending = otherClouds.filter { Self.projectWithoutRequest($0, tokenCache: tokenCache) == nil && $0.auth.projectName != nil }
        let login = self.login
        let tokens = await withTaskGroup(of: (CloudConfig, KeystoneToken?).self) { group in
            var collected: [(CloudConfig, KeystoneToken?)] = []
            var queue = pending.prefix(16).makeIterator()
            for _ in 0..<2 { if let cloud = queue.next() { group.addTask { (cloud, try? await login(cloud)) } } }
            for await result in group {
                collected.append(result)
                if let cloud = queue.next() { group.addTask { (cloud, try? await login(cloud)) } }
            }
            return collected
        }
        remember(tokens.compactMap { cloud, token in
            guard let project = token?.project, let name = project.name else { return nil }
            return ProjectName(id: project.id, name: name, domain: project.domainName, source: ProjectName.Source.cloud(cloud.name))
        })
    }

    func isAdmin() async -> Bool {
        if let adminKnown { return adminKnown }
        let admin = (try? await reader.session.validToken().isAdmin) ?? false
        adminKnown = admin
        return admin
    }

    func remember(_ names: [ProjectName]) {
        for name in names { learn(name) }
        cache?.record(names, authURL: authURL, now: now())
    }

    /// The names of `ids` that some source knows; the others are absent (and not asked for again
    /// before the miss expires).
    public func names(of ids: [String]) async -> [String: ProjectName] {
        loadCache()
        var unknown = Set(ids).filter { lookup($0) == nil && !misses.contains($0) }
        if !unknown.isEmpty { await loadMine() }
        unknown = unknown.filter { lookup($0) == nil }
        if !unknown.isEmpty { readClouds() }
        unknown = unknown.filter { lookup($0) == nil }
        // An admin reads each project (no password to check); a login is the last resort.
        if !unknown.isEmpty, await isAdmin() {
            var found: [ProjectName] = []
            for id in unknown.sorted() {
                if let project = try? await reader.project(id: id) {
                    found.append(ProjectName(id: project.id, name: project.name, domain: project.domainID, source: ProjectName.Source.keystone))
                }
            }
            remember(found)
            unknown = unknown.filter { lookup($0) == nil }
        }
        if !unknown.isEmpty { await logInToClouds() }
        unknown = unknown.filter { lookup($0) == nil }
        if !unknown.isEmpty {
            misses.formUnion(unknown)
            cache?.record([], misses: Array(unknown), authURL: authURL, now: now())
        }
        var result: [String: ProjectName] = [:]
        for id in Set(ids) { if let name = lookup(id) { result[id] = name } }
        return result
    }

    /// The project a reference names: an id as it is (with its name when known), or the one
    /// project of that name (and domain) that some source knows.
    public func resolve(_ reference: ProjectReference) async throws -> (id: String, name: String?) {
        switch reference {
        case let .id(id):
            return (id, await names(of: [id])[id]?.name)
        case let .name(name, domain):
            loadCache()
            var tried = [ProjectName.Source.aliases, ProjectName.Source.cache]
            var found = candidates(name, domain: domain)
            if found.isEmpty {
                await loadMine()
                readClouds()
                await logInToClouds()
                tried += [ProjectName.Source.myProjects, otherClouds.isEmpty ? "no other cloud on this Keystone" : "clouds.yaml"]
                found = candidates(name, domain: domain)
            }
            if found.isEmpty {
                if await isAdmin(), let projects = try await reader.projects(named: name) {
                    remember(projects.map { ProjectName(id: $0.id, name: $0.name, domain: $0.domainID, source: ProjectName.Source.keystone) })
                    found = candidates(name, domain: domain)
                    tried.append("keystone (all projects)")
                } else {
                    tried.append("keystone (only admins may search every project)")
                }
            }
            switch found.count {
            case 0: throw ProjectNameError.unknown(domain.map { "\(name)@\($0)" } ?? name, tried: tried)
            case 1: return (found[0].id, found[0].name)
            default: throw ProjectNameError.ambiguous(name, candidates: found)
            }
        }
    }

    /// Every known project of `name` (one per id; the alias book's first).
    func candidates(_ name: String, domain: String?) -> [ProjectName] {
        var byID: [String: ProjectName] = [:]
        for id in aliases.ids(named: name, authURL: authURL) { byID[id] = ProjectName(id: id, name: name, source: ProjectName.Source.aliases) }
        for project in learned.values where project.name == name && byID[project.id] == nil {
            if let domain, let known = project.domain, known.lowercased() != domain.lowercased() { continue }
            // An alias that renamed this id hides its old name.
            if aliases.name(of: project.id, authURL: authURL) != nil { continue }
            byID[project.id] = project
        }
        return byID.values.sorted { $0.id < $1.id }
    }

    /// Names `id` yourself (an empty name forgets it): written to the alias book on disk, read
    /// again first so that a name given meanwhile elsewhere is kept.
    public func alias(id: String, name: String) throws {
        var book = FileManager.default.fileExists(atPath: aliases.path) ? try ProjectAliasBook.load(path: aliases.path) : aliases
        book.set(name, for: id, authURL: authURL)
        try book.save()
        aliases = book
    }

    /// Everything known, loading every source that costs no more than a login per cloud.
    public func all() async -> [ProjectName] {
        loadCache()
        await loadMine()
        readClouds()
        await logInToClouds()
        var byID = learned
        for (id, name) in aliases.all(authURL: authURL) { byID[id] = ProjectName(id: id, name: name, source: ProjectName.Source.aliases) }
        return byID.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
}
