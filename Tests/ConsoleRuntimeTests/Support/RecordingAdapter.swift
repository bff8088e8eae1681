import Console
import ConsoleRuntime
import MembershipKit
import NIOConcurrencyHelpers

/// A small system for the routing tests: it keeps every effect it was asked to run, under its own
/// name, and answers a row load with one row naming itself, so a test sees which connection ran what.
struct RecordingAdapter: SystemAdapter {
    let name: String
    let ran: EffectLog

    func run(_ effect: Effect, post: @escaping @Sendable (Event) -> Void) async {
        ran.append(name, effect)
        if case let .loadRows(request, _, _, _, _) = effect {
            post(.rowsLoaded(request: request, .success([RecordRow(key: name, cells: [name], ref: RowRef(name))])))
        }
    }

    /// A connection named `name` (its `ConnectionID`) whose adapter records into `log`.
    static func connection(_ name: String, log: EffectLog) -> Connection {
        let info = SessionInfo(cloud: name, userName: "tester", projectName: "project", projectID: "", endpointHost: "localhost",
                               system: SystemModel(name: "Recording", panes: [:]))
        return Connection(info: info, adapter: RecordingAdapter(name: name, ran: log))
    }
}

/// The effects run, by the name of the adapter that ran them.
final class EffectLog: Sendable {
    private let entries = NIOLockedValueBox<[(adapter: String, effect: Effect)]>([])

    func append(_ adapter: String, _ effect: Effect) { entries.withLockedValue { $0.append((adapter, effect)) } }

    /// The adapters that ran `effect`, in order. An effect that named no connection reaches the
    /// adapter naming the one it runs on.
    func adapters(that effect: Effect) -> [String] {
        entries.withLockedValue { $0.filter { $0.effect == effect || $0.effect == Self.named(effect, ConnectionID($0.adapter)) }.map(\.adapter) }
    }

    static func named(_ effect: Effect, _ connection: ConnectionID) -> Effect {
        switch effect {
        case let .loadRows(request, nil, pane, parent, scope): return .loadRows(request: request, connection: connection, pane: pane, parent: parent, scope: scope)
        case let .perform(operation, nil, change): return .perform(operation: operation, connection: connection, change)
        case let .loadPicker(request, nil, picker): return .loadPicker(request: request, connection: connection, picker)
        default: return effect
        }
    }

    var count: Int { entries.withLockedValue { $0.count } }
}
