import Console
import MembershipKit

/// OpenStack Glance v1: images → their members with can_share (`c` toggles, `+` adds, `d` removes)
/// → the images shared with my project.
public enum GlanceV1System: ConsoleSystem {
    public static let kinds: [EndpointKind] = [.glanceV1]

    public static let model = SystemModel(
        name: "Glance v1",
        panes: [
            .images: PaneModel(title: "Images", columns: ["Name", "ID", ColumnModel("Owner", style: .owner), "Public"], actions: [.open],
                               emptyHint: "no images", idColumn: 1),
            .members: PaneModel(title: "Members of {}", columns: [ColumnModel("Member ID", style: .member), "Can share"],
                                actions: [.share, .remove, .toggleShare],
                                emptyHint: "no members", selectHint: "select an image", idColumn: 0),
            .memberships: PaneModel(title: "Shared with {}", columns: ["Image", "ID", "Can share"],
                                    emptyHint: "nothing shared with this project", idColumn: 1),
        ],
        words: [.share: "add member", .toggleShare: "can share"],
        refreshAfterChange: [.memberships])

    public static func connect(_ endpoint: EndpointConfig, services: ConnectionServices, reports: ConnectionReports) async throws -> Connection {
        let session = try services.keystoneSession(endpoint, reports)
        let token = try await session.validToken()
        let root = try await session.imageServiceRoot()
        let info = SessionInfo(cloud: endpoint.name, region: endpoint.kind.rawValue, userName: token.user.name ?? token.user.id,
                               projectName: token.project?.name ?? "-", projectID: token.project?.id ?? "", endpointHost: HostText.of(root),
                               isAdmin: token.isAdmin, system: model,
                               connection: ConnectionID(endpoint: endpoint.name))
        let client = GlanceV1Client(session: session, paging: reports.paging(services.pagingLimits))
        return Connection(info: info, adapter: GlanceV1Adapter(client: client, projectID: token.project?.id ?? "",
                                                               names: services.projectDirectory?(session)))
    }

    /// What a row is, for the adapter.
    enum Ref: Hashable, Sendable {
        case image(id: String)
        case member(imageID: String, memberID: String, canShare: Bool)
        case shared(imageID: String)
    }

    /// What an operation asks.
    enum Request: Hashable, Sendable {
        /// The member id is the operation's argument (typed in the prompt).
        case add(imageID: String)
        case setCanShare(imageID: String, memberID: String, canShare: Bool)
        case remove(imageID: String, memberID: String)
    }

    static func imageRow(_ image: GlanceV1Image) -> RecordRow {
        let name = image.name ?? ""
        let label = name.isEmpty ? image.id : name
        let add = RowOperation(request: RowRef(Request.add(imageID: image.id)), inFlight: "adding…", description: "share \(label) with {}",
                            newRow: RecordRow(key: "{}", cells: ["{}", "no"], ref: RowRef(Ref.member(imageID: image.id, memberID: "{}", canShare: false))))
        return RecordRow(key: image.id, cells: [name, image.id, image.owner ?? "", yesNo(image.isPublic ?? false)],
                         ref: RowRef(Ref.image(id: image.id)), label: label,
                         actions: [.share: .prompt(label: "share \(label) with (project names or ids, comma-separated): ", add)],
                         opensDetail: true)
    }

    static func memberRow(imageID: String, imageLabel: String, memberID: String, canShare: Bool) -> RecordRow {
        let toggle = RowOperation(request: RowRef(Request.setCanShare(imageID: imageID, memberID: memberID, canShare: !canShare)),
                               inFlight: "can share → \(yesNo(!canShare))…", description: "\(memberID) on \(imageLabel): can share → \(yesNo(!canShare))")
        let remove = RowOperation(request: RowRef(Request.remove(imageID: imageID, memberID: memberID)), inFlight: "removing…",
                               description: "remove \(memberID) from \(imageLabel)")
        return RecordRow(key: memberID, cells: [memberID, yesNo(canShare)],
                         ref: RowRef(Ref.member(imageID: imageID, memberID: memberID, canShare: canShare)),
                         actions: [.toggleShare: .perform(toggle),
                                   .remove: .confirm(title: "Remove", message: "\(remove.description)?", confirmLabel: "Remove", remove)])
    }

