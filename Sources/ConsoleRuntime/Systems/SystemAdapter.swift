import Console
import MembershipKit

/// A connected system as the effect runner sees it: it performs the effects it understands and
/// posts their results. One per system, in the system's folder.
public protocol SystemAdapter: Sendable {
    func run(_ effect: Effect, post: @escaping @Sendable (Event) -> Void) async
}

/// A system's adapter: it loads a pane's rows, performs the operations its rows prepared, and fills
/// its pickers. The effects are mapped once, here, for every system.
public protocol RecordAdapter: SystemAdapter {
    /// The rows of `pane`; for the second pane, the detail of `parent`.
    func load(_ pane: PaneID, parent: RowRef?, context: LoadContext) async throws -> [RecordRow]
    /// Performs an operation one of its rows (or pickers) prepared; answers the row as the server now has it.
    func perform(_ operation: RowOperation) async throws -> OperationOutcome
    func pickerItems(_ request: PickerRequest) async throws -> [PickerItem]
    /// The whole record `row` shows, field by field, read again from the server; empty when the
    /// row's own fields are all the system has of it.
    func describe(_ row: RecordRow) async throws -> [RecordField]
    /// Names of the project ids the panes show (those its sources know); empty for a system
    /// without Keystone projects.
    func projectNames(_ ids: [String]) async -> [String: String]
    /// Keeps a name the user gave a project id.
    func aliasProject(id: String, name: String) async throws
    /// The images shared with the project of a member row, one field each (image: status).
    func sharedWith(_ row: RecordRow) async throws -> [RecordField]
    /// The shares a sweep would take back, as rows of the system's sweep pane.
    func sweepRows(_ criteria: SweepCriteria) async throws -> [RecordRow]
}

extension RecordAdapter {
    public func run(_ effect: Effect, post: @escaping @Sendable (Event) -> Void) async {
        switch effect {
        case let .loadRows(request, connection, pane, parent, scope):
            let context = LoadContext(scope: scope, parentRow: parent, progress: { post(.rowsProgress(request: request, count: $0)) },
                                      page: { rows in
                                          var rows = rows
                                          for index in rows.indices where rows[index].connection == nil { rows[index].connection = connection }
                                          post(.rowsArrived(request: request, rows))
                                      })
            post(.rowsLoaded(request: request, await EffectRunner.capture {
                var rows = try await load(pane, parent: parent?.ref, context: context)
                // Each row says which connection it came from (in place: the array is this call's own).
                for index in rows.indices where rows[index].connection == nil { rows[index].connection = connection }
                return rows
            }))
        case let .perform(operation, _, change):
            post(.operationDone(operation: operation, await EffectRunner.capture { try await perform(change) }))
        case let .loadPicker(request, _, pickerRequest):
            post(.pickerLoaded(request: request, await EffectRunner.capture { try await pickerItems(pickerRequest) }))
        case let .describe(request, _, row):
            post(.described(request: request, await EffectRunner.capture { try await describe(row) }))
        case let .loadSweep(request, connection, criteria):
            post(.rowsLoaded(request: request, await EffectRunner.capture {
                var rows = try await sweepRows(criteria)
                for index in rows.indices where rows[index].connection == nil { rows[index].connection = connection }
                return rows
            }))
        case let .listSharedWith(request, _, row):
            post(.described(request: request, await EffectRunner.capture { try await sharedWith(row) }))
        case let .nameProjects(_, ids):
            let names = await projectNames(ids)
            if !names.isEmpty { post(.projectsNamed(names)) }
        case let .aliasProject(_, id, name):
            let result = await EffectRunner.capture { try await aliasProject(id: id, name: name) }
            var error: String?
            if case let .failure(failure) = result { error = failure.description }
            post(.projectAliased(id: id, name: name, error: error))
        default:
            break
        }
    }

    /// Systems without Keystone projects (Atmosphere, Bonita) name none: their panes show no project ids.
    public func projectNames(_ ids: [String]) async -> [String: String] { [:] }

    public func sweepRows(_ criteria: SweepCriteria) async throws -> [RecordRow] {
        throw MembershipError.configuration(.unsupported("this endpoint has no shares to sweep"))
    }

    public func sharedWith(_ row: RecordRow) async throws -> [RecordField] {
        throw MembershipError.configuration(.unsupported("this endpoint has no member projects to look up"))
    }

    public func aliasProject(id: String, name: String) async throws {
        throw MembershipError.configuration(.unsupported("this endpoint has no Keystone projects to name"))
    }

    /// Refuses a request this system did not prepare.
    func unknown(_ operation: RowOperation) -> MembershipError {
        .configuration(.unsupported("this endpoint cannot \(operation.description)"))
    }
}

/// What a load is for: which rows the first pane lists, and where a long listing reports progress.
public struct LoadContext: Sendable {
    public var scope: ImageScope
    /// For the detail pane: the row whose detail it is, as the pane shows it (its cells too).
    public var parentRow: RecordRow?
    /// Rows received so far (page by page).
    public var progress: @Sendable (Int) -> Void
    /// A page's rows as it arrives, for a listing long enough to show before its end (the images).
    /// When set, a loader that pages hands each page here and keeps none: its result is then only
    /// the rows no page carried. Without it, the result is the whole listing.
    public var page: (@Sendable ([RecordRow]) -> Void)?

    public init(scope: ImageScope = .mine, parentRow: RecordRow? = nil, progress: @escaping @Sendable (Int) -> Void = { _ in },
                page: (@Sendable ([RecordRow]) -> Void)? = nil) {
        self.scope = scope
        self.parentRow = parentRow
        self.progress = progress
        self.page = page
    }
}

/// A connected system: its adapter and what the header shows.
public struct Connection: Sendable {
    public let info: SessionInfo
    public let adapter: any SystemAdapter

    public init(info: SessionInfo, adapter: any SystemAdapter) {
        self.info = info
        self.adapter = adapter
    }

    /// How rows and effects name this connection.
    public var id: ConnectionID { info.connection }
}
