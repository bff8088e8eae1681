import Console
import MembershipKit

/// Glance v2 with a client: loads the panes and performs the rows' operations.
struct GlanceV2Adapter: RecordAdapter {
    let glance: GlanceV2Client
    let viewer: GlanceV2Rows.Viewer
    /// When each share was created, kept across refreshes so each member row is read once.
    let shareDates = ShareDateCache()
    /// The images listed so far (slim), by id: rows name an image by id alone.
    let images = ImageBook()

    func load(_ pane: PaneID, parent: RowRef?, context: LoadContext) async throws -> [RecordRow] {
        let loader = ImageLoader(glance: glance)
        switch pane {
        case .images:
            let listed = try await loader.images(scope: context.scope, projectID: viewer.projectID, progress: context.progress)
            await images.record(listed)
            return listed.map { GlanceV2Rows.imageRow($0, viewer: viewer) }
        case .members:
            guard let image = await image(parent) else { return [] }
            return try await glance.members(imageID: image.id).map { GlanceV2Rows.memberRow($0, image: image, viewer: viewer) }
        case .memberships:
            let memberships = try await loader.memberships(projectID: viewer.projectID, cache: shareDates)
            await images.record(memberships.map(\.image))
            return memberships.map { GlanceV2Rows.membershipRow($0, viewer: viewer) }
        }
    }

    /// The image a row names, as last listed (an image never listed is known by its id only).
    func image(_ ref: RowRef?) async -> Image? {
        guard case let .image(id)? = ref?.as(GlanceV2Rows.Ref.self) else { return nil }
        return await images.image(id) ?? Image(id: id, name: nil, status: nil, visibility: nil, owner: nil)
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
            guard let image = await image(operation.target), let memberID = operation.argument else { throw unknown(operation) }
            let member = try await glance.addMember(imageID: image.id, memberID: memberID)
            return .row(GlanceV2Rows.memberRow(member, image: image, viewer: viewer))
        case let .remove(image, memberID)?:
            try await glance.removeMember(imageID: image.id, memberID: memberID)
            return .removed
        case nil:
            throw unknown(operation)
        }
    }

    func pickerItems(_ request: PickerRequest) async throws -> [PickerItem] { [] }
}

/// The images a connection listed, slim, by id.
actor ImageBook {
    private var byID: [String: Image] = [:]

    func record(_ images: [Image]) {
        for image in images { byID[image.id] = GlanceV2Rows.slim(image) }
    }

    func image(_ id: String) -> Image? { byID[id] }
}

/// Share creation dates by image, with the status they were read for.
actor ShareDateCache {
    var dates: [String: (status: String, createdAt: String?)] = [:]
    func get(_ imageID: String, status: String) -> String?? {
        guard let entry = dates[imageID], entry.status == status else { return nil }
        return .some(entry.createdAt)
    }
    func set(_ imageID: String, status: String, createdAt: String?) { dates[imageID] = (status, createdAt) }
}
