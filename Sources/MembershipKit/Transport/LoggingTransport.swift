import Foundation
import Logging

/// Writes each request and answer to a logger at debug level, with secrets redacted.
public struct LoggingTransport: HTTPTransport {
    let base: any HTTPTransport
    let logger: Logger
    let redactor: SecretRedactor

    public init(base: any HTTPTransport, logger: Logger, redactor: SecretRedactor = .shared) {
        self.base = base
        self.logger = logger
        self.redactor = redactor
    }

    public func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        let started = ContinuousClock.now
        let headers = request.headers.map { "\($0.0): \(Redaction.header(name: $0.0, value: $0.1))" }.joined(separator: "; ")
        let contentType = request.headers.first(where: { $0.0.lowercased() == "content-type" })?.1
        logger.debug("\(redactor.redact("REQ \(request.method) \(request.url) [\(headers)] \(Redaction.body(request.body, contentType: contentType))"))")
        do {
            let response = try await base.send(request, timeout: timeout)
            let elapsed = started.duration(to: .now)
            let requestID = response.header("x-openstack-request-id") ?? response.header("x-compute-request-id") ?? "-"
            // An error body is logged up to 4 KiB: a hostile server's 16 MiB answer must not fill the log.
            let body = response.status >= 400 ? " " + Redaction.body(response.body.prefix(4096), contentType: response.header("content-type")) : ""
            logger.debug("\(redactor.redact("RESP \(response.status) \(request.method) \(request.url) \(elapsed.milliseconds) ms request-id=\(requestID) \(response.body.count) bytes\(body)"))")
            return response
        } catch {
            logger.debug("\(redactor.redact("FAIL \(request.method) \(request.url): \(error)"))")
            throw error
        }
    }
}

extension Duration {
    /// Whole milliseconds, for log lines and benchmarks.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
