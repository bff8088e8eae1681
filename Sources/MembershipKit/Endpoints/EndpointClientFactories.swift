/// The clients of config.yaml's Atmosphere and Bonita endpoints, built one way for the CLI and the
/// console: credentials resolved (`password_command`, `${VAR}`), TLS and timeout as configured.
extension AtmosphereClient {
    public static func make(configured endpoint: EndpointConfig, requestLog: RequestLog?, onRetry: (@Sendable (RetryNotice) -> Void)?,
                            paging: PagingPolicy, retryPolicy: RetryPolicy = RetryPolicy()) throws -> AtmosphereClient {
        let credentials: AtmosphereEndpoint.Credentials
        if let token = try endpoint.resolvedToken() {
            credentials = .token(token)
        } else {
            credentials = .password(username: endpoint.username ?? "", password: try endpoint.resolvedPassword())
        }
        return try make(endpoint: AtmosphereEndpoint(baseURL: endpoint.url ?? "", credentials: credentials, timeout: endpoint.timeout ?? 60),
                        tls: endpoint.tls, requestLog: requestLog, onRetry: onRetry, paging: paging)
    }
}

extension BonitaClient {
    public static func make(configured endpoint: EndpointConfig, requestLog: RequestLog?, onRetry: (@Sendable (RetryNotice) -> Void)?,
                            paging: PagingPolicy, retryPolicy: RetryPolicy = RetryPolicy()) throws -> BonitaClient {
        let password = try endpoint.resolvedPassword()
        return try make(endpoint: BonitaEndpoint(baseURL: endpoint.url ?? "", username: endpoint.username ?? "", password: password,
                                                 timeout: endpoint.timeout ?? 60),
                        tls: endpoint.tls, requestLog: requestLog, onRetry: onRetry, paging: paging)
    }
}
