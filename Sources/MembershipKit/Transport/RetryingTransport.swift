import Foundation

/// A wait before a retry, reported so the console can show a countdown.
public struct RetryNotice: Sendable, Equatable {
    public let method: String
    public let url: String
    public let attempt: Int
    public let delay: Double
    /// The status that caused the retry, or nil for a connection failure.
    public let status: Int?
}

/// Applies a `RetryPolicy` around another transport.
public struct RetryingTransport: HTTPTransport {
    let base: any HTTPTransport
    let policy: RetryPolicy
    let onRetry: (@Sendable (RetryNotice) -> Void)?
    let sleep: @Sendable (Double) async throws -> Void

    public init(base: any HTTPTransport, policy: RetryPolicy = RetryPolicy(),
                onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: DurationConversion.nanoseconds($0)) }) {
        self.base = base
        self.policy = policy
        self.onRetry = onRetry
        self.sleep = sleep
    }

    public func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        var attempt = 0
        while true {
            attempt += 1
            let outcome: RetryPolicy.Outcome
            let result: Result<HTTPResponseData, MembershipError>
            do {
                let response = try await base.send(request, timeout: timeout)
                result = .success(response)
                outcome = .response(status: response.status, retryAfter: RetryPolicy.parseRetryAfter(response.header("Retry-After")))
                if response.status < 400 { return response }
            } catch let error as MembershipError {
                result = .failure(error)
                guard case let .connection(failure) = error else { throw error }
                outcome = .connectionFailure(failure.kind)
            }
            let decision = policy.decide(method: request.method, attempt: attempt, outcome: outcome, jitter: Double.random(in: 0..<1))
            guard case let .retry(delay) = decision else { return try result.get() }
            var status: Int?
            if case let .response(code, _) = outcome { status = code }
            onRetry?(RetryNotice(method: request.method, url: request.url, attempt: attempt, delay: delay, status: status))
            try await sleep(delay)
        }
    }
}
