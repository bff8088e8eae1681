import Foundation

/// The usual transport of every client: async-http-client with the endpoint's TLS settings, the
/// redacted request log when `--debug` asks for it, retries by `RetryPolicy`, and every secret sent
/// registered for redaction by value.
public enum TransportStack {
    public static func make(tls: CloudConfig.TLS, timeout: Double, retryPolicy: RetryPolicy = RetryPolicy(),
                            requestLog: RequestLog? = nil, onRetry: (@Sendable (RetryNotice) -> Void)? = nil) throws -> any HTTPTransport {
        var transport: any HTTPTransport = try AsyncHTTPTransport(settings: .init(tls: tls, connectTimeout: min(10, timeout)))
        if let requestLog { transport = LoggingTransport(base: transport, logger: requestLog.logger) }
        return SecretRegisteringTransport(base: RetryingTransport(base: transport, policy: retryPolicy, onRetry: onRetry))
    }
}
