/// Plans a Glance v1 manifest: members are projects (or ids as given), each with `can_share`.
/// Changes are made one member at a time (`PUT`/`DELETE …/members/{id}`), so each has its own
/// outcome, rather than v1's whole-list replace.
public struct GlanceV1ManifestPlanner: ManifestPlanner {
    public let system = ManifestSystem.glanceV1
    let client: GlanceV1Client
    let target: String
    let projects: ProjectResolver

    public init(client: GlanceV1Client, target: String, projects: ProjectResolver) {
        self.client = client
        self.target = target
        self.projects = projects
    }

    public func plan(_ document: ManifestDocument) async throws -> SharePlan {
        let client = self.client
        var images: [GlanceV1Image]?
        var subjects: [MembershipDiff.Subject] = []
        for share in document.shares {
            let found: [GlanceV1Image]
            if NameGlob.isGlob(share.subject.value) {
                if images == nil { images = try await ownImages() }
                found = (images ?? []).filter { NameGlob.matches(share.subject.value, $0.name ?? "") }
                guard !found.isEmpty else { throw document.error(line: share.subject.line, "no image of your project matches '\(share.subject.value)'") }
            } else {
                found = [try await ManifestLookup.at(share.subject.line, in: document) { try await client.findImage(share.subject.value) }]
            }
            let members = try await projects.ids(of: share.members, in: document).map {
                MembershipDiff.Wanted(key: $0.id, name: $0.name ?? $0.id, setting: String($0.member.canShare ?? share.canShare), line: $0.member.line)
            }
            for image in found {
                MembershipDiff.merge(&subjects, id: image.id, name: image.name ?? image.id, line: share.line, exclusive: share.exclusive, members: members)
            }
        }
        let held = try await ConcurrentWork.tryMap(subjects, width: 4) { subject in try await client.members(imageID: subject.id) }
        let names = await projects.names(Array(Set(held.flatMap { $0.map(\.memberID) })))
        // Adding a member and setting its can_share are the same request in v1.
        let put: MembershipDiff.Operation<MembershipDiff.Wanted> = { imageID, member in
            try await client.addMember(imageID: imageID, memberID: member.key, canShare: member.setting == "true")
        }
        let diff = MembershipDiff(verb: "share", settingName: "can_share", add: put, change: put, remove: { imageID, member in
            try await client.removeMember(imageID: imageID, memberID: member.key)
        })
        var plan = SharePlan(target: target, system: system)
        for (subject, members) in zip(subjects, held) {
            plan.changes += diff.changes(subject, held: members.map {
                MembershipDiff.Held(key: $0.memberID, name: names[$0.memberID]?.name ?? $0.memberID, setting: String($0.canShare))
            })
        }
        return plan
    }

    /// The images the caller's project owns (every visible one when the scope is unknown).
    func ownImages() async throws -> [GlanceV1Image] {
        let all = try await client.images(pageSize: GlanceV1Client.maximumPageSize)
        guard let project = try? await client.session.validToken().project?.id else { return all }
        return all.filter { $0.owner == project }
    }

    public func export(_ subjects: [String]) async throws -> [ExportedShare] {
        var images: [GlanceV1Image] = []
        if subjects.isEmpty {
            images = try await ownImages()
        } else {
            for subject in subjects { images.append(try await client.findImage(subject)) }
        }
        let all = try await client.images(pageSize: GlanceV1Client.maximumPageSize)
        var exported: [ExportedShare] = []
        for image in images {
            let members = try await client.members(imageID: image.id)
            if subjects.isEmpty, members.isEmpty { continue }
            let names = await projects.names(members.map(\.memberID))
            var written: [ExportedMember] = []
            for member in members {
                var reference = await projects.reference(for: member.memberID, name: names[member.memberID]?.name)
                reference.canShare = member.canShare
                written.append(reference)
            }
            let unique = image.name.map { name in !NameGlob.isGlob(name) && all.filter({ $0.name == name }).count == 1 } ?? false
            exported.append(ExportedShare(subject: unique ? (image.name ?? image.id) : image.id, comment: unique ? image.id : image.name, members: written))
        }
        return exported
    }
}
