import Console
import MembershipKit

/// CyVerse Atmosphere: images with their versions (Enter shows them) → the groups that may launch
/// the selected version (`+` picks a group, `d` removes) → every version membership of mine.
public enum AtmosphereSystem: ConsoleSystem {
    public static let kinds: [EndpointKind] = [.atmosphere]

    public static let model = SystemModel(
        name: "Atmosphere",
        panes: [
            .images: PaneModel(title: "Images and versions", columns: ["Name", "ID", "Created by"], actions: [.open], emptyHint: "no images", idColumn: 1),
            .members: PaneModel(title: "Groups that may launch {}", columns: ["Group", "UUID", "Membership"], actions: [.share, .remove],
                                emptyHint: "no group may launch this version", selectHint: "select a version (enter on an image shows them)", idColumn: 1),
            .memberships: PaneModel(title: "My version memberships", columns: ["Version", "Group", "ID"], emptyHint: "no version memberships", idColumn: 2),
        ],
        words: [.share: "add group"],
        refreshAfterChange: [.memberships])

    public static func connect(_ endpoint: EndpointConfig, services: ConnectionServices, reports: ConnectionReports) async throws -> Connection {
        let client = try AtmosphereClient.make(configured: endpoint, requestLog: services.requestLog, onRetry: reports.onRetry,
                                               paging: reports.paging(services.pagingLimits))
        let token = try await client.login()
        let user = token.username ?? endpoint.username ?? "-"
        let info = SessionInfo(cloud: endpoint.name, region: endpoint.kind.rawValue, userName: user, projectName: user, projectID: "",
                               endpointHost: HostText.of(endpoint.url ?? ""), system: model,
                               connection: ConnectionID(endpoint: endpoint.name))
        return Connection(info: info, adapter: AtmosphereAdapter(client: client))
    }

    enum Ref: Hashable, Sendable {
        case image(id: Int)
        case version(id: String, name: String)
        case membership(id: Int)
        /// The picker of groups for a version.
        case groupsFor(versionID: String, versionName: String)
    }

    enum Request: Hashable, Sendable {
        case add(versionID: String, versionName: String, groupUUID: String)
        case remove(id: Int)
    }

    /// An image, then its versions (shown when the image is expanded).
    static func imageRows(_ image: AtmosphereImage) -> [RecordRow] {
        let key = "image:\(image.id)"
        let owner = image.createdBy?.username ?? ""
        let cells = [image.name, String(image.id), owner]
        var rows = [RecordRow(key: key, cells: cells, ref: RowRef(Ref.image(id: image.id)), isExpandable: !image.versions.isEmpty)]
        for version in image.versions {
            let name = "\(image.name):\(version.name)"
            var row = RecordRow(key: "version:\(version.id)", cells: [version.name, version.id, owner],
                                ref: RowRef(Ref.version(id: version.id, name: name)), label: name,
                                actions: [.share: .pick(PickerRequest(title: "Group that may launch \(name)",
                                                                       ref: RowRef(Ref.groupsFor(versionID: version.id, versionName: name))))],
                                opensDetail: true, depth: 1, parentKey: key)
            row.parentCells = cells
            rows.append(row)
        }
        return rows
    }

    /// A group in the picker of `+`: choosing it adds it to the version (a row in flight until the answer).
    static func groupChoice(_ group: AtmosphereGroup, versionID: String, versionName: String) -> PickerItem {
        let add = RowOperation(request: RowRef(Request.add(versionID: versionID, versionName: versionName, groupUUID: group.uuid)),
                            inFlight: "adding…", description: "add \(group.name) to \(versionName)",
                            newRow: RecordRow(key: "new:\(group.uuid)", cells: [group.name, group.uuid, ""],
                                              ref: RowRef(Ref.membership(id: 0)), label: group.name))
        return PickerItem(id: group.uuid, label: group.name, detail: group.users.map { "\($0.count) members" } ?? "", next: .perform(add))
    }

    /// A group that may launch a version.
    static func membershipRow(id: Int, group: AtmosphereGroup, versionName: String) -> RecordRow {
        let remove = RowOperation(request: RowRef(Request.remove(id: id)), inFlight: "removing…",
                               description: "remove \(group.name) (\(id)) from \(versionName)")
        return RecordRow(key: String(id), cells: [group.name, group.uuid, String(id)], ref: RowRef(Ref.membership(id: id)),
                         label: group.name,
                         actions: [.remove: .confirm(title: "Remove", message: "\(remove.description)?", confirmLabel: "Remove", remove)])
    }
}

/// Atmosphere with a client.
struct AtmosphereAdapter: RecordAdapter {
    let client: AtmosphereClient
    let versionNames = NameBook()

    func load(_ pane: PaneID, parent: RowRef?, context: LoadContext) async throws -> [RecordRow] {
        switch pane {
        case .images:
            return try await loadImages().flatMap(AtmosphereSystem.imageRows)
        case .members:
            guard case let .version(versionID, versionName)? = parent?.as(AtmosphereSystem.Ref.self) else { return [] }
            return try await client.memberships(versionID: versionID).map {
                AtmosphereSystem.membershipRow(id: $0.id, group: $0.group, versionName: versionName)
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
                          ref: RowRef(AtmosphereSystem.Ref.membership(id: membership.id)))
            }
        }
    }

    func perform(_ operation: RowOperation) async throws -> OperationOutcome {
        switch operation.request.as(AtmosphereSystem.Request.self) {
        case let .add(versionID, versionName, groupUUID)?:
            let membership = try await client.addMembership(versionID: versionID, groupID: groupUUID)
            return .row(AtmosphereSystem.membershipRow(id: membership.id, group: membership.group, versionName: versionName))
        case let .remove(id)?:
            try await client.removeMembership(id: id)
            return .removed
        case nil:
            throw unknown(operation)
        }
    }

    /// Every group (Atmosphere shows other people's groups to a search, which `+` needs); choosing
    /// one adds it to the version.
    func pickerItems(_ request: PickerRequest) async throws -> [PickerItem] {
        guard case let .groupsFor(versionID, versionName)? = request.ref.as(AtmosphereSystem.Ref.self) else { return [] }
        return try await client.groups(search: "").map { AtmosphereSystem.groupChoice($0, versionID: versionID, versionName: versionName) }
    }

    /// The images, their versions' full names kept for the overview.
    func loadImages() async throws -> [AtmosphereImage] {
        let images = try await client.images()
        await versionNames.record(images.flatMap { image in image.versions.map { ($0.id, "\(image.name):\($0.name)") } })
        return images
    }
}
