/// Plans a Glance v2 (or Rackspace) manifest: images by name, id or glob; members by project; the
/// status `accepted` reached with the consumer's own credentials where some are at hand.
public struct GlanceV2ManifestPlanner: ManifestPlanner {
    public let system = ManifestSystem.glanceV2
    /// Glance's default `image_member_quota`.
    public static let defaultMemberQuota = 128

    let glance: GlanceV2Client
    let target: String
    let projects: ProjectResolver
    /// Every project some credentials act as (asked only when a plan has something to accept).
    let consumers: @Sendable () async -> [String: ConsumerCredentials]
    let consumerClient: @Sendable (ConsumerCredentials) throws -> GlanceV2Client

    public init(glance: GlanceV2Client, target: String, projects: ProjectResolver,
                consumers: @escaping @Sendable () async -> [String: ConsumerCredentials],
                consumerClient: @escaping @Sendable (ConsumerCredentials) throws -> GlanceV2Client) {
        self.glance = glance
        self.target = target
        self.projects = projects
        self.consumers = consumers
        self.consumerClient = consumerClient
    }

    /// What the manifest asks of one image, its entries merged.
    struct Wanted: Sendable {
        var image: Image
        var line: Int
        var exclusive = false
        var makeShared = false
        /// Member id → whether to accept, the line, the name; in the order written.
        var members: [(id: String, accept: Bool, line: Int, name: String?)] = []
    }

    public func plan(_ document: ManifestDocument) async throws -> SharePlan {
        let (project, isAdmin) = try await glance.session.projectScope(for: "a manifest is planned for your project's images")
        let wanted = try await resolve(document, projectID: project.id, isAdmin: isAdmin)
        let current = try await glance.shares(of: wanted.map(\.image).filter { $0.visibility == "shared" })
        let membersByImage = Dictionary(current.map { ($0.image.id, $0.members) }, uniquingKeysWith: { first, _ in first })
        let needsConsumers = wanted.contains { item in
            item.members.contains { member in
                member.accept && membersByImage[item.image.id]?.first(where: { $0.memberID == member.id })?.memberStatus != .accepted
            }
        }
        let consumers = needsConsumers ? await consumers() : [:]
        let unlisted = Set(current.flatMap { $0.members.map(\.memberID) })
        let names = await projects.names(Array(unlisted))
        var plan = SharePlan(target: target, system: system)
        let quota = document.memberQuota ?? Self.defaultMemberQuota
        for item in wanted {
            try changes(for: item, current: membersByImage[item.image.id] ?? [], consumers: consumers, names: names, quota: quota,
                        document: document, into: &plan)
        }
        return plan
    }

    /// The images each share names, merged per image (two entries may name the same image).
    func resolve(_ document: ManifestDocument, projectID: String, isAdmin: Bool) async throws -> [Wanted] {
        var owned: [Image]?
        var wanted: [Wanted] = []
        for share in document.shares {
            let images: [Image]
            if owned == nil { owned = try await glance.listImages(ImageQuery(owner: projectID, pageSize: 1000)).filter { $0.owner == projectID } }
            // Only an owner shares an image: a name means one of the project's own images first,
            // even where an image shared with the project has the same name.
            let ownNamed = (owned ?? []).filter { $0.name == share.subject.value || $0.id == share.subject.value }
            if NameGlob.isGlob(share.subject.value) {
                images = (owned ?? []).filter { NameGlob.matches(share.subject.value, $0.name ?? "") }
                guard !images.isEmpty else {
                    throw document.error(line: share.subject.line, "no image of your project matches '\(share.subject.value)'")
                }
            } else if ownNamed.count > 1 {
                throw document.error(line: share.subject.line, "\(ownNamed.count) images of your project are named '\(share.subject.value)' (\(ownNamed.map(\.id).joined(separator: ", "))); give the id")
            } else if let image = ownNamed.first {
                images = [image]
            } else {
                let image = try await ManifestLookup.at(share.subject.line, in: document) { try await glance.findImage(share.subject.value) }
                guard isAdmin || image.owner == projectID else {
                    throw document.error(line: share.subject.line, "image '\(image.name ?? image.id)' belongs to project \(image.owner ?? "?"), not yours: only its owner shares it")
                }
                images = [image]
            }
            let members = try await projects.ids(of: share.members, in: document)
            for image in images {
                var item = wanted.first(where: { $0.image.id == image.id }) ?? Wanted(image: image, line: share.line)
                item.exclusive = item.exclusive || share.exclusive
                item.makeShared = item.makeShared || share.makeShared
                for member in members {
                    if let index = item.members.firstIndex(where: { $0.id == member.id }) {
                        item.members[index].accept = item.members[index].accept || share.accept
                    } else {
                        item.members.append((member.id, share.accept, member.member.line, member.name))
                    }
                }
                if let index = wanted.firstIndex(where: { $0.image.id == image.id }) { wanted[index] = item } else { wanted.append(item) }
            }
        }
        return wanted
    }

