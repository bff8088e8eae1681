import Console
import Foundation
import MembershipKit

/// OpenStack Glance v2 (and Rackspace Cloud Images, its flavour with over-limit retries): images,
/// the selected image's members with their status, and the shares offered to my project (the inbox).
/// A membership of my project shows in three places (its inbox row, the image's Share column, my
/// row among the image's members): they share one subject, so a change shows on all of them.
public enum GlanceV2System: ConsoleSystem {
    public static let kinds: [EndpointKind] = [.glance, .rackspace]

    static let statusActions: [Action] = [.accept, .reject, .pending]

    public static let model = SystemModel(
        name: "Glance v2",
        panes: [
            .images: PaneModel(
                title: "Images", allTitle: "All images",
                columns: [
                    ColumnModel("Name", style: .name, minimum: 12, preferred: 24, essential: true, flexible: true),
                    ColumnModel("ID", style: .id, minimum: 8, preferred: 8, dropRank: 3),
                    ColumnModel("Visibility", minimum: 7, preferred: 10, dropRank: 4),
                    ColumnModel("Owner", style: .owner, minimum: 8, preferred: 8, dropRank: 2),
                    ColumnModel("Share", style: .status, minimum: 8, preferred: 11, dropRank: 1),
                    ColumnModel("Created", style: .time, minimum: 16, preferred: 16, dropRank: 5, onlyWithRoom: true),
                ],
                actions: [.open, .share, .accept], emptyHint: "no images",
                linked: LinkedState(source: .memberships, actions: statusActions,
                                    missing: "this image is not shared with your project; open it to manage its members"),
                idColumn: 1),
            .members: PaneModel(
                title: "Members of {}",
                columns: [
                    ColumnModel("Member ID", style: .member, minimum: 12, preferred: 32, essential: true),
                    ColumnModel("Status", style: .status, minimum: 8, preferred: 12, essential: true, flexible: true),
                    ColumnModel("Created", style: .time, minimum: 16, preferred: 16, dropRank: 2),
                    ColumnModel("Updated", style: .time, minimum: 16, preferred: 16, dropRank: 1),
                ],
                actions: statusActions + [.share, .remove, .mark, .sharedWith], emptyHint: "no members", selectHint: "select an image", idColumn: 0),
            .memberships: PaneModel(
                title: "Memberships",
                columns: [
                    ColumnModel("Status", style: .status, minimum: 11, preferred: 12, essential: true),
                    ColumnModel("Image", style: .name, minimum: 10, preferred: 20, essential: true, flexible: true),
                    ColumnModel("Owner", style: .owner, minimum: 8, preferred: 8, dropRank: 1),
                    ColumnModel("Age", style: .age, minimum: 4, preferred: 4, dropRank: 2),
                ],
                actions: statusActions + [.mark, .open], emptyHint: "no shares offered to your project"),
        ],
        doneWords: [.accept: "accepted", .reject: "rejected", .pending: "reset to pending", .remove: "removed", .share: "shared"],
        sweepPane: PaneModel(
            title: "Sweep",
            columns: [
                ColumnModel("Image", style: .name, minimum: 10, preferred: 20, essential: true, flexible: true),
                ColumnModel("Member", style: .member, minimum: 12, preferred: 20, essential: true),
                ColumnModel("Status", style: .status, minimum: 8, preferred: 9, dropRank: 2),
                ColumnModel("Why", minimum: 8, preferred: 14, dropRank: 1),
            ],
            actions: [.remove, .mark], emptyHint: "nothing to sweep", idColumn: 1),
        commands: [
            CommandSpec(names: ["images"], usage: ":images all|mine", help: "image scope", arguments: ["all", "mine"], effect: .imageScope),
            CommandSpec(names: ["inbox", "memberships"], usage: ":inbox [all]", help: "focus the memberships (all: every cloud's; here: this one's)",
                        arguments: ["all", "here"], effect: .inboxSpan),
            CommandSpec(names: ["members"], usage: ":members", help: "focus the members", effect: .focus(.members)),
            CommandSpec(names: ["sweep"], usage: ":sweep [WHAT]", help: "sweep shares",
                        arguments: ["rejected", "pending 30d", "orphans"], effect: .sweep),
        ])

    public static func connect(_ endpoint: EndpointConfig, services: ConnectionServices, reports: ConnectionReports) async throws -> Connection {
        let session = try services.keystoneSession(endpoint, reports)
        return try await connect(session: session, cloudName: endpoint.name, paging: reports.paging(services.pagingLimits),
                                 connection: ConnectionID(endpoint: endpoint.name), names: services.projectDirectory?(session))
    }

    /// Connects with a session: authenticates (or reuses the cached token) and describes it.
    public static func connect(session: OpenStackSession, cloudName: String, isSandbox: Bool = false,
                               paging: PagingPolicy = .standard, connection: ConnectionID? = nil,
                               names: ProjectDirectory? = nil, consumers: ConsumerSource? = nil) async throws -> Connection {
        let token = try await session.validToken()
        let endpoint = try await session.imageEndpoint()
        let cloud = await session.cloud
        let info = SessionInfo(cloud: cloudName, region: cloud.regionName, userName: token.user.name ?? token.user.id,
                               projectName: token.project?.name ?? token.project?.id ?? "-", projectID: token.project?.id ?? "",
                               endpointHost: HostText.of(endpoint), isSandbox: isSandbox, isAdmin: token.isAdmin, system: model,
                               connection: connection ?? ConnectionID(cloud: cloudName))
        let viewer = GlanceV2Rows.Viewer(projectID: token.project?.id ?? "", isAdmin: token.isAdmin)
        var adapter = GlanceV2Adapter(glance: GlanceV2Client(session: session, paging: paging), viewer: viewer, names: names)
        if let consumers {
            adapter.consumers = ConsumerBook(home: session, clouds: consumers.clouds, paging: paging, session: consumers.session)
        }
        return Connection(info: info, adapter: adapter)
    }
}
