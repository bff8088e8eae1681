import MembershipKit

/// Where the console finds credentials acting as other projects: the operator's clouds, and how
/// to open a session for one (token cache, request log).
public struct ConsumerSource: Sendable {
    public let clouds: [CloudConfig]
    public let session: @Sendable (CloudConfig) throws -> OpenStackSession

    public init(clouds: [CloudConfig], session: @escaping @Sendable (CloudConfig) throws -> OpenStackSession) {
        self.clouds = clouds
        self.session = session
    }
}

/// Which member projects the operator also holds credentials for, so a member row of my image can
/// be accepted (rejected, reset) as that project: the console's side of the two-sided handshake.
/// Worked out once per connection (it logs in to each cloud on the same Keystone, with cached
/// tokens): in the background when a member list is shown, so the list never waits for it, and
/// awaited after a share, which offers the accept.
actor ConsumerBook {
    private let home: OpenStackSession
    private let clouds: [CloudConfig]
    private let session: @Sendable (CloudConfig) throws -> OpenStackSession
    private let paging: PagingPolicy
    private var known: [String: ConsumerCredentials]?
    private var working: Task<[String: ConsumerCredentials], Never>?
    private var clients: [String: GlanceV2Client] = [:]

    init(home: OpenStackSession, clouds: [CloudConfig], paging: PagingPolicy, session: @escaping @Sendable (CloudConfig) throws -> OpenStackSession) {
        self.home = home
        self.clouds = clouds
        self.paging = paging
        self.session = session
    }

    private func credentials() async -> [String: ConsumerCredentials] {
        if let known { return known }
        let found = await start().value
        known = found
        return found
    }

    /// The lookup, started once.
    private func start() -> Task<[String: ConsumerCredentials], Never> {
        if let working { return working }
        let (home, clouds, session) = (self.home, self.clouds, self.session)
        let task = Task { await ConsumerCredentials.all(home: home, clouds: clouds, session: session) }
        working = task
        return task
    }

    /// How the rows name the credentials of each of `ids` that has some (`cloud 'member'`);
    /// without `waiting`, only once the lookup is done (it is started, and the rows do not wait).
    func descriptions(of ids: [String], waiting: Bool = true) async -> [String: String] {
        if !waiting, known == nil {
            let task = start()
            Task { [weak self] in await self?.store(await task.value) }
            return [:]
        }
        let all = await credentials()
        var descriptions: [String: String] = [:]
        for id in ids { if let consumer = all[id] { descriptions[id] = consumer.description } }
        return descriptions
    }

    private func store(_ found: [String: ConsumerCredentials]) { if known == nil { known = found } }

    /// A client acting as `projectID`, and how it is named; nil when no credentials act as it.
    func client(for projectID: String) async throws -> (GlanceV2Client, String)? {
        guard let consumer = await credentials()[projectID] else { return nil }
        if let client = clients[projectID] { return (client, consumer.description) }
        let client = GlanceV2Client(session: try session(consumer.cloud), paging: paging)
        clients[projectID] = client
        return (client, consumer.description)
    }
}