    func changes(for item: Wanted, current: [ImageMember], consumers: [String: ConsumerCredentials], names: [String: ProjectName], quota: Int,
                 document: ManifestDocument, into plan: inout SharePlan) throws {
        let glance = self.glance, consumerClient = self.consumerClient
        let image = item.image
        let imageName = image.name ?? image.id
        let visibility = image.visibility ?? "private"
        if visibility != "shared", !item.members.isEmpty {
            guard item.makeShared else {
                throw document.error(line: item.line, "image '\(imageName)' is \(visibility): only a shared image can have members (make_shared: true makes it shared)")
            }
            plan.changes.append(PlannedChange(.change, verb: "visibility", subject: imageName, subjectID: image.id, detail: "\(visibility) → shared",
                                              line: item.line, phase: .prepare) {
                _ = try await glance.setVisibility(imageID: image.id, to: "shared")
            })
        }
        var count = current.count
        for member in item.members {
            let shown = member.name ?? member.id
            let consumer = member.accept ? consumers[member.id] : nil
            if member.accept, consumer == nil, current.first(where: { $0.memberID == member.id })?.memberStatus != .accepted {
                plan.notes.append("line \(member.line): no credentials act as project \(shown): its share of \(imageName) stays pending until it accepts")
            }
            guard let existing = current.first(where: { $0.memberID == member.id }) else {
                count += 1
                plan.changes.append(PlannedChange(.add, verb: "share", subject: imageName, subjectID: image.id, member: shown, memberID: member.id,
                                                  detail: consumer.map { "and accept as \($0.description)" } ?? "", line: member.line) {
                    try await Self.share(glance, imageID: image.id, memberID: member.id, acceptAs: consumer, consumerClient: consumerClient)
                })
                continue
            }
            if let consumer, existing.memberStatus != .accepted {
                plan.changes.append(PlannedChange(.change, verb: "status", subject: imageName, subjectID: image.id, member: shown, memberID: member.id,
                                                  detail: "\(existing.status) → accepted, as \(consumer.description)", line: member.line) {
                    _ = try await consumerClient(consumer).updateMember(imageID: image.id, memberID: member.id, status: .accepted)
                })
            }
        }
        if item.exclusive {
            for existing in current where !item.members.contains(where: { $0.id == existing.memberID }) {
                count -= 1
                plan.changes.append(PlannedChange(.remove, verb: "remove", subject: imageName, subjectID: image.id,
                                                  member: names[existing.memberID]?.name ?? existing.memberID, memberID: existing.memberID,
                                                  detail: "\(existing.status); not in the manifest, which is exclusive here", line: item.line) {
                    try await glance.removeMember(imageID: image.id, memberID: existing.memberID)
                })
            }
        }
        if count > quota {
            throw document.error(line: item.line, "image '\(imageName)' would have \(count) members, more than the member quota of \(quota) (Glance's image_member_quota; member_quota: sets another); nothing was changed")
        }
    }

    /// Adds the member and, with a consumer, accepts as it. A failed accept leaves the share
    /// pending (the next apply tries again) and says so.
    static func share(_ glance: GlanceV2Client, imageID: String, memberID: String, acceptAs consumer: ConsumerCredentials?,
                      consumerClient: @Sendable (ConsumerCredentials) throws -> GlanceV2Client) async throws {
        do {
            _ = try await glance.addMember(imageID: imageID, memberID: memberID)
        } catch let error as MembershipError where error.httpStatus == 409 {
            // Shared meanwhile: what the plan wanted is there.
        }
        guard let consumer else { return }
        do {
            _ = try await consumerClient(consumer).updateMember(imageID: imageID, memberID: memberID, status: .accepted)
        } catch {
            throw MembershipError.incomplete("shared, but accepting as \(consumer.description) failed: \(MembershipError.wrapping(error).description); the share stays pending (apply again to retry)")
        }
    }

    public func export(_ subjects: [String]) async throws -> [ExportedShare] {
        let (project, isAdmin) = try await glance.session.projectScope(for: "an export reads your project's images")
        var images: [Image] = []
        if subjects.isEmpty {
            images = try await glance.managedImages(projectID: project.id, isAdmin: isAdmin)
        } else {
            for subject in subjects { images.append(try await glance.findImage(subject)) }
        }
        let owned = try await glance.listImages(ImageQuery(owner: project.id, pageSize: 1000))
        let shares = try await glance.shares(of: images.filter { $0.visibility == "shared" })
        let names = await projects.names(Array(Set(shares.flatMap { $0.members.map(\.memberID) })))
        var exported: [ExportedShare] = []
        for image in images {
            let members = shares.first(where: { $0.image.id == image.id })?.members ?? []
            // A name stands for the image where it finds no other of the project's images (and is no glob).
            let nameIsUnique = image.name.map { name in !NameGlob.isGlob(name) && owned.filter({ $0.name == name }).count == 1 && image.owner == project.id } ?? false
            let subject = nameIsUnique ? (image.name ?? image.id) : image.id
            let comment = nameIsUnique ? image.id : image.name
            var accepted: [ExportedMember] = [], others: [ExportedMember] = []
            for member in members {
                let reference = await projects.reference(for: member.memberID, name: names[member.memberID]?.name)
                if member.memberStatus == .accepted { accepted.append(reference) } else { others.append(reference) }
            }
            // Accepted members under accept: true, the others (pending, rejected) under accept: false:
            // the exported file then asks for exactly the statuses there are.
            if !accepted.isEmpty { exported.append(ExportedShare(subject: subject, comment: comment, members: accepted, accept: true)) }
            if !others.isEmpty || accepted.isEmpty { exported.append(ExportedShare(subject: subject, comment: comment, members: others, accept: false)) }
        }
        return exported
    }
}
