import Console
import MembershipKit

/// A connected system as the effect runner sees it: it performs the effects it understands and
/// posts their results. One per system, in the system's folder.
public protocol SystemAdapter: Sendable {
    func run(_ effect: Effect, post: @escaping @Sendable (Event) -> Void) async
}

/// A system whose panes hold `RecordRow`s: it loads a pane's rows, performs the operations its rows
/// prepared, and fills its pickers. The effects are mapped once, here, for every such system.
public protocol RecordAdapter: SystemAdapter {
    /// The rows of `pane`; for the second pane, the detail of `parent`.
    func load(_ pane: PaneID, parent: RowRef?) async throws -> [RecordRow]
    /// Performs an operation one of its rows (or pickers) prepared; answers the row as the server now has it.
    func perform(_ operation: RowOperation) async throws -> OperationOutcome
    func pickerItems(_ request: PickerRequest) async throws -> [PickerItem]
}

extension RecordAdapter {
    public func run(_ effect: Effect, post: @escaping @Sendable (Event) -> Void) async {
        switch effect {
        case let .loadRows(request, _, pane, parent):
            post(.rowsLoaded(request: request, await EffectRunner.capture { try await load(pane, parent: parent) }))
        case let .perform(operation, _, change):
            post(.operationDone(operation: operation, await EffectRunner.capture { try await perform(change) }))
        case let .loadPicker(request, _, pickerRequest):
            post(.pickerLoaded(request: request, await EffectRunner.capture { try await pickerItems(pickerRequest) }))
        default:
            break
        }
    }

    /// Refuses a request this system did not prepare.
    func unknown(_ operation: RowOperation) -> MembershipError {
        .configuration(.unsupported("this endpoint cannot \(operation.description)"))
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
