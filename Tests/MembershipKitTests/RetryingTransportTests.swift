import Foundation
import Testing
@testable import MembershipKit

/// A transport that plays a script of answers and failures and records what it was sent.
actor ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(Int, [(String, String)])
        case fail(any Error)
    }

    private var steps: [Step]
    private(set) var requests: [HTTPRequestSpec] = []

    init(_ steps: [Step]) { self.steps = steps }

    var attempts: Int { requests.count }

    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        requests.append(request)
        guard !steps.isEmpty else {
            Issue.record("the transport was called more often than scripted")
            throw MembershipError.invalidResponse("script exhausted")
        }
        switch steps.removeFirst() {
        case let .respond(status, headers):
            return HTTPResponseData(status: status, headers: headers, body: Data("status \(status)".utf8))
        case let .fail(error):
            throw error
        }
    }
}

@Suite("Retrying transport")
struct RetryingTransportTests {
    static func connection(_ kind: ConnectionFailure.Kind) -> MembershipError {
        .connection(ConnectionFailure(kind: kind, target: "glance.example.com:9292", detail: "\(kind)"))
    }

    /// The transport under test with a sleep that only records, and the retries it reported.
    struct Harness {
        let base: ScriptedTransport
        let transport: RetryingTransport
        let sleeps = Recorder<Double>()
        let notices = Recorder<RetryNotice>()

        init(_ steps: [ScriptedTransport.Step], policy: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 0.25, maxDelay: 4)) {
            base = ScriptedTransport(steps)
            let sleeps = sleeps
            let notices = notices
            transport = RetryingTransport(base: base, policy: policy,
                                          onRetry: { notices.append($0) },
                                          sleep: { sleeps.append($0) })
        }

