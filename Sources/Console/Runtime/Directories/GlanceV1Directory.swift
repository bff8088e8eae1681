import MembershipKit

/// Glance v1 in the console: images → their members with can_share → images shared with my project.
public struct GlanceV1Directory: DirectoryService {
    let client: GlanceV1Client
    /// My project: the overview lists what is shared with it.
    let projectID: String
    let imageNames = NameBook()

    public init(client: GlanceV1Client, projectID: String) {
        self.client = client
        self.projectID = projectID
    }

    public func load(_ pane: PaneID, parent: RecordRef?) async throws -> [RecordRow] {
        switch pane {
        case .images:
            return try await loadImages().map(Self.imageRow)
        case .members:
            guard case let .v1Image(imageID, _)? = parent else { return [] }
            return try await client.members(imageID: imageID).map { Self.memberRow($0, imageID: imageID) }
        case .memberships:
            let shared = try await client.sharedImages(memberID: projectID)
            var names = await imageNames.names(for: shared.map(\.imageID))
            if names == nil {
                _ = try await loadImages()
                names = await imageNames.all()
            }
            return shared.map { item in
                RecordRow(key: item.imageID, cells: [names?[item.imageID] ?? "", item.imageID, Self.yesNo(item.canShare)], ref: .v1Shared(imageID: item.imageID))
            }
        }
    }

    public func perform(_ action: DirectoryAction) async throws {
        switch action {
        case let .addV1Member(imageID, memberID): try await client.addMember(imageID: imageID, memberID: memberID, canShare: nil)
        case let .setV1CanShare(imageID, memberID, canShare): try await client.addMember(imageID: imageID, memberID: memberID, canShare: canShare)
        case let .removeV1Member(imageID, memberID): try await client.removeMember(imageID: imageID, memberID: memberID)
        default: throw MembershipError.configuration(.unsupported("Glance v1 cannot \(action.description)"))
        }
    }

    /// The image list, its names kept for the overview.
    func loadImages() async throws -> [GlanceV1Image] {
        let images = try await client.images(detail: true)
        await imageNames.record(images.map { ($0.id, $0.name ?? "") })
        return images
    }

    public func pickerItems(_ purpose: PickerPurpose) async throws -> [PickerItem] { [] }

    static func imageRow(_ image: GlanceV1Image) -> RecordRow {
        RecordRow(key: image.id, cells: [image.name ?? "", image.id, image.owner ?? "", Self.yesNo(image.isPublic ?? false)],
                  ref: .v1Image(id: image.id, name: image.name ?? ""))
    }

    static func memberRow(_ member: GlanceV1Member, imageID: String) -> RecordRow {
        RecordRow(key: member.memberID, cells: [member.memberID, Self.yesNo(member.canShare)],
                  ref: .v1Member(imageID: imageID, memberID: member.memberID, canShare: member.canShare))
    }

    static func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }
}
