import Foundation

/// Decides whether a failed attempt is tried again, and after how long. Pure, so it is unit-tested.
///
/// - Idempotent requests (GET, HEAD, PUT, DELETE) are retried after a refused or dropped connection
///   and on 502, 503 and 504.
/// - Any request is retried on 413 or 429 *with* `Retry-After`: the server said it did nothing and when
///   to come back. Glance's member-quota 413 has no `Retry-After`, so it is never retried.
/// - A POST is otherwise retried only when the connection was refused (it was never sent).
/// - Timeouts are not retried: `api_timeout` is the user's budget for the whole wait.
/// - The wait is `Retry-After` when given, else capped exponential backoff with jitter.
public struct RetryPolicy: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case response(status: Int, retryAfter: Double?)
        case connectionFailure(ConnectionFailure.Kind)
    }

    public enum Decision: Sendable, Equatable {
        case retry(after: Double)
        case giveUp
    }

    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double
    /// A `Retry-After` longer than this is reported instead of waited for.
    public var maxRetryAfter: Double

    public init(maxAttempts: Int = 4, baseDelay: Double = 0.25, maxDelay: Double = 4, maxRetryAfter: Double = 60) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// No retries at all.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// - Parameters:
    ///   - attempt: how many attempts were made so far (1 after the first).
    ///   - jitter: a random number in 0..<1.
    public func decide(method: String, attempt: Int, outcome: Outcome, jitter: Double) -> Decision {
        guard attempt < maxAttempts else { return .giveUp }
        let idempotent = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased())
        switch outcome {
        case let .response(status, retryAfter):
            if status == 413 || status == 429 {
                guard let retryAfter, retryAfter <= maxRetryAfter else { return .giveUp }
                return .retry(after: max(0, retryAfter))
            }
            guard idempotent, [502, 503, 504].contains(status) else { return .giveUp }
            if let retryAfter {
                return retryAfter <= maxRetryAfter ? .retry(after: max(0, retryAfter)) : .giveUp
            }
            return .retry(after: backoff(attempt: attempt, jitter: jitter))
        case let .connectionFailure(kind):
            switch kind {
            case .refused: return .retry(after: backoff(attempt: attempt, jitter: jitter))
            case .closed: return idempotent ? .retry(after: backoff(attempt: attempt, jitter: jitter)) : .giveUp
            case .dns, .tls, .timeout, .other: return .giveUp
            }
        }
    }

    /// Exponential backoff capped at `maxDelay`, with "equal jitter": half fixed, half random,
    /// so retries from many clients spread out but never hammer at once.
    public func backoff(attempt: Int, jitter: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
        return ceiling / 2 + ceiling / 2 * min(max(jitter, 0), 1)
    }

    /// Parses `Retry-After`: delta-seconds or an HTTP date.
    public static func parseRetryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}
