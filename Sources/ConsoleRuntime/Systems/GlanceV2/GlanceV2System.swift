import Console
import Foundation
import MembershipKit

/// OpenStack Glance v2 (and Rackspace Cloud Images, its flavour with over-limit retries): images,
/// the selected image's members with their status, and the shares offered to my project.
public enum GlanceV2System: ConsoleSystem {
    public static let kinds: [EndpointKind] = [.glance, .rackspace]

    public static let model = SystemModel(
        name: "Glance v2",
        layout: .imageShares,
        panes: [
            .images: PaneModel(title: "Images", columns: ImageRow.columns, actions: [.open, .share, .accept],
                               emptyHint: "no images"),
            .members: PaneModel(title: "Members of {}", columns: MemberRow.columns,
                                actions: [.accept, .reject, .pending, .share, .remove, .mark],
                                emptyHint: "no members", selectHint: "select an image"),
            .memberships: PaneModel(title: "Memberships", columns: MembershipRow.columns,
                                    actions: [.accept, .reject, .pending, .mark, .open], emptyHint: "no shares offered to your project"),
        ],
        commands: [
            CommandSpec(names: ["images"], usage: ":images all|mine", help: "image scope", arguments: ["all", "mine"], effect: .imageScope),
            CommandSpec(names: ["inbox", "memberships"], usage: ":inbox", help: "focus the memberships", effect: .focus(.memberships)),
            CommandSpec(names: ["members"], usage: ":members", help: "focus the members", effect: .focus(.members)),
        ])

    public static func connect(_ endpoint: EndpointConfig, services: ConnectionServices, reports: ConnectionReports) async throws -> Connection {
        try await connect(session: try services.keystoneSession(endpoint, reports), cloudName: endpoint.name,
                          paging: reports.paging(services.pagingLimits), connection: ConnectionID(endpoint: endpoint.name))
    }

    /// Connects with a session: authenticates (or reuses the cached token) and describes it.
    public static func connect(session: OpenStackSession, cloudName: String, isSandbox: Bool = false,
                               paging: PagingPolicy = .standard, connection: ConnectionID? = nil) async throws -> Connection {
        let token = try await session.validToken()
        let endpoint = try await session.imageEndpoint()
        let cloud = await session.cloud
        let info = SessionInfo(cloud: cloudName, region: cloud.regionName, userName: token.user.name ?? token.user.id,
                               projectName: token.project?.name ?? token.project?.id ?? "-", projectID: token.project?.id ?? "",
                               endpointHost: HostText.of(endpoint), isSandbox: isSandbox, isAdmin: token.isAdmin, system: model,
                               connection: connection ?? ConnectionID(cloud: cloudName))
        return Connection(info: info, adapter: GlanceV2Adapter(glance: GlanceV2Client(session: session, paging: paging)))
    }
}

/// Performs the image-share effects with a Glance v2 client.
struct GlanceV2Adapter: SystemAdapter {
    let glance: GlanceV2Client
    /// When each share was created, kept across refreshes so each member row is read once.
    let shareDates = ShareDateCache()

    func run(_ effect: Effect, post: @escaping @Sendable (Event) -> Void) async {
        let glance = self.glance
        switch effect {
        case let .loadImages(request, scope, projectID):
            let loader = ImageLoader(glance: glance, post: post)
            post(.imagesLoaded(request: request, await EffectRunner.capture { try await loader.images(scope: scope, projectID: projectID, request: request) }))
        case let .loadMembers(request, imageID):
            post(.membersLoaded(request: request, imageID: imageID, await EffectRunner.capture { try await glance.members(imageID: imageID) }))
        case let .loadMemberships(request, projectID):
            let loader = ImageLoader(glance: glance, post: post)
            post(.membershipsLoaded(request: request, await EffectRunner.capture { try await loader.memberships(projectID: projectID, cache: shareDates) }))
        case let .updateMember(operation, imageID, memberID, status):
            post(.memberUpdated(operation: operation, await EffectRunner.capture { try await glance.updateMember(imageID: imageID, memberID: memberID, status: status) }))
        case let .addMember(operation, imageID, memberID):
            post(.memberAdded(operation: operation, await EffectRunner.capture { try await glance.addMember(imageID: imageID, memberID: memberID) }))
        case let .removeMember(operation, imageID, memberID):
            post(.memberRemoved(operation: operation, await EffectRunner.capture { try await glance.removeMember(imageID: imageID, memberID: memberID) }))
        default:
            break
        }
    }
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
