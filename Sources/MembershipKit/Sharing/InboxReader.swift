/// One share offered to one project, with the credentials that see it: the rows of
/// `memberdeck inbox` and of the console's inbox across clouds.
public struct InboxEntry: Sendable, Equatable {
    /// The credentials (a cloud of clouds.yaml in one region, maybe re-scoped) whose project the share is offered to.
    public var cloud: CloudConfig
    public var projectID: String
    public var projectName: String?
    public var membership: Membership

    public init(cloud: CloudConfig, projectID: String, projectName: String?, membership: Membership) {
        self.cloud = cloud
        self.projectID = projectID
        self.projectName = projectName
        self.membership = membership
    }
}

/// What one cloud answered: its entries, and the projects (with `allProjects`) that could not be read.
public struct CloudInbox: Sendable {
    /// The session of the cloud's own credentials (for what else the caller asks of that cloud, such as names).
    public var session: OpenStackSession
    public var entries: [InboxEntry] = []
    public var failures: [(scope: String, error: MembershipError)] = []
}

/// Reads the inbox of one set of credentials, and with `allProjects` of every project its user
/// has a role on (`GET /v3/auth/projects`, then a token re-scoped to each).
public struct InboxReader: Sendable {
    /// A session for credentials (each cloud gets its own transport, token and token cache entry).
    public let session: @Sendable (CloudConfig) throws -> OpenStackSession
    public let paging: PagingPolicy

    public init(paging: PagingPolicy = .standard, session: @escaping @Sendable (CloudConfig) throws -> OpenStackSession) {
        self.paging = paging
        self.session = session
    }

    /// Throws when the cloud's own credentials fail (login, Glance); a re-scoped project that fails is a failure in the answer.
    public func read(_ cloud: CloudConfig, allProjects: Bool = false) async throws -> CloudInbox {
        let home = try session(cloud)
        var inbox = CloudInbox(session: home)
        inbox.entries = try await entries(home)
        guard allProjects else { return inbox }
        let token = try await home.validToken()
        let others = try await KeystoneProjectReader(session: home).myProjects().filter { $0.id != token.project?.id }
        let scoped = others.compactMap { project in cloud.rescoped(toProjectID: project.id).map { (project, $0) } }
        let answers = await ConcurrentWork.map(scoped, width: 4) { project, credentials -> Result<[InboxEntry], MembershipError> in
            do { return .success(try await entries(try session(credentials))) } catch { return .failure(MembershipError.wrapping(error)) }
        }
        for ((project, _), answer) in zip(scoped, answers) {
            switch answer {
            case let .success(entries): inbox.entries += entries
            case let .failure(error): inbox.failures.append(("project '\(project.name)'", error))
            }
        }
        return inbox
    }

    /// The shares offered to the session's project.
    func entries(_ session: OpenStackSession) async throws -> [InboxEntry] {
        let (project, isAdmin) = try await session.projectScope(for: "shares are offered to projects")
        let glance = GlanceV2Client(session: session, paging: paging)
        return try await glance.inbox(projectID: project.id, isAdmin: isAdmin).map {
            InboxEntry(cloud: session.cloud, projectID: project.id, projectName: project.name, membership: $0)
        }
    }
}
