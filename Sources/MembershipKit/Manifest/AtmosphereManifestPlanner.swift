/// Plans an Atmosphere manifest: image versions (uuid, `IMAGE:VERSION`, a unique version name, or
/// a glob over `IMAGE:VERSION`) and the groups that may launch them.
public struct AtmosphereManifestPlanner: ManifestPlanner {
    public let system = ManifestSystem.atmosphere
    let client: AtmosphereClient
    let target: String

    public init(client: AtmosphereClient, target: String) {
        self.client = client
        self.target = target
    }

    public func plan(_ document: ManifestDocument) async throws -> SharePlan {
        let client = self.client
        var versions: [AtmosphereVersion]?
        var subjects: [MembershipDiff.Subject] = []
        for share in document.shares {
            let found: [AtmosphereVersion]
            if NameGlob.isGlob(share.subject.value) {
                if versions == nil { versions = try await client.versions() }
                found = (versions ?? []).filter { NameGlob.matches(share.subject.value, $0.qualifiedName) }
                guard !found.isEmpty else { throw document.error(line: share.subject.line, "no version matches '\(share.subject.value)' (globs match IMAGE:VERSION)") }
            } else {
                found = [try await ManifestLookup.at(share.subject.line, in: document) { try await client.findVersion(share.subject.value) }]
            }
            var members: [MembershipDiff.Wanted] = []
            for member in share.members {
                let group = try await ManifestLookup.at(member.line, in: document) { try await client.findGroup(member.reference) }
                members.append(MembershipDiff.Wanted(key: group.uuid, name: group.name, setting: nil, line: member.line))
            }
            for version in found {
                MembershipDiff.merge(&subjects, id: version.id, name: version.qualifiedName, line: share.line, exclusive: share.exclusive, members: members)
            }
        }
        let held = try await ConcurrentWork.tryMap(subjects, width: 4) { subject in try await client.memberships(versionID: subject.id) }
        // Removing goes by the membership's own id.
        var membershipIDs: [String: Int] = [:]
        for membership in held.joined() { membershipIDs["\(membership.imageVersion.id) \(membership.group.uuid)"] = membership.id }
        let ids = membershipIDs
        let diff = MembershipDiff(verb: "share", add: { versionID, group in
            _ = try await client.addMembership(versionID: versionID, groupID: group.key)
        }, remove: { versionID, group in
            guard let id = ids["\(versionID) \(group.key)"] else { throw MembershipError.incomplete("no membership of group \(group.name) to remove") }
            try await client.removeMembership(id: id)
        })
        var plan = SharePlan(target: target, system: system)
        for (subject, memberships) in zip(subjects, held) {
            plan.changes += diff.changes(subject, held: memberships.map { MembershipDiff.Held(key: $0.group.uuid, name: $0.group.name, setting: nil) })
        }
        return plan
    }

    public func export(_ subjects: [String]) async throws -> [ExportedShare] {
        var memberships: [AtmosphereMembership] = []
        var versions: [AtmosphereVersion] = []
        if subjects.isEmpty {
            memberships = try await client.memberships()
            for membership in memberships where !versions.contains(where: { $0.id == membership.imageVersion.id }) {
                // A membership's version may come without its image: the file needs IMAGE:VERSION to name it.
                versions.append(membership.imageVersion.image == nil ? try await client.version(id: membership.imageVersion.id) : membership.imageVersion)
            }
        } else {
            for subject in subjects {
                let version = try await client.findVersion(subject)
                versions.append(version)
                memberships += try await client.memberships(versionID: version.id)
            }
        }
        return versions.map { version in
            let groups = memberships.filter { $0.imageVersion.id == version.id }.map { ExportedMember(reference: $0.group.name, comment: $0.group.uuid) }
            let name = version.qualifiedName
            return NameGlob.isGlob(name) ? ExportedShare(subject: version.id, comment: name, members: groups)
                : ExportedShare(subject: name, comment: version.id, members: groups)
        }
    }
}
