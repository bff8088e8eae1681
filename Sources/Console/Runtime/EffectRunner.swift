import Foundation
import MembershipKit

/// Performs effects with the SDK on Swift concurrency and posts their results as events.
/// It never touches the terminal: results go through `post`, which the UI thread drains.
public final class EffectRunner: Sendable {
    /// Opens a session for a target (the configured default, a cloud, an endpoint). Retry waits and
    /// listings that stop early are reported through `reports` so the screen can show them.
    public typealias Connector = @Sendable (_ target: ConnectionTarget, _ reports: ConnectionReports) async throws -> Connection

    let post: @Sendable (Event) -> Void
    let connector: Connector
    let activityLog: ActivityLogFile?
    let client = ClientHolder()

    public init(connector: @escaping Connector, activityLog: ActivityLogFile?, post: @escaping @Sendable (Event) -> Void) {
        self.connector = connector
        self.activityLog = activityLog
        self.post = post
    }

    public func perform(_ effect: Effect) {
        switch effect {
        case .connect: connect(.configured)
        case let .switchCloud(name): connect(.cloud(name))
        case let .switchEndpoint(name): connect(.endpoint(name))
        case let .recordActivity(entry): activityLog?.append(entry)
        case .quit: break
        default:
            Task { [self] in
                guard let connected = await client.current else { return }
                await run(effect, with: connected)
            }
        }
    }

    func connect(_ target: ConnectionTarget) {
        Task { [self] in
            do {
                let post = self.post
                let reports = ConnectionReports(onRetry: { post(.retrying($0)) }, onTruncated: { post(.listingTruncated($0)) })
                let connection = try await connector(target, reports)
                await client.set(connection)
                post(.connected(connection.info))
            } catch {
                post(.connectionFailed(Self.membershipError(error).description))
            }
        }
    }

    func run(_ effect: Effect, with connection: Connection) async {
        switch connection {
        case let .glance(connected): await run(effect, with: connected)
        case let .directory(directory): await run(effect, with: directory.service)
        }
    }

    /// Glance v1, Atmosphere and Bonita.
    func run(_ effect: Effect, with service: any DirectoryService) async {
        switch effect {
        case let .loadDirectory(request, pane, parent):
            await post(.directoryLoaded(request: request, Self.capture { try await service.load(pane, parent: parent) }))
        case let .directoryAction(operation, action):
            await post(.directoryDone(operation: operation, Self.capture { try await service.perform(action) }))
        case let .loadPicker(request, purpose):
            await post(.pickerLoaded(request: request, Self.capture { try await service.pickerItems(purpose) }))
        default:
            break
        }
    }

    func run(_ effect: Effect, with connected: ConnectedClient) async {
        let glance = connected.glance
        switch effect {
        case let .loadImages(request, scope, projectID):
            let loader = ImageLoader(glance: glance, post: post)
            await post(.imagesLoaded(request: request, Self.capture { try await loader.images(scope: scope, projectID: projectID, request: request) }))
        case let .loadMembers(request, imageID):
            await post(.membersLoaded(request: request, imageID: imageID, Self.capture { try await glance.members(imageID: imageID) }))
        case let .loadMemberships(request, projectID):
            let loader = ImageLoader(glance: glance, post: post)
            await post(.membershipsLoaded(request: request, Self.capture { try await loader.memberships(projectID: projectID, cache: connected.shareDates) }))
        case let .updateMember(operation, imageID, memberID, status):
            await post(.memberUpdated(operation: operation, Self.capture { try await glance.updateMember(imageID: imageID, memberID: memberID, status: status) }))
        case let .addMember(operation, imageID, memberID):
            await post(.memberAdded(operation: operation, Self.capture { try await glance.addMember(imageID: imageID, memberID: memberID) }))
        case let .removeMember(operation, imageID, memberID):
            await post(.memberRemoved(operation: operation, Self.capture { try await glance.removeMember(imageID: imageID, memberID: memberID) }))
        case .connect, .switchCloud, .switchEndpoint, .recordActivity, .quit, .loadDirectory, .directoryAction, .loadPicker:
            break
        }
    }

    static func capture<T>(_ body: () async throws -> T) async -> Result<T, MembershipError> {
        do { return .success(try await body()) } catch { return .failure(membershipError(error)) }
    }

    static func membershipError(_ error: any Error) -> MembershipError {
        if let error = error as? MembershipError { return error }
        if let error = error as? ConfigurationError { return .configuration(error) }
        return .invalidResponse(String(describing: error))
    }
}

/// A connected cloud: its client and what the header shows.
public struct ConnectedClient: Sendable {
    public let glance: GlanceV2Client
    public let info: SessionInfo
    /// When each share was created, kept across refreshes so each member row is read once.
    let shareDates = ShareDateCache()

    public init(glance: GlanceV2Client, info: SessionInfo) {
        self.glance = glance
        self.info = info
    }

    /// Connects with a session: authenticates (or reuses the cached token) and describes it.
    public static func connect(session: OpenStackSession, cloudName: String, isSandbox: Bool = false,
                               paging: PagingPolicy = .standard) async throws -> ConnectedClient {
        let token = try await session.validToken()
        let endpoint = try await session.imageEndpoint()
        let host = URLComponents(string: endpoint).map { components in
            (components.host ?? endpoint) + (components.port.map { ":\($0)" } ?? "")
        } ?? endpoint
        let cloud = await session.cloud
        let info = SessionInfo(cloud: cloudName, region: cloud.regionName, userName: token.user.name ?? token.user.id,
                               projectName: token.project?.name ?? token.project?.id ?? "-", projectID: token.project?.id ?? "",
                               endpointHost: host, isSandbox: isSandbox, isAdmin: token.isAdmin)
        return ConnectedClient(glance: GlanceV2Client(session: session, paging: paging), info: info)
    }
}

/// What a connection reports while it is used, as events for the controller.
public struct ConnectionReports: Sendable {
    /// A wait before a retry (the header counts it down).
    public let onRetry: @Sendable (RetryNotice) -> Void
    /// A listing that stopped early: the pane shows what loaded, and a warning says so.
    public let onTruncated: @Sendable (PagingTruncation) -> Void

    public init(onRetry: @escaping @Sendable (RetryNotice) -> Void, onTruncated: @escaping @Sendable (PagingTruncation) -> Void) {
        self.onRetry = onRetry
        self.onTruncated = onTruncated
    }

    /// The paging policy of a connection: `limits`, stopping early reported here.
    public func paging(_ limits: PagingLimits) -> PagingPolicy { PagingPolicy(limits: limits, onTruncated: onTruncated) }
}

/// Where `connect` goes: the configured default, a cloud (`:cloud`), an endpoint (`:endpoint`).
public enum ConnectionTarget: Sendable, Equatable {
    case configured
    case cloud(String)
    case endpoint(String)
}

/// A connected system: Glance v2 (and Rackspace), or one of the others.
public enum Connection: Sendable {
    case glance(ConnectedClient)
    case directory(DirectoryConnection)

    public var info: SessionInfo {
        switch self {
        case let .glance(client): return client.info
        case let .directory(directory): return directory.info
        }
    }
}

/// Glance v1, Atmosphere or Bonita, connected: the service the effects use and the header's facts.
public struct DirectoryConnection: Sendable {
    public let service: any DirectoryService
    public let info: SessionInfo

    public init(service: any DirectoryService, info: SessionInfo) {
        self.service = service
        self.info = info
    }
}

/// The connection in use; replaced when the user switches clouds or endpoints.
actor ClientHolder {
    var current: Connection?
    func set(_ connection: Connection) { current = connection }
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
