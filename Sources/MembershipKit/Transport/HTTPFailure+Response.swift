extension MembershipError {
    /// The error for a refused request: the status, the server's message made readable (any system's
    /// body, see `ErrorBodyDecoder`), the request id under whichever header the system uses, and the
    /// URL without its query.
    static func refused(_ request: HTTPRequestSpec, _ response: HTTPResponseData) -> MembershipError {
        let url = request.url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.url
        return .http(HTTPFailure(
            status: response.status,
            message: ErrorBodyDecoder.message(status: response.status, contentType: response.header("Content-Type"), body: response.body),
            requestID: response.header("x-openstack-request-id") ?? response.header("x-compute-request-id") ?? response.header("x-request-id"),
            method: request.method,
            url: url,
            retryAfter: RetryPolicy.parseRetryAfter(response.header("Retry-After"))
        ))
    }
}
