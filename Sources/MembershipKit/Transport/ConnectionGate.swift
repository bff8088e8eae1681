import NIOConcurrencyHelpers

/// Lets at most `limit` requests per host through at once; the others wait their turn, in order.
///
/// async-http-client queues requests beyond its per-host connection limit itself, but bounds that
/// wait by the *connect* timeout (10 s). On a busy server, a request that had never left this process
/// failed as "cannot reach HOST", as if the server were down. Waiting here instead, with the pool
/// sized to the same limit, keeps the connect timeout for connecting and lets the wait count against
/// the request's own `api_timeout` (the caller's deadline cancels a waiting request).
final class ConnectionGate: Sendable {
    let limit: Int
    private let state = NIOLockedValueBox(State())

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct Host {
        var inFlight = 0
        var waiters: [Waiter] = []
    }

    private struct State {
        var hosts: [String: Host] = [:]
        var nextID: UInt64 = 0
        /// Requests between asking for a permit and queueing for it: a cancellation that lands in
        /// that gap is remembered in `cancelledEarly` and honoured when the request queues.
        var arriving: Set<UInt64> = []
        var cancelledEarly: Set<UInt64> = []
    }

    init(limit: Int) {
        precondition(limit > 0, "a gate must let at least one request through")
        self.limit = limit
    }

    /// Runs `body` holding one of `host`'s permits, waiting for one if all are taken.
    func withPermit<T: Sendable>(host: String, _ body: () async throws -> T) async throws -> T {
        try await acquire(host: host)
        defer { release(host: host) }
        return try await body()
    }

    /// How many requests to `host` hold a permit and how many wait (for tests and diagnostics).
    func load(of host: String) -> (inFlight: Int, waiting: Int) {
        state.withLockedValue { state in
            let entry = state.hosts[host] ?? Host()
            return (entry.inFlight, entry.waiters.count)
        }
    }

    private func acquire(host: String) async throws {
        let id = state.withLockedValue { state -> UInt64 in
            state.nextID &+= 1
            state.arriving.insert(state.nextID)
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let decision = state.withLockedValue { state -> Result<Void, any Error>? in
                    state.arriving.remove(id)
                    if state.cancelledEarly.remove(id) != nil { return .failure(CancellationError()) }
                    var entry = state.hosts[host] ?? Host()
                    defer { state.hosts[host] = entry }
                    if entry.inFlight < limit {
                        entry.inFlight += 1
                        return .success(())
                    }
                    entry.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let decision { continuation.resume(with: decision) }
            }
        } onCancel: {
            let dropped = state.withLockedValue { state -> CheckedContinuation<Void, any Error>? in
                if let index = state.hosts[host]?.waiters.firstIndex(where: { $0.id == id }) {
                    return state.hosts[host]?.waiters.remove(at: index).continuation
                }
                if state.arriving.contains(id) { state.cancelledEarly.insert(id) }
                return nil
            }
            dropped?.resume(throwing: CancellationError())
        }
    }

    private func release(host: String) {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, any Error>? in
            guard var entry = state.hosts[host] else { return nil }
            if entry.waiters.isEmpty {
                entry.inFlight -= 1
                state.hosts[host] = entry.inFlight > 0 ? entry : nil
                return nil
            }
            // The permit passes straight to the longest waiter; inFlight stays the same.
            let waiter = entry.waiters.removeFirst()
            state.hosts[host] = entry
            return waiter.continuation
        }
        next?.resume()
    }
}
