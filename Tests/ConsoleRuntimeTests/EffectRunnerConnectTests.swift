import Console
import ConsoleRuntime
import Foundation
import MembershipKit
import NIOConcurrencyHelpers
import Testing

/// `EffectRunner` opening connections: what it asks the connector for, and what it posts.
@Suite("Effect runner: connecting")
struct EffectRunnerConnectTests {
    @Test("connect, :cloud and :endpoint ask for the target they name and post .connected with the connection's info",
          arguments: [
              (Effect.connect, ConnectionTarget.configured),
              (Effect.switchCloud("east"), ConnectionTarget.cloud("east")),
              (Effect.switchEndpoint("atmo"), ConnectionTarget.endpoint("atmo")),
          ])
    func connectPostsConnected(effect: Effect, target: ConnectionTarget) async throws {
        let asked = NIOLockedValueBox<[ConnectionTarget]>([])
        let events = PostedEvents()
        let runner = EffectRunner(connector: { target, _ in
            asked.withLockedValue { $0.append(target) }
            return RecordingAdapter.connection("opened-\(target)", log: EffectLog())
        }, activityLog: nil, post: events.post)
        runner.perform(effect)
        let info = await events.first { if case let .connected(info) = $0 { info } else { nil } }
        #expect(info?.cloud == "opened-\(target)")
        #expect(asked.withLockedValue { $0 } == [target])
    }

    @Test("a refused login posts .connectionFailed: one line with the server's answer")
    func refusedLogin() async throws {
        try await RuntimeSandbox.with { sandbox in
            let endpoint = sandbox.bonitaEndpoint("helen.kelly", password: "wrong")
            let events = PostedEvents()
            let runner = EffectRunner(connector: EndpointConnector([endpoint]).connect, activityLog: nil, post: events.post)
            runner.perform(.switchEndpoint(endpoint.name))
            let message = await events.first { if case let .connectionFailed(text) = $0 { text } else { nil } }
            #expect(message?.hasPrefix("401 Unauthorized") == true, "\(message ?? "")")
            #expect(message?.contains("\n") == false)
            #expect(!events.all.contains { if case .connected = $0 { true } else { false } })
        }
    }

    @Test("an endpoint nobody answers posts .connectionFailed saying the connection was refused")
    func nobodyAnswers() async throws {
        // A port bound by this test and never listened on: refused for the whole test.
        let closed = try ClosedPort()
        var endpoint = EndpointConfig(name: "atmo-closed", kind: .atmosphere, origin: "test")
        endpoint.url = "http://127.0.0.1:\(closed.port)/atmosphere"
        endpoint.username = "olivia"
        endpoint.password = .literal("x")
        let events = PostedEvents()
        let runner = EffectRunner(connector: EndpointConnector([endpoint]).connect, activityLog: nil, post: events.post)
        runner.perform(.switchEndpoint(endpoint.name))
        let message = await events.first { if case let .connectionFailed(text) = $0 { text } else { nil } }
        #expect(message?.contains("connection refused") == true, "\(message ?? "")")
        #expect(message?.contains("\n") == false)
        withExtendedLifetime(closed) {}
    }

    @Test("a configuration error of the connector is posted as its own one-line text")
    func configurationError() async throws {
        let events = PostedEvents()
        let runner = EffectRunner(connector: { _, _ in throw ConfigurationError.unsupported("the console has no panes for endpoints of kind x") },
                                  activityLog: nil, post: events.post)
        runner.perform(.connect)
        let message = await events.first { if case let .connectionFailed(text) = $0 { text } else { nil } }
        #expect(message == "the console has no panes for endpoints of kind x")
    }
}
