import MembershipKit

/// Atmosphere in the console: images with their versions → the groups that may launch the selected
/// version → every version membership of mine.
public struct AtmosphereDirectory: DirectoryService {
    let client: AtmosphereClient
    let versionNames = NameBook()

    public init(client: AtmosphereClient) {
        self.client = client
    }

    public func load(_ pane: PaneID, parent: RecordRef?) async throws -> [RecordRow] {
        switch pane {
        case .images:
            return try await loadImages().flatMap(Self.imageRows)
        case .members:
            guard case let .atmoVersion(versionID, _)? = parent else { return [] }
            return try await client.memberships(versionID: versionID).map { membership in
                RecordRow(key: String(membership.id), cells: [membership.group.name, membership.group.uuid, String(membership.id)],
                          ref: .atmoMembership(id: membership.id, versionID: versionID, group: membership.group.name))
            }
        case .memberships:
            // Memberships name only the version: the image's name comes from the image list.
            let memberships = try await client.memberships()
            var names = await versionNames.names(for: memberships.map(\.imageVersion.id))
            if names == nil {
                _ = try await loadImages()
                names = await versionNames.all()
            }
            return memberships.map { membership in
                RecordRow(key: String(membership.id),
                          cells: [names?[membership.imageVersion.id] ?? membership.imageVersion.qualifiedName, membership.group.name, String(membership.id)],
                          ref: .atmoMembership(id: membership.id, versionID: membership.imageVersion.id, group: membership.group.name))
            }
        }
    }

    /// The images, their versions' full names kept for the overview.
    func loadImages() async throws -> [AtmosphereImage] {
        let images = try await client.images()
        await versionNames.record(images.flatMap { image in image.versions.map { ($0.id, "\(image.name):\($0.name)") } })
        return images
    }

    /// An image, then its versions (shown when the image is expanded).
    static func imageRows(_ image: AtmosphereImage) -> [RecordRow] {
        let key = "image:\(image.id)"
        let owner = image.createdBy?.username ?? ""
        let cells = [image.name, String(image.id), owner]
        var rows = [RecordRow(key: key, cells: cells, ref: .atmoImage(id: String(image.id)), isExpandable: !image.versions.isEmpty)]
        for version in image.versions {
            var row = RecordRow(key: "version:\(version.id)", cells: [version.name, version.id, owner],
                                ref: .atmoVersion(id: version.id, name: "\(image.name):\(version.name)"), depth: 1, parentKey: key)
            row.parentCells = cells
            rows.append(row)
        }
        return rows
    }

    public func perform(_ action: DirectoryAction) async throws {
        switch action {
        case let .addAtmosphereMembership(versionID, groupUUID, _): _ = try await client.addMembership(versionID: versionID, groupID: groupUUID)
        case let .removeAtmosphereMembership(id, _): try await client.removeMembership(id: id)
        default: throw MembershipError.configuration(.unsupported("Atmosphere cannot \(action.description)"))
        }
    }

    /// Every group (Atmosphere shows other people's groups to a search, which `+` needs).
    public func pickerItems(_ purpose: PickerPurpose) async throws -> [PickerItem] {
        guard case .atmosphereGroup = purpose else { return [] }
        return try await client.groups(search: "").map { group in
            PickerItem(id: group.uuid, label: group.name, detail: group.users.map { "\($0.count) members" } ?? "")
        }
    }
}