        func send(_ method: String, _ url: String = "https://glance.example.com:9292/v2/images/abc/members") async throws -> HTTPResponseData {
            try await transport.send(HTTPRequestSpec(method: method, url: url), timeout: 30)
        }
    }

    @Test("a success is returned at once, with no retry")
    func successFirstTime() async throws {
        let harness = Harness([.respond(200, [])])
        let response = try await harness.send("GET")
        #expect(response.status == 200)
        #expect(await harness.base.attempts == 1)
        #expect(harness.notices.values.isEmpty)
        #expect(harness.sleeps.values.isEmpty)
    }

    @Test("a GET is repeated through 503s and the final answer returned")
    func getRetriedThrough503() async throws {
        let harness = Harness([.respond(503, []), .respond(502, []), .respond(200, [])])
        let response = try await harness.send("GET")
        #expect(response.status == 200)
        #expect(await harness.base.attempts == 3)
        let notices = harness.notices.values
        #expect(notices.map(\.attempt) == [1, 2])
        #expect(notices.map(\.status) == [503, 502])
        #expect(notices.allSatisfy { $0.method == "GET" && $0.url.hasSuffix("/members") })
        // The sleeps are the delays that were announced, within the backoff bounds.
        #expect(harness.sleeps.values == notices.map(\.delay))
        let delays = harness.sleeps.values
        #expect(delays.count == 2)
        #expect(delays[0] >= 0.125 && delays[0] <= 0.25)
        #expect(delays[1] >= 0.25 && delays[1] <= 0.5)
    }

    @Test("after maxAttempts the last error answer is returned, not thrown")
    func givesUpWithLastResponse() async throws {
        let harness = Harness([.respond(503, []), .respond(503, []), .respond(504, [])], policy: RetryPolicy(maxAttempts: 3))
        let response = try await harness.send("DELETE")
        #expect(response.status == 504)
        #expect(String(decoding: response.body, as: UTF8.self) == "status 504")
        #expect(await harness.base.attempts == 3)
        #expect(harness.notices.values.count == 2)
    }

    @Test("a POST that got a 503 is not repeated")
    func postNotRetriedOn503() async throws {
        let harness = Harness([.respond(503, [])])
        let response = try await harness.send("POST")
        #expect(response.status == 503)
        #expect(await harness.base.attempts == 1)
        #expect(harness.notices.values.isEmpty)
    }

    @Test("a POST whose connection was refused is repeated")
    func postRetriedWhenRefused() async throws {
        let harness = Harness([.fail(Self.connection(.refused)), .respond(200, [])])
        let response = try await harness.send("POST")
        #expect(response.status == 200)
        #expect(await harness.base.attempts == 2)
        let notices = harness.notices.values
        #expect(notices.count == 1)
        #expect(notices.first?.status == nil)
    }

    @Test("a POST whose connection closed is not repeated: the error passes through")
    func postClosedPassesThrough() async throws {
        let harness = Harness([.fail(Self.connection(.closed))])
        await #expect(throws: Self.connection(.closed)) { try await harness.send("POST") }
        #expect(await harness.base.attempts == 1)
    }

    @Test("a connection failure that is still there after maxAttempts is thrown")
    func connectionFailureExhausted() async throws {
        let harness = Harness([.fail(Self.connection(.closed)), .fail(Self.connection(.closed))], policy: RetryPolicy(maxAttempts: 2))
        await #expect(throws: Self.connection(.closed)) { try await harness.send("GET") }
        #expect(await harness.base.attempts == 2)
        #expect(harness.sleeps.values.count == 1)
    }

    @Test("timeouts, DNS and TLS failures pass through at once", arguments: [ConnectionFailure.Kind.timeout, .dns, .tls])
    func nonRetryableConnectionFailures(kind: ConnectionFailure.Kind) async throws {
        let harness = Harness([.fail(Self.connection(kind))])
        await #expect(throws: Self.connection(kind)) { try await harness.send("GET") }
        #expect(await harness.base.attempts == 1)
        #expect(harness.notices.values.isEmpty)
    }

    @Test("errors that are not connection failures pass through unchanged")
    func otherErrorsPassThrough() async throws {
        let configuration = MembershipError.configuration(.invalidValue(key: "url", detail: "bad"))
        let harness = Harness([.fail(configuration)])
        await #expect(throws: configuration) { try await harness.send("GET") }
        #expect(await harness.base.attempts == 1)

        let cancelled = Harness([.fail(CancellationError())])
        await #expect(throws: CancellationError.self) { try await cancelled.send("GET") }
        #expect(await cancelled.base.attempts == 1)
    }

    @Test("a 429 with Retry-After waits exactly that long, even for a POST")
    func retryAfterDelay() async throws {
        let harness = Harness([.respond(429, [("Retry-After", "2")]), .respond(200, [])])
        let response = try await harness.send("POST")
        #expect(response.status == 200)
        #expect(harness.sleeps.values == [2])
        let notice = try #require(harness.notices.values.first)
        #expect(notice.delay == 2)
        #expect(notice.status == 429)
        #expect(notice.attempt == 1)
        #expect(notice.method == "POST")
    }

    @Test("Glance's quota 413 (no Retry-After) is returned at once")
    func quota413NotRetried() async throws {
        let harness = Harness([.respond(413, [("Content-Type", "application/json")])])
        let response = try await harness.send("POST")
        #expect(response.status == 413)
        #expect(await harness.base.attempts == 1)
    }

    @Test("client errors (4xx) are returned at once", arguments: [400, 401, 403, 404, 409])
    func clientErrorsNotRetried(status: Int) async throws {
        let harness = Harness([.respond(status, [])])
        #expect(try await harness.send("GET").status == status)
        #expect(await harness.base.attempts == 1)
    }

    @Test("the same request is sent on every attempt")
    func sameRequestResent() async throws {
        let harness = Harness([.respond(503, []), .respond(200, [])])
        _ = try await harness.transport.send(
            HTTPRequestSpec(method: "PUT", url: "https://g/v2/images/i/members/m", headers: [("X-Auth-Token", "t")], body: Data(#"{"status":"accepted"}"#.utf8)),
            timeout: 30)
        let requests = await harness.base.requests
        #expect(requests.count == 2)
        #expect(requests.map(\.url) == ["https://g/v2/images/i/members/m", "https://g/v2/images/i/members/m"])
        #expect(requests.map(\.body) == [Data(#"{"status":"accepted"}"#.utf8), Data(#"{"status":"accepted"}"#.utf8)])
    }

    @Test("a sleep that throws (cancellation) stops the retries")
    func sleepCancellation() async throws {
        let base = ScriptedTransport([.respond(503, [])])
        let transport = RetryingTransport(base: base, policy: RetryPolicy(), sleep: { _ in throw CancellationError() })
        await #expect(throws: CancellationError.self) {
            try await transport.send(HTTPRequestSpec(method: "GET", url: "https://g/v2/images"), timeout: 5)
        }
        #expect(await base.attempts == 1)
    }
}
