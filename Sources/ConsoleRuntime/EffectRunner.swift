import Console
import Foundation
import MembershipKit

/// Performs effects with the SDK on Swift concurrency and posts their results as events.
/// It never touches the terminal: results go through `post`, which the UI thread drains.
/// What an effect means for a system is its adapter's business; the runner only routes it to the
/// connection it names (or the current one).
public final class EffectRunner: Sendable {
    /// Opens a session for a target (the configured default, a cloud, an endpoint). Retry waits and
    /// listings that stop early are reported through `reports` so the screen can show them.
    public typealias Connector = @Sendable (_ target: ConnectionTarget, _ reports: ConnectionReports) async throws -> Connection

    let post: @Sendable (Event) -> Void
    let connector: Connector
    let activityLog: ActivityLogFile?
    let connections = ConnectionBook()

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
        // The terminal is the UI thread's: the console loop writes the clipboard.
        case .quit, .copyToClipboard, .ringBell: break
        case let .loadInboxEveryCloud(request, clouds): readEveryInbox(request: request, clouds: clouds)
        default:
            let post = self.post
            Task { [connections] in
                guard let connection = await connections.connection(for: effect.connection) else {
                    // A row whose connection is gone: its load or change fails in words, never stays in flight.
                    let name = effect.connection.map { " \($0)" } ?? ""
                    if let failed = effect.failure(Failure(MembershipError.configuration(.unsupported("not connected to\(name)")))) { post(failed) }
                    return
                }
                // The effect names the connection it runs on, so the rows it loads say where they came from.
                await connection.adapter.run(effect.on(connection.id), post: post)
            }
        }
    }

    /// What connections report, as events.
    var reports: ConnectionReports {
        let post = self.post
        return ConnectionReports(onRetry: { post(.retrying(delay: $0.delay, status: $0.status)) },
                                 onTruncated: { post(.listingTruncated(Truncation($0))) })
    }

    func connect(_ target: ConnectionTarget) {
        Task { [self] in
            do {
                let post = self.post
                let connection = try await connector(target, reports)
                await connections.open(connection)
                post(.connected(connection.info))
            } catch {
                post(.connectionFailed(Self.membershipError(error).description))
            }
        }
    }

    /// `:inbox all`: every cloud at once (the slowest sets the time), each connected once and kept
    /// beside the current connection, so its rows act with its own credentials. Each cloud reports
    /// as it answers; the rows come together. Only when no cloud could be read does the load fail.
    func readEveryInbox(request: Int, clouds: [String]) {
        Task { [self, connections] in
            let post = self.post
            let answers = await ConcurrentWork.map(clouds, width: max(1, clouds.count)) { [self] cloud -> [RecordRow]? in
                var identity: SessionInfo?
                do {
                    let id = ConnectionID(cloud: cloud)
                    let connection: Connection
                    if let open = await connections.connection(for: id) {
                        connection = open
                    } else {
                        connection = try await connector(.cloud(cloud), reports)
                        await connections.keep(connection)
                    }
                    identity = connection.info
                    guard let adapter = connection.adapter as? any RecordAdapter else {
                        throw MembershipError.configuration(.unsupported("cloud '\(cloud)' has no inbox"))
                    }
                    var rows = try await adapter.load(.memberships, parent: nil, context: LoadContext())
                    for index in rows.indices where rows[index].connection == nil { rows[index].connection = connection.id }
                    post(.inboxCloudRead(request: request, CloudInboxReport(cloud: cloud, identity: identity, result: .success(rows.count), rows: rows)))
                    return rows
                } catch {
                    post(.inboxCloudRead(request: request, CloudInboxReport(cloud: cloud, identity: identity, result: .failure(Failure(Self.membershipError(error))))))
                    return nil
                }
            }
            let read = answers.compactMap { $0 }
            if read.isEmpty {
                post(.rowsLoaded(request: request, .failure(Failure(MembershipError.configuration(.unsupported("no cloud of clouds.yaml could be read"))))))
            } else {
                post(.rowsLoaded(request: request, .success(read.flatMap { $0 })))
            }
        }
    }

    /// The result of `body`, its error worded for the console.
    static func capture<T>(_ body: () async throws -> T) async -> Result<T, Failure> {
        do { return .success(try await body()) } catch { return .failure(Failure(membershipError(error))) }
    }

    static func membershipError(_ error: any Error) -> MembershipError { MembershipError.wrapping(error) }
}

extension Effect {
    /// The event that answers this effect with `error`, for effects that expect an answer.
    func failure(_ error: Failure) -> Event? {
        switch self {
        case let .loadRows(request, _, _, _, _), let .loadInboxEveryCloud(request, _), let .loadSweep(request, _, _):
            return .rowsLoaded(request: request, .failure(error))
        case let .perform(operation, _, _): return .operationDone(operation: operation, .failure(error))
        case let .loadPicker(request, _, _): return .pickerLoaded(request: request, .failure(error))
        case let .describe(request, _, _), let .listSharedWith(request, _, _): return .described(request: request, .failure(error))
        case let .aliasProject(_, id, name): return .projectAliased(id: id, name: name, error: error.description)
        case .connect, .recordActivity, .switchCloud, .switchEndpoint, .copyToClipboard, .ringBell, .nameProjects, .quit: return nil
        }
    }

    /// The effect as run on `connection` (an effect naming none runs on the current one).
    func on(_ connection: ConnectionID) -> Effect {
        switch self {
        case let .loadRows(request, nil, pane, parent, scope): return .loadRows(request: request, connection: connection, pane: pane, parent: parent, scope: scope)
        case let .perform(operation, nil, change): return .perform(operation: operation, connection: connection, change)
        case let .loadPicker(request, nil, picker): return .loadPicker(request: request, connection: connection, picker)
        case let .describe(request, nil, row): return .describe(request: request, connection: connection, row: row)
        case let .listSharedWith(request, nil, row): return .listSharedWith(request: request, connection: connection, row: row)
        case let .loadSweep(request, nil, criteria): return .loadSweep(request: request, connection: connection, criteria: criteria)
        case let .nameProjects(nil, ids): return .nameProjects(connection: connection, ids: ids)
        case let .aliasProject(nil, id, name): return .aliasProject(connection: connection, id: id, name: name)
        default: return self
        }
    }

    /// The connection an effect names; nil for the current one.
    var connection: ConnectionID? {
        switch self {
        case let .loadRows(_, connection, _, _, _), let .perform(_, connection, _), let .loadPicker(_, connection, _),
             let .describe(_, connection, _), let .listSharedWith(_, connection, _), let .loadSweep(_, connection, _), let .nameProjects(connection, _), let .aliasProject(connection, _, _): return connection
        default: return nil
        }
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

/// The connections opened in this run, by id, and the current one. A row keeps acting through the
/// connection it came from (its own credentials) after the user switched to another.
actor ConnectionBook {
    private var byID: [ConnectionID: Connection] = [:]
    private var current: Connection?

    func open(_ connection: Connection) {
        byID[connection.id] = connection
        current = connection
    }

    /// A connection kept for its rows (`:inbox all`) without becoming the current one.
    func keep(_ connection: Connection) {
        if byID[connection.id] == nil { byID[connection.id] = connection }
    }

    func connection(for id: ConnectionID?) -> Connection? {
        guard let id else { return current }
        return byID[id]
    }
}
