import Console
import MembershipKit

/// Glance v2 with a client: loads the panes and performs the rows' operations.
struct GlanceV2Adapter: KeystoneProjectNaming {
    let glance: GlanceV2Client
    let viewer: GlanceV2Rows.Viewer
    /// Where project names come from (nil: ids only).
    var names: ProjectDirectory?
    /// When each share was created, kept across refreshes so each member row is read once.
    let shareDates = ShareDateCache()
    /// The member projects the operator holds credentials for (nil: none looked for).
    var consumers: ConsumerBook?

    /// How the rows name the credentials acting as each member of `image`, when I own it (an
    /// admin sets any status itself).
    func consumerNames(_ memberIDs: [String], image: Image, waiting: Bool) async -> [String: String] {
        guard let consumers, !viewer.isAdmin, image.owner == viewer.projectID else { return [:] }
        return await consumers.descriptions(of: memberIDs.filter { $0 != viewer.projectID }, waiting: waiting)
    }

    func load(_ pane: PaneID, parent: RowRef?, context: LoadContext) async throws -> [RecordRow] {
        let loader = ImageLoader(glance: glance)
        switch pane {
        case .images:
            let viewer = viewer
            return try await loader.images(scope: context.scope, projectID: viewer.projectID, progress: context.progress, page: context.page,
                                           each: { GlanceV2Rows.imageRow($0, viewer: viewer) }, id: \.key)
        case .members:
            guard let row = context.parentRow, let image = GlanceV2Rows.image(of: row) else { return [] }
            let members = try await glance.members(imageID: image.id)
            // The list never waits for the logins the lookup takes: the rows offer it once it is known.
            let consumers = await consumerNames(members.map(\.memberID), image: image, waiting: false)
            return members.map { GlanceV2Rows.memberRow($0, image: image, viewer: viewer, consumer: consumers[$0.memberID]) }
        case .memberships:
            let memberships = try await loader.memberships(projectID: viewer.projectID, isAdmin: viewer.isAdmin, cache: shareDates)
            return memberships.map { GlanceV2Rows.membershipRow($0, viewer: viewer) }
        }
    }

    func perform(_ operation: RowOperation) async throws -> OperationOutcome {
        switch operation.request.as(GlanceV2Rows.Request.self) {
        case let .setStatus(image, sharedAt, memberID, status, answer)?:
            let member = try await glance.updateMember(imageID: image.id, memberID: memberID, status: status)
            if answer == .memberships {
                return .row(GlanceV2Rows.membershipRow(Membership(image: image, status: member.status, sharedAt: sharedAt), viewer: viewer))
            }
            return .row(GlanceV2Rows.memberRow(member, image: image, viewer: viewer))
        case .add?:
            guard let row = operation.target, let image = GlanceV2Rows.image(of: row), let typed = operation.argument else {
                throw unknown(operation)
            }
            let member = try await glance.addMember(imageID: image.id, memberID: try await projectID(typed))
            let consumer = await consumerNames([member.memberID], image: image, waiting: true)[member.memberID]
            return .row(GlanceV2Rows.memberRow(member, image: image, viewer: viewer, consumer: consumer))
        case let .setStatusAsConsumer(image, _, memberID, status)?:
            guard let (client, consumer) = try await consumers?.client(for: memberID) else {
                throw MembershipError.configuration(.unsupported("no credentials act as \(memberID) any more"))
            }
            let member = try await client.updateMember(imageID: image.id, memberID: memberID, status: status)
            return .row(GlanceV2Rows.memberRow(member, image: image, viewer: viewer, consumer: consumer))
        case .makeShared?:
            guard let row = operation.target, let image = GlanceV2Rows.image(of: row) else { throw unknown(operation) }
            return .row(GlanceV2Rows.imageRow(try await glance.setVisibility(imageID: image.id, to: "shared"), viewer: viewer))
        case let .remove(image, memberID)?:
            try await glance.removeMember(imageID: image.id, memberID: memberID)
            return .removed
        case nil:
            throw unknown(operation)
        }
    }

    func pickerItems(_ request: PickerRequest) async throws -> [PickerItem] { [] }

    /// The shares of my images (every shared image, for an admin) a sweep would take back.
    func sweepRows(_ criteria: SweepCriteria) async throws -> [RecordRow] {
        let images = try await glance.managedImages(projectID: viewer.projectID, isAdmin: viewer.isAdmin)
        let shares = try await glance.shares(of: images)
        var sweep = ShareSweep(rejected: criteria.rejected, pendingOlderThan: criteria.pendingOlderThan)
        if criteria.orphans {
            guard viewer.isAdmin else { throw MembershipError.configuration(.unsupported("orphans needs an admin token")) }
            sweep.orphans = try await ShareSweep.missingProjects(in: shares, keystone: KeystoneProjectReader(session: glance.session))
        }
        return sweep.candidates(shares).map { GlanceV2Rows.sweepRow($0.image, $0.member, reasons: $0.reasons, viewer: viewer) }
    }

    /// Every image of mine (every shared image, for an admin) that has the row's project as a
    /// member: pending first, then accepted, then rejected, each by name.
    func sharedWith(_ row: RecordRow) async throws -> [RecordField] {
        guard case let .member(_, memberID)? = row.ref.as(GlanceV2Rows.Ref.self) else {
            throw MembershipError.configuration(.unsupported("w looks up a member's project: select a member row"))
        }
        let images = try await glance.managedImages(projectID: viewer.projectID, isAdmin: viewer.isAdmin)
        let found = try await glance.images(images, sharedWith: memberID).sorted {
            (GlanceV2Rows.statusOrder($0.member.status), GlanceV2Rows.label($0.image)) < (GlanceV2Rows.statusOrder($1.member.status), GlanceV2Rows.label($1.image))
        }
        guard !found.isEmpty else { return [RecordField("", viewer.isAdmin ? "no shared image has it as a member" : "no image of your project has it as a member")] }
        return found.map { RecordField($0.member.status, "\(GlanceV2Rows.label($0.image))  \($0.image.id)") }
    }
}
