/// Credentials that act as the project a share is offered to, so the sharer can also accept it
/// (the two-sided handshake Glance asks for): a cloud of clouds.yaml scoped to that project on the
/// same Keystone, or else the sharer's own user re-scoped to it where it has a role there.
public struct ConsumerCredentials: Sendable {
    /// The credentials, and how the output names them: `cloud 'member'`, or `user 'ops' of cloud 'x', re-scoped`.
    public let cloud: CloudConfig
    public let description: String

    /// Every project some credentials act as, by project id. `clouds` are the operator's clouds;
    /// those on `home`'s Keystone are logged in to through `session` (so cached tokens are used), a
    /// few at a time, and one that fails is skipped. A project no cloud is scoped to, but where the
    /// home user has a role (`GET /v3/auth/projects`), gets the home credentials re-scoped.
    public static func all(home: OpenStackSession, clouds: [CloudConfig],
                           session: @escaping @Sendable (CloudConfig) throws -> OpenStackSession) async -> [String: ConsumerCredentials] {
        let keystone = ProjectAliasBook.normalise(authURL: home.cloud.auth.authURL ?? "")
        let sameKeystone = clouds.filter {
            $0.authType != .none && !keystone.isEmpty && ProjectAliasBook.normalise(authURL: $0.auth.authURL ?? "") == keystone
        }
        // A name only says which project once Keystone has answered: each cloud is logged in to.
        let scopes = await ConcurrentWork.map(sameKeystone, width: 4) { cloud -> String? in
            try? await session(cloud).validToken().project?.id
        }
        var found: [String: ConsumerCredentials] = [:]
        for (cloud, scope) in zip(sameKeystone, scopes) {
            guard let scope, found[scope] == nil else { continue }
            found[scope] = ConsumerCredentials(cloud: cloud, description: "cloud '\(cloud.name)'")
        }
        guard let projects = try? await KeystoneProjectReader(session: home).myProjects() else { return found }
        let user = (try? await home.validToken().user.name) ?? home.cloud.auth.username ?? "?"
        for project in projects where found[project.id] == nil {
            guard let rescoped = home.cloud.rescoped(toProjectID: project.id) else { continue }
            found[project.id] = ConsumerCredentials(cloud: rescoped, description: "user '\(user)' of cloud '\(home.cloud.name)', re-scoped")
        }
        return found
    }
}
