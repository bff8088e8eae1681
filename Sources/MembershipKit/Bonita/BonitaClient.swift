import Foundation

/// Bonita's identity REST API: the organisation (users, groups, roles) and the memberships that tie a user
/// to a role in a group.
///
/// Bonita has no tokens: the client logs in through the portal's form service, keeps the web session's
/// cookies, sends them on every call and echoes the CSRF token in `X-Bonita-API-Token` on every unsafe
/// one. The first call logs in; a 401 later (the session timed out or was ended elsewhere) logs in again
/// once and repeats the call. Error answers become `MembershipError.http` with Bonita's message in words.
public actor BonitaClient {
    public let endpoint: BonitaEndpoint
    let transport: any HTTPTransport

    /// The web session, one login at a time, and the one login again after a 401.
    private let session = SingleFlightCredential<BonitaSession>()
    /// How many times the login service was called (for tests and `--debug`).
    public private(set) var loginCount = 0

    /// Bounds every listing (see `PagingPolicy`).
    public let paging: PagingPolicy

    public init(endpoint: BonitaEndpoint, transport: any HTTPTransport, paging: PagingPolicy = .standard) {
        self.endpoint = endpoint
        self.transport = transport
        self.paging = paging
    }

    /// The usual stack: async-http-client with the TLS settings, retries, and (with a logger) the redacted
    /// request log, which hides the password, the cookies and the CSRF header.
    public static func make(endpoint: BonitaEndpoint, tls: CloudConfig.TLS = CloudConfig.TLS(), retryPolicy: RetryPolicy = RetryPolicy(),
                            requestLog: RequestLog? = nil, onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
                            paging: PagingPolicy = .standard) throws -> BonitaClient {
        let transport = try TransportStack.make(tls: tls, timeout: endpoint.timeout, retryPolicy: retryPolicy,
                                                requestLog: requestLog, onRetry: onRetry)
        return BonitaClient(endpoint: endpoint, transport: transport, paging: paging)
    }

    /// Whether the client holds a session (which the server may still have ended).
    public var isLoggedIn: Bool {
        get async { await session.held != nil }
    }

    // MARK: Session

    /// Logs in now (calls log in by themselves when needed): useful to check the credentials up front.
    public func login() async throws {
        await session.invalidate()
        try await session.login(newSession)
    }

    /// Ends the session on the server (`logoutservice`) and forgets it. Does nothing without a session.
    public func logout() async throws {
        guard let current = await session.invalidate() else { return }
        let request = HTTPRequestSpec(method: "GET", url: endpoint.url("logoutservice?redirect=false"),
                                      headers: baseHeaders + [("Cookie", current.cookieHeader)])
        let response = try await transport.send(request, timeout: endpoint.timeout)
        guard response.status < 400 else { throw failure(request, response, message: message(for: response, request: request)) }
    }

    private var newSession: SingleFlightCredential<BonitaSession>.Login { { try await self.requestSession() } }

    /// `POST loginservice` with the form `username, password, redirect=false`: 204 with the cookies (older
    /// servers answer 200, or 302 despite `redirect=false`), 401 with no body when refused.
    private func requestSession() async throws -> BonitaSession {
        loginCount += 1
        let form = [("username", endpoint.username), ("password", endpoint.password), ("redirect", "false")]
            .map { $0.0 + "=" + QueryEncoding.escape($0.1) }.joined(separator: "&")
        let request = HTTPRequestSpec(method: "POST", url: endpoint.url("loginservice"),
                                      headers: baseHeaders + [("Content-Type", "application/x-www-form-urlencoded")], body: Data(form.utf8))
        let response = try await transport.send(request, timeout: endpoint.timeout)
        if response.status == 401 {
            throw failure(request, response, message: "Bonita refused the login of '\(endpoint.username)': wrong user name or password, or the account is disabled")
        }
        guard response.isSuccess || response.status == 302 else {
            throw failure(request, response, message: "Bonita's login service failed: " + message(for: response, request: request))
        }
        var fresh = BonitaSession(generation: loginCount)
        fresh.absorb(response)
        guard fresh.sessionID != nil else {
            throw MembershipError.invalidResponse("Bonita's login service answered \(response.status) without a session cookie; is \(endpoint.baseURL) the Bonita root?")
        }
        if fresh.apiToken == nil { await fetchToken(into: &fresh) }
        return fresh
    }

    /// Servers that set no `X-Bonita-API-Token` cookie at login hand the token out in a header of
    /// `GET API/system/session/unusedid`. Without it, reads still work and writes will say what is wrong.
    private func fetchToken(into fresh: inout BonitaSession) async {
        let request = HTTPRequestSpec(method: "GET", url: endpoint.url("API/system/session/unusedid"),
                                      headers: baseHeaders + [("Cookie", fresh.cookieHeader)])
        if let response = try? await transport.send(request, timeout: endpoint.timeout), response.isSuccess {
            fresh.absorb(response)
        }
    }

    // MARK: Requests

    /// Sends an API call with the session, logging in again once after a 401. `notFound` is the message of
    /// an empty 404 (Bonita answers some missing items with no body); `explain` may replace the message of
    /// any error answer (it gets the status and Bonita's error JSON, if any).
    func send(_ method: String, _ path: String, query: String? = nil, json: Data? = nil, notFound: String? = nil,
              explain: (@Sendable (Int, BonitaErrorBody?) -> String?)? = nil) async throws -> HTTPResponseData {
        let url = endpoint.url(path) + (query.map { "?" + $0 } ?? "")
        let headers = baseHeaders + (json == nil ? [] : [("Content-Type", "application/json")])
        let exchange = try await session.withRenewal(login: newSession, isRefused: { $0.response.status == 401 }) {
            [transport, timeout = endpoint.timeout, session] used in
            var request = HTTPRequestSpec(method: method, url: url, headers: headers + [("Cookie", used.value.cookieHeader)], body: json)
            if !["GET", "HEAD"].contains(method), let token = used.value.apiToken {
                request.headers.append((BonitaSession.tokenName, token))
            }
            let response = try await transport.send(request, timeout: timeout)
            await session.update(used) { $0.absorb(response) }
            return SentRequest(request: request, response: response)
        }
        guard exchange.response.isSuccess else {
            let text = explain?(exchange.response.status, BonitaErrorBody.parse(exchange.response.body))
                ?? message(for: exchange.response, request: exchange.request, notFound: notFound)
            throw failure(exchange.request, exchange.response, message: text)
        }
        return exchange.response
    }

    /// Bonita's message, or a sentence for the empty 401, 403 and 404 answers.
    private func message(for response: HTTPResponseData, request: HTTPRequestSpec, notFound: String? = nil) -> String {
        let empty: String? = switch response.status {
        case 401: "not logged in: Bonita refused the session or its API token, even after a new login"
        case 403: request.method == "GET" ? "'\(endpoint.username)' is not allowed to read this" : "'\(endpoint.username)' is not allowed to change memberships"
        case 404: notFound
        default: nil
        }
        return BonitaErrorBody.message(status: response.status, contentType: response.header("Content-Type"), body: response.body, emptyBody: empty)
    }

    private func failure(_ request: HTTPRequestSpec, _ response: HTTPResponseData, message: String) -> MembershipError {
        let url = request.url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.url
        return .http(HTTPFailure(status: response.status, message: message, requestID: nil, method: request.method, url: url,
                                 retryAfter: RetryPolicy.parseRetryAfter(response.header("Retry-After"))))
    }

    private var baseHeaders: [(String, String)] { [("Accept", "application/json"), ("User-Agent", MemberdeckVersion.userAgent)] }

    func decode<T: Decodable>(_ response: HTTPResponseData) throws -> T {
        try JSONResponse.decode(response)
    }
}
