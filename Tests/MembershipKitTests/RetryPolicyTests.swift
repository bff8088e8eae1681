import Foundation
import Testing
@testable import MembershipKit

/// When a failed attempt is repeated, and after how long.
@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 4, baseDelay: 0.25, maxDelay: 4, maxRetryAfter: 60)

    private func decide(_ method: String, _ outcome: RetryPolicy.Outcome, attempt: Int = 1, jitter: Double = 0) -> RetryPolicy.Decision {
        policy.decide(method: method, attempt: attempt, outcome: outcome, jitter: jitter)
    }

    private func isRetry(_ decision: RetryPolicy.Decision) -> Bool {
        if case .retry = decision { return true }
        return false
    }

    @Test("idempotent methods are retried on 502, 503 and 504 with backoff",
          arguments: ["GET", "PUT", "DELETE", "HEAD", "get"], [502, 503, 504])
    func idempotentGatewayErrors(method: String, status: Int) {
        #expect(decide(method, .response(status: status, retryAfter: nil)) == .retry(after: 0.125))
    }

    @Test("idempotent methods are retried after a refused or closed connection",
          arguments: ["GET", "PUT", "DELETE"], [ConnectionFailure.Kind.refused, .closed])
    func idempotentConnectionFailures(method: String, kind: ConnectionFailure.Kind) {
        #expect(decide(method, .connectionFailure(kind)) == .retry(after: 0.125))
    }

    @Test("POST is retried after a refused connection (nothing was sent)")
    func postRefused() {
        #expect(decide("POST", .connectionFailure(.refused)) == .retry(after: 0.125))
    }

    @Test("POST is never retried on a closed connection (it may have been applied)")
    func postClosed() {
        #expect(decide("POST", .connectionFailure(.closed)) == .giveUp)
    }

    @Test("POST is never retried on 502, 503 or 504", arguments: [502, 503, 504])
    func postGatewayErrors(status: Int) {
        #expect(decide("POST", .response(status: status, retryAfter: nil)) == .giveUp)
        #expect(decide("PATCH", .response(status: status, retryAfter: nil)) == .giveUp)
    }

    @Test("413 and 429 with Retry-After are retried after exactly that delay, whatever the method",
          arguments: ["GET", "POST", "PUT", "DELETE"], [413, 429])
    func retryAfterHonoured(method: String, status: Int) {
        #expect(decide(method, .response(status: status, retryAfter: 7)) == .retry(after: 7))
        #expect(decide(method, .response(status: status, retryAfter: 0)) == .retry(after: 0))
    }

    @Test("413 and 429 without Retry-After are not retried (Glance's member quota 413)",
          arguments: ["GET", "POST"], [413, 429])
    func noRetryAfterNoRetry(method: String, status: Int) {
        #expect(decide(method, .response(status: status, retryAfter: nil)) == .giveUp)
    }

    @Test("a Retry-After longer than maxRetryAfter is reported instead of waited for")
    func retryAfterTooLong() {
        #expect(decide("GET", .response(status: 429, retryAfter: 61)) == .giveUp)
        #expect(decide("GET", .response(status: 429, retryAfter: 60)) == .retry(after: 60))
        #expect(decide("GET", .response(status: 503, retryAfter: 3600)) == .giveUp)
    }

    @Test("a 503 with Retry-After waits that long instead of the backoff")
    func gatewayWithRetryAfter() {
        #expect(decide("GET", .response(status: 503, retryAfter: 3)) == .retry(after: 3))
    }

    @Test("timeouts, DNS and TLS failures are never retried", arguments: ["GET", "POST"],
          [ConnectionFailure.Kind.timeout, .dns, .tls, .other])
    func neverRetried(method: String, kind: ConnectionFailure.Kind) {
        #expect(decide(method, .connectionFailure(kind)) == .giveUp)
    }

    @Test("other statuses are not retried", arguments: [400, 401, 403, 404, 409, 500, 501])
    func otherStatuses(status: Int) {
        #expect(decide("GET", .response(status: status, retryAfter: nil)) == .giveUp)
    }

    @Test("no retry once maxAttempts attempts were made")
    func maxAttempts() {
        let outcome = RetryPolicy.Outcome.response(status: 503, retryAfter: nil)
        #expect(isRetry(decide("GET", outcome, attempt: 3)))
        #expect(decide("GET", outcome, attempt: 4) == .giveUp)
        #expect(decide("GET", outcome, attempt: 5) == .giveUp)
        #expect(decide("GET", .response(status: 429, retryAfter: 1), attempt: 4) == .giveUp)
        #expect(decide("POST", .connectionFailure(.refused), attempt: 4) == .giveUp)
    }

    @Test("RetryPolicy.never gives up at once")
    func never() {
        #expect(RetryPolicy.never.decide(method: "GET", attempt: 1, outcome: .connectionFailure(.refused), jitter: 0) == .giveUp)
    }

    @Test("the backoff doubles per attempt and is capped at maxDelay")
    func backoffGrowth() {
        let ceilings = (1...8).map { policy.backoff(attempt: $0, jitter: 1) }
        #expect(ceilings == [0.25, 0.5, 1, 2, 4, 4, 4, 4])
        let floors = (1...8).map { policy.backoff(attempt: $0, jitter: 0) }
        #expect(floors == [0.125, 0.25, 0.5, 1, 2, 2, 2, 2])
    }

    @Test("jitter moves the wait between half the ceiling and the ceiling", arguments: [0.0, 0.25, 0.5, 0.999, 1.0])
    func jitterBounds(jitter: Double) {
        for attempt in 1...6 {
            let ceiling = min(4, 0.25 * pow(2, Double(attempt - 1)))
            let delay = policy.backoff(attempt: attempt, jitter: jitter)
            #expect(delay >= ceiling / 2 && delay <= ceiling)
        }
    }

    @Test("jitter outside 0...1 is clamped")
    func jitterClamped() {
        #expect(policy.backoff(attempt: 1, jitter: -3) == 0.125)
        #expect(policy.backoff(attempt: 1, jitter: 7) == 0.25)
    }

    @Test("the decision uses the backoff of the attempt")
    func decisionUsesBackoff() {
        #expect(decide("GET", .response(status: 502, retryAfter: nil), attempt: 3, jitter: 1) == .retry(after: 1))
        #expect(decide("GET", .connectionFailure(.closed), attempt: 2, jitter: 0.5) == .retry(after: 0.375))
    }

    // MARK: Retry-After parsing

    @Test("Retry-After in seconds", arguments: [("120", 120.0), ("  5 ", 5.0), ("0", 0.0), ("1.5", 1.5)])
    func retryAfterSeconds(value: String, expected: Double) {
        #expect(RetryPolicy.parseRetryAfter(value) == expected)
    }

    @Test("Retry-After as an HTTP date is the time left from now")
    func retryAfterDate() {
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT.
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.parseRetryAfter("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == 30)
        #expect(RetryPolicy.parseRetryAfter("Tue, 14 Nov 2023 22:15:20 GMT", now: now) == 120)
    }

    @Test("a Retry-After date in the past means now")
    func retryAfterPastDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.parseRetryAfter("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == 0)
    }

    @Test("missing or unreadable Retry-After is nil", arguments: [nil, "", "   ", "soon", "-5", "Tomorrow at noon"] as [String?])
    func retryAfterGarbage(value: String?) {
        #expect(RetryPolicy.parseRetryAfter(value, now: Date(timeIntervalSince1970: 1_700_000_000)) == nil)
    }
}
