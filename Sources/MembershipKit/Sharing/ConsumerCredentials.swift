/// Credentials that act as the project a share is offered to, so the sharer can also accept it
/// (the two-sided handshake Glance asks for): a cloud of clouds.yaml scoped to that project on the
/// same Keystone, or else the sharer's own user re-scoped to it where it has a role there.
public struct ConsumerCredentials: Sendable {
    /// The credentials, and how the output names them: `cloud 'member'`, or `user 'ops' re-scoped`.
    public let cloud: CloudConfig
    public let description: String

    /// Finds credentials for `projectID`. `clouds` are the operator's clouds; logins go through
    /// `session` (so cached tokens are used), a few at a time, and one that fails is skipped.
    public static func find(projectID: String, home: OpenStackSession, clouds: [CloudConfig],
                            session: @escaping @Sendable (CloudConfig) throws -> OpenStackSession) async -> ConsumerCredentials? {
        let keystone = ProjectAliasBook.normalise(authURL: home.cloud.auth.authURL ?? "")
        let sameKeystone = clouds.filter {
            $0.authType != .none && !keystone.isEmpty && ProjectAliasBook.normalise(authURL: $0.auth.authURL ?? "") == keystone
        }
        // A cloud that names the project by id needs no login to be chosen first; the others are
        // logged in to (a name only says which project once Keystone has answered).
        let ordered = sameKeystone.filter { $0.auth.projectID == projectID } + sameKeystone.filter { $0.auth.projectID != projectID }
        let scopes = await ConcurrentWork.map(ordered, width: 4) { cloud -> String? in
            try? await session(cloud).validToken().project?.id
        }
        if let match = zip(ordered, scopes).first(where: { $0.1 == projectID })?.0 {
            return ConsumerCredentials(cloud: match, description: "cloud '\(match.name)'")
        }
        guard let projects = try? await KeystoneProjectReader(session: home).myProjects(), projects.contains(where: { $0.id == projectID }),
              let rescoped = home.cloud.rescoped(toProjectID: projectID) else { return nil }
        let user = (try? await home.validToken().user.name) ?? home.cloud.auth.username ?? "?"
        return ConsumerCredentials(cloud: rescoped, description: "user '\(user)' of cloud '\(home.cloud.name)', re-scoped")
    }
}
