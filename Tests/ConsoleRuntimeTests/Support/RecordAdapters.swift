import Console
import ConsoleRuntime
import MembershipKit
import Testing

/// Connecting a record system to the sandbox exactly as the console does (`System.connect` with an
/// endpoint of config.yaml), and reaching its adapter's record operations.
extension RuntimeSandbox {
    func connect(_ endpoint: EndpointConfig, paging: PagingLimits = PagingLimits(),
                 reports: ConnectionReports = RuntimeSandbox.quietReports) async throws -> Connection {
        let system = try #require(SystemRegistry.system(for: endpoint.kind))
        return try await system.connect(endpoint, services: Self.services(paging: paging), reports: reports)
    }

    /// The record adapter of a fresh connection to `endpoint`.
    func records(_ endpoint: EndpointConfig) async throws -> any RecordAdapter {
        try #require(try await connect(endpoint).adapter as? any RecordAdapter)
    }
}

extension RecordAdapter {
    /// A pane's rows, with the console's default scope (my images).
    func load(_ pane: PaneID, parent: RowRef?) async throws -> [RecordRow] {
        try await load(pane, parent: parent, context: LoadContext())
    }

    /// The detail pane of `parent`, as the console asks for it when the row is selected.
    func detail(of parent: RecordRow) async throws -> [RecordRow] {
        try await load(.members, parent: parent.ref, context: LoadContext(parentRow: parent))
    }

    /// The row with `key` in `pane` after a fresh load: what the server now has.
    func reloaded(_ key: String, in pane: PaneID = .members, parent: RecordRow?) async throws -> RecordRow? {
        try await load(pane, parent: parent?.ref, context: LoadContext(parentRow: parent)).first { $0.key == key }
    }
}

extension RecordRow {
    /// The operation a key sends at once, or after the confirmation dialog.
    func operation(_ action: Action) throws -> RowOperation {
        switch actions[action] {
        case let .perform(operation)?, let .confirm(_, _, _, operation, _)?: return operation
        default: throw RowActionMissing(action: action, row: key, found: actions[action])
        }
    }

    /// The prompt's operation of a key (`+` on a Glance v1 image), before the argument is typed.
    func promptOperation(_ action: Action) throws -> RowOperation {
        guard case let .prompt(_, operation)? = actions[action] else { throw RowActionMissing(action: action, row: key, found: actions[action]) }
        return operation
    }

    /// The picker a key opens (`+` on a version or a user).
    func picker(_ action: Action) throws -> PickerRequest {
        guard case let .pick(request)? = actions[action] else { throw RowActionMissing(action: action, row: key, found: actions[action]) }
        return request
    }
}

extension PickerItem {
    /// The operation choosing this item sends.
    var operation: RowOperation? { if case let .perform(operation)? = next { operation } else { nil } }
    /// The picker choosing this item opens next.
    var nextPicker: PickerRequest? { if case let .pick(request)? = next { request } else { nil } }
}

/// A row lacks the action a test expected of it.
struct RowActionMissing: Error, CustomStringConvertible {
    let action: Action
    let row: String
    let found: RowAction?
    var description: String { "row \(row) has no usable \(action) (found \(String(describing: found)))" }
}