    static func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }
}

/// Glance v1 with a client: loads the panes and performs the rows' operations.
struct GlanceV1Adapter: KeystoneProjectNaming {
    let client: GlanceV1Client
    /// My project: the overview lists what is shared with it.
    let projectID: String
    /// Where project names come from (nil: ids only).
    var names: ProjectDirectory?
    let imageNames = NameBook()

    func load(_ pane: PaneID, parent: RowRef?, context: LoadContext) async throws -> [RecordRow] {
        switch pane {
        case .images:
            return try await loadImages().map(GlanceV1System.imageRow)
        case .members:
            guard case let .image(imageID)? = parent?.as(GlanceV1System.Ref.self) else { return [] }
            // Dialogs and messages name the image as its row does (its name), whatever this adapter has read.
            let known = await imageNames.all()[imageID].flatMap { $0.isEmpty ? nil : $0 }
            let label = context.parentRow.map(\.label).flatMap { $0.isEmpty ? nil : $0 } ?? known ?? imageID
            return try await client.members(imageID: imageID).map {
                GlanceV1System.memberRow(imageID: imageID, imageLabel: label, memberID: $0.memberID, canShare: $0.canShare)
            }
        case .memberships:
            let shared = try await client.sharedImages(memberID: projectID)
            var names = await imageNames.names(for: shared.map(\.imageID))
            if names == nil {
                _ = try await loadImages()
                names = await imageNames.all()
            }
            return shared.map { item in
                let name = names?[item.imageID] ?? ""
                return RecordRow(key: item.imageID, cells: [name, item.imageID, GlanceV1System.yesNo(item.canShare)],
                                 ref: RowRef(GlanceV1System.Ref.shared(imageID: item.imageID)), label: name.isEmpty ? item.imageID : name)
            }
        }
    }

    func perform(_ operation: RowOperation) async throws -> OperationOutcome {
        // The image as its row names it: the operation's target (the image row) for an addition, else the names read.
        let targetLabel = operation.target.map(\.label).flatMap { $0.isEmpty ? nil : $0 }
        let label: (String) async -> String = { imageID in
            if let targetLabel, operation.target?.key == imageID { return targetLabel }
            return await imageNames.all()[imageID].flatMap { $0.isEmpty ? nil : $0 } ?? imageID
        }
        switch operation.request.as(GlanceV1System.Request.self) {
        case let .add(imageID)?:
            guard let typed = operation.argument else { throw unknown(operation) }
            let memberID = try await projectID(typed)
            try await client.addMember(imageID: imageID, memberID: memberID, canShare: nil)
            // v1 answers an addition with no body, and keeps can_share of a member already there: read it back.
            let member = try await client.members(imageID: imageID).first { $0.memberID == memberID }
            return .row(GlanceV1System.memberRow(imageID: imageID, imageLabel: await label(imageID), memberID: memberID,
                                                 canShare: member?.canShare ?? false))
        case let .setCanShare(imageID, memberID, canShare)?:
            try await client.addMember(imageID: imageID, memberID: memberID, canShare: canShare)
            return .row(GlanceV1System.memberRow(imageID: imageID, imageLabel: await label(imageID), memberID: memberID, canShare: canShare))
        case let .remove(imageID, memberID)?:
            try await client.removeMember(imageID: imageID, memberID: memberID)
            return .removed
        case nil:
            throw unknown(operation)
        }
    }

    func pickerItems(_ request: PickerRequest) async throws -> [PickerItem] { [] }

    /// The image list, its names kept for the overview and for messages.
    func loadImages() async throws -> [GlanceV1Image] {
        let images = try await client.images(detail: true)
        await imageNames.record(images.map { ($0.id, $0.name ?? "") })
        return images
    }
}
