import Console
import ConsoleRuntime
import Foundation
import MembershipKit
import Testing

/// `EffectRunner` routing: a row keeps acting through the connection it came from (its own
/// credentials) after the user switched to another; effects naming none go to the current one.
@Suite("Effect runner: routing")
struct EffectRunnerRoutingTests {
    /// A runner with two connections opened, `first` then `second` (the current one).
    static func runnerWithTwoConnections(log: EffectLog, events: PostedEvents) async -> EffectRunner {
        let runner = EffectRunner(connector: { target, _ in
            guard case let .endpoint(name) = target else { throw ConfigurationError.unsupported("endpoints only") }
            return RecordingAdapter.connection(name, log: log)
        }, activityLog: nil, post: events.post)
        for name in ["first", "second"] {
            runner.perform(.switchEndpoint(name))
            _ = await events.first { if case let .connected(info) = $0, info.cloud == name { true } else { nil } }
        }
        return runner
    }

    static let operation = RowOperation(request: RowRef("remove"), inFlight: "removing…", description: "remove it")
    static let picker = PickerRequest(title: "Group", ref: RowRef("groups"))

    @Test("each effect runs on the connection its ConnectionID names, or on the current one when it names none")
    func routesByConnection() async throws {
        let log = EffectLog(), events = PostedEvents()
        let runner = await Self.runnerWithTwoConnections(log: log, events: events)
        let first = ConnectionID("first"), second = ConnectionID("second")
        let effects: [(Effect, expected: String)] = [
            (.loadRows(request: 1, connection: first, pane: .images, parent: nil, scope: .mine), "first"),
            (.loadRows(request: 2, connection: nil, pane: .images, parent: nil, scope: .mine), "second"),
            (.perform(operation: 3, connection: first, Self.operation), "first"),
            (.perform(operation: 4, connection: nil, Self.operation), "second"),
            (.loadPicker(request: 5, connection: first, Self.picker), "first"),
            (.loadPicker(request: 6, connection: second, Self.picker), "second"),
        ]
        for (effect, _) in effects { runner.perform(effect) }
        try await waitUntil { log.count == effects.count }
        for (effect, expected) in effects {
            #expect(log.adapters(that: effect) == [expected], "\(effect)")
        }
        // What the adapter posts reaches the runner's `post`: the rows of request 1 came from `first`.
        let rows = await events.first { if case let .rowsLoaded(1, result) = $0 { try? result.get() } else { nil } }
        #expect(rows?.map(\.key) == ["first"])
    }

    @Test("an effect naming a connection that is not open is answered with a failure, so no row stays in flight")
    func unknownConnectionFails() async throws {
        let log = EffectLog(), events = PostedEvents()
        let runner = await Self.runnerWithTwoConnections(log: log, events: events)
        runner.perform(.perform(operation: 8, connection: ConnectionID("gone"), Self.operation))
        runner.perform(.loadRows(request: 9, connection: ConnectionID("gone"), pane: .members, parent: nil, scope: .mine))
        let refused = await events.first { if case let .operationDone(8, .failure(error)) = $0 { error.description } else { nil } }
        #expect(refused?.contains("not connected to gone") == true, "\(refused ?? "no answer")")
        let unloaded = await events.first { if case let .rowsLoaded(9, .failure(error)) = $0 { error.description } else { nil } }
        #expect(unloaded != nil)
        #expect(log.count == 0)
    }

    @Test("connect, :cloud, :endpoint, the activity log and quit are the runner's own: no adapter runs them")
    func ownEffectsReachNoAdapter() async throws {
        let log = EffectLog(), events = PostedEvents()
        let runner = await Self.runnerWithTwoConnections(log: log, events: events)
        let entry = ActivityEntry(time: Date(), imageID: "i", imageName: "n", memberID: "m", from: "a", to: "b", outcome: .done)
        runner.perform(.recordActivity(entry))
        runner.perform(.quit)
        // A marker after them: once it has run, anything sent before it to an adapter would have been started too.
        let marker = Effect.loadRows(request: 99, connection: nil, pane: .members, parent: nil, scope: .mine)
        runner.perform(marker)
        try await waitUntil { log.count >= 1 }
        #expect(log.adapters(that: marker) == ["second"])
        #expect(log.count == 1)
    }

    @Test("recordActivity appends the entry to the activity log file")
    func recordsActivity() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let file = ActivityLogFile(path: scratch.path + "/memberdeck/activity.log")
        let runner = EffectRunner(connector: { _, _ in throw ConfigurationError.unsupported("not used") }, activityLog: file, post: { _ in })
        let entries = ["golden", "bidi-\u{202E}gnp.exe"].map {
            ActivityEntry(time: Date(timeIntervalSince1970: 1_788_249_600), imageID: "img", imageName: $0, memberID: "p", from: "pending",
                          to: "accepted", outcome: .done)
        }
        for entry in entries { runner.perform(.recordActivity(entry)) }
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text == "2026-09-01T08:00:00Z  golden (img)  p  pending → accepted  done\n"
            + "2026-09-01T08:00:00Z  bidi-\\u{202e}gnp.exe (img)  p  pending → accepted  done\n")
    }

    @Test("rows of a connection the user left keep loading with its own credentials (Bonita, then Atmosphere)")
    func realConnectionsKeepTheirCredentials() async throws {
        try await RuntimeSandbox.with { sandbox in
            let bonita = sandbox.bonitaEndpoint("helen.kelly"), atmosphere = sandbox.atmosphereEndpoint("olivia")
            let events = PostedEvents()
            let runner = EffectRunner(connector: EndpointConnector([bonita, atmosphere]).connect, activityLog: nil, post: events.post)
            for endpoint in [bonita, atmosphere] {
                runner.perform(.switchEndpoint(endpoint.name))
                _ = await events.first { if case let .connected(info) = $0, info.cloud == endpoint.name { true } else { nil } }
            }
            runner.perform(.loadRows(request: 1, connection: ConnectionID(endpoint: bonita.name), pane: .images, parent: nil, scope: .mine))
            runner.perform(.loadRows(request: 2, connection: nil, pane: .images, parent: nil, scope: .mine))
            let users = try #require(await events.first { if case let .rowsLoaded(1, result) = $0 { result } else { nil } }).get()
            let images = try #require(await events.first { if case let .rowsLoaded(2, result) = $0 { result } else { nil } }).get()
            #expect(users.map(\.label).contains("walter.bates"))
            #expect(images.contains { $0.cells.first == "Ubuntu 22.04 GIS" })
        }
    }
}

@Suite("Connection ids")
struct ConnectionIDTests {
    @Test("a cloud and an endpoint of the same name are two connections")
    func cloudAndEndpointDiffer() {
        #expect(ConnectionID(cloud: "prod") != ConnectionID(endpoint: "prod"))
        #expect(ConnectionID(endpoint: "prod") == ConnectionID(endpoint: "prod"))
    }
}
