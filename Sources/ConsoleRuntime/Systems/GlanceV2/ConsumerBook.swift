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
/// Worked out once, the first time a member list of an image I own is shown (it logs in to each
/// cloud on the same Keystone, with cached tokens), and kept for the connection.
actor ConsumerBook {
    private let home: OpenStackSession
    private let clouds: [CloudConfig]
    private let session: @Sendable (CloudConfig) throws -> OpenStackSession
    private let paging: PagingPolicy
    private var known: [String: ConsumerCredentials]?
    private var clients: [String: GlanceV2Client] = [:]

    init(home: OpenStackSession, clouds: [CloudConfig], paging: PagingPolicy, session: @escaping @Sendable (CloudConfig) throws -> OpenStackSession) {
        self.home = home
        self.clouds = clouds
        self.paging = paging
        self.session = session
    }

    private func credentials() async -> [String: ConsumerCredentials] {
        if let known { return known }
        let found = await ConsumerCredentials.all(home: home, clouds: clouds, session: session)
        known = found
        return found
    }

    /// How the rows name the credentials of each of `ids` that has some (`cloud 'member'`).
    func descriptions(of ids: [String]) async -> [String: String] {
        let all = await credentials()
        var descriptions: [String: String] = [:]
        for id in ids { if let consumer = all[id] { descriptions[id] = consumer.description } }
        return descriptions
    }

    /// A client acting as `projectID`, and how it is named; nil when no credentials act as it.
    func client(for projectID: String) async throws -> (GlanceV2Client, String)? {
        guard let consumer = await credentials()[projectID] else { return nil }
        if let client = clients[projectID] { return (client, consumer.description) }
        let client = GlanceV2Client(session: try session(consumer.cloud), paging: paging)
        clients[projectID] = client
        return (client, consumer.description)
    }
}
