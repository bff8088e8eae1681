/// Registers every secret a request carries with `SecretRedactor` before the request is sent, so
/// that an answer echoing it (or any later message or log line) can be cleaned by value. Outermost in
/// `TransportStack`: whatever is logged or reported afterwards already knows the secret.
public struct SecretRegisteringTransport: HTTPTransport {
    let base: any HTTPTransport
    let redactor: SecretRedactor

    public init(base: any HTTPTransport, redactor: SecretRedactor = .shared) {
        self.base = base
        self.redactor = redactor
    }

    public func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        for secret in Redaction.secretValues(of: request) { redactor.register(secret) }
        return try await base.send(request, timeout: timeout)
    }
}
