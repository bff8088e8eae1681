import Foundation
import HostileServer
import NIOConcurrencyHelpers
import Testing
@testable import MembershipKit

/// Requests beyond a host's connections wait their turn, bounded by their own api_timeout, not by
/// the connect timeout: a busy server is slow, not unreachable.
@Suite("Connection gate: a busy host is waited for, not reported unreachable")
struct ConnectionGateTests {
    @Test("24 slow requests at once through 8 connections all succeed, though each waits longer than the connect timeout")
    func busyHostIsWaitedFor() async throws {
        // Each answer takes about 1.2 s; the third wave waits about 2.4 s for a connection, more
        // than twice the 1 s connect timeout. Before the gate, async-http-client's pool failed those
        // requests with getConnectionFromPoolTimeout ("cannot reach").
        let server = try await HostileServer.start { _ in
            .drip(status: 200, headers: [("Content-Type", "application/json")], chunk: Data(" ".utf8), interval: 0.1, count: 12)
        }
        defer { Task { await server.stop() } }
        let transport = try AsyncHTTPTransport(settings: .init(connectTimeout: 1))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<24 {
                group.addTask {
                    try await transport.send(HTTPRequestSpec(method: "GET", url: "\(server.url)/v2/images?n=\(index)"), timeout: 60).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 24))
        #expect(server.requests.count == 24)
    }

    @Test("permits go to waiters in the order they came; a cancelled waiter leaves the queue and gets CancellationError")
    func waitersAreServedInOrderAndCancellable() async throws {
        let gate = ConnectionGate(limit: 1)
        let order = NIOLockedValueBox<[String]>([])
        let release = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await gate.withPermit(host: "h:1") {
                order.withLockedValue { $0.append("holder") }
                for await _ in release.stream { break }
            }
        }
        try await waitUntil { gate.load(of: "h:1") == (1, 0) }
        let first = Task { try await gate.withPermit(host: "h:1") { order.withLockedValue { $0.append("first") } } }
        try await waitUntil { gate.load(of: "h:1") == (1, 1) }
        let cancelled = Task { try await gate.withPermit(host: "h:1") { order.withLockedValue { $0.append("cancelled") } } }
        try await waitUntil { gate.load(of: "h:1") == (1, 2) }
        let second = Task { try await gate.withPermit(host: "h:1") { order.withLockedValue { $0.append("second") } } }
        try await waitUntil { gate.load(of: "h:1") == (1, 3) }

        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(gate.load(of: "h:1") == (1, 2))

        // Another host is not held up by this one.
        try await gate.withPermit(host: "other:2") { order.withLockedValue { $0.append("other") } }

        release.continuation.yield()
        try await holder.value
        try await first.value
        try await second.value
        #expect(order.withLockedValue { $0 } == ["holder", "other", "first", "second"])
        #expect(gate.load(of: "h:1") == (0, 0))
    }

    @Test("a task cancelled before it asks fails at once and takes no permit")
    func cancelledBeforeAskingTakesNoPermit() async throws {
        let gate = ConnectionGate(limit: 1)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await gate.withPermit(host: "h:1") { "ran" }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(gate.load(of: "h:1") == (0, 0))
    }

    /// Polls `condition` every 10 ms, for at most 60 s (returns as soon as it holds).
    private func waitUntil(_ condition: @Sendable () -> Bool) async throws {
        for _ in 0..<6000 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("condition not met within 60 s")
    }
}
