/// Plans a Bonita manifest: users (id or userName) and the roles they hold in groups.
public struct BonitaManifestPlanner: ManifestPlanner {
    public let system = ManifestSystem.bonita
    let client: BonitaClient
    let target: String

    public init(client: BonitaClient, target: String) {
        self.client = client
        self.target = target
    }

    /// A membership as the plan keys it: `group id/role id`.
    static func key(group: Int, role: Int) -> String { "\(group)/\(role)" }

    static func ids(_ key: String) throws -> (group: Int, role: Int) {
        let parts = key.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2 else { throw MembershipError.invalidInput("'\(key)' is not a group and role") }
        return (parts[0], parts[1])
    }

    public func plan(_ document: ManifestDocument) async throws -> SharePlan {
        let client = self.client
        var subjects: [MembershipDiff.Subject] = []
        for share in document.shares {
            let user = try await ManifestLookup.at(share.subject.line, in: document) { try await client.findUser(share.subject.value) }
            var members: [MembershipDiff.Wanted] = []
            for member in share.members {
                let (group, role) = try await ManifestLookup.at(member.line, in: document) {
                    (try await client.findGroup(member.reference), try await client.findRole(member.role ?? ""))
                }
                members.append(MembershipDiff.Wanted(key: Self.key(group: group.id, role: role.id), name: "\(role.name) of \(group.path)", setting: nil, line: member.line))
            }
            MembershipDiff.merge(&subjects, id: String(user.id), name: user.userName, line: share.line, exclusive: share.exclusive, members: members)
        }
        let held = try await ConcurrentWork.tryMap(subjects, width: 4) { subject in try await client.allMemberships(userID: Int(subject.id) ?? 0) }
        let diff = MembershipDiff(verb: "add", add: { userID, member in
            let (group, role) = try Self.ids(member.key)
            _ = try await client.addMembership(userID: Int(userID) ?? 0, groupID: group, roleID: role)
        }, remove: { userID, member in
            let (group, role) = try Self.ids(member.key)
            try await client.removeMembership(userID: Int(userID) ?? 0, groupID: group, roleID: role)
        })
        var plan = SharePlan(target: target, system: system)
        for (subject, memberships) in zip(subjects, held) {
            plan.changes += diff.changes(subject, held: memberships.map {
                MembershipDiff.Held(key: Self.key(group: $0.groupID, role: $0.roleID),
                                    name: "\($0.roleName ?? String($0.roleID)) of \($0.groupPath ?? String($0.groupID))", setting: nil)
            })
        }
        return plan
    }

    /// Bonita has no listing of every membership: an export names its users.
    public func export(_ subjects: [String]) async throws -> [ExportedShare] {
        guard !subjects.isEmpty else { throw MembershipError.invalidInput("Bonita lists memberships per user: export --user USER (repeat for several)") }
        var exported: [ExportedShare] = []
        for subject in subjects {
            let user = try await client.findUser(subject)
            let memberships = try await client.allMemberships(userID: user.id)
            exported.append(ExportedShare(subject: user.userName, comment: String(user.id), members: memberships.map {
                // Paths and names, as a person would write them; ids where the server gave none.
                ExportedMember(reference: $0.groupPath ?? String($0.groupID), role: $0.roleName ?? String($0.roleID))
            }))
        }
        return exported
    }
}
