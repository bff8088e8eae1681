import Foundation

/// An authenticated connection to one Atmosphere server: holds the API token (given, or obtained at
/// `POST /auth` with the password), sends it as `Authorization: Token <key>`, logs in again once when the
/// server stops accepting it, and turns error answers into `MembershipError.http`.
public actor AtmosphereSession {
    public let endpoint: AtmosphereEndpoint
    let transport: any HTTPTransport

    /// The token in use, one login at a time, and the one login again after the server stops taking it.
    private let token: SingleFlightCredential<AtmosphereToken>
    /// How many times `POST /auth` was asked for a token in this session (for tests and `--debug`).
    public private(set) var authenticationCount = 0

    public init(endpoint: AtmosphereEndpoint, transport: any HTTPTransport) {
        self.endpoint = endpoint
        self.transport = transport
        if case let .token(key) = endpoint.credentials {
            token = SingleFlightCredential(initial: AtmosphereToken(key: key))
        } else {
            token = SingleFlightCredential()
        }
    }

    /// The token in use, logging in first when there is none yet.
    public func validToken() async throws -> AtmosphereToken {
        try await token.valid(login: newToken).value
    }

    /// Exchanges the password for a new token (one request at a time, however many callers wait). With
    /// token credentials there is nothing to exchange: the given token is returned.
    @discardableResult
    public func login() async throws -> AtmosphereToken {
        try await token.login(newToken).value
    }

    private var newToken: SingleFlightCredential<AtmosphereToken>.Login {
        {
            switch self.endpoint.credentials {
            case let .token(key): return AtmosphereToken(key: key)
            case let .password(username, password): return try await self.requestToken(username: username, password: password)
            }
        }
    }

    /// `POST /auth` with `{username, password}`. Atmosphere answers 201 (200 is taken too) or refuses with
    /// 400 `{"errors": [{"code", "message"}]}`, whose message becomes the error's; the request log
    /// redacts the password.
    private func requestToken(username: String, password: String) async throws -> AtmosphereToken {
        authenticationCount += 1
        let request = HTTPRequestSpec(
            method: "POST", url: endpoint.authURL, headers: Self.headers(json: true),
            body: try JSONSerialization.data(withJSONObject: ["username": username, "password": password], options: [.sortedKeys])
        )
        let response = try await transport.send(request, timeout: endpoint.timeout)
        guard response.status == 201 || response.status == 200 else { throw MembershipError.refused(request, response) }
        let token = try JSONResponse.decode(response, as: AtmosphereToken.self)
        guard !token.key.isEmpty else { throw MembershipError.invalidResponse("POST /auth gave an empty token") }
        return token
    }

    /// Sends a request with the token. When the server no longer takes the token (an expired one is
    /// answered 403 `Authentication credentials were not provided.`, not 401) and a password is known,
    /// logs in again once and repeats the request. Throws `MembershipError.http` for any answer outside
    /// `accept` (default: 2xx).
    public func send(_ method: String, _ url: String, json: Data? = nil, accept: Set<Int>? = nil) async throws -> HTTPResponseData {
        let request = HTTPRequestSpec(method: method, url: url, headers: Self.headers(json: json != nil), body: json)
        let renewable = if case .password = endpoint.credentials { true } else { false }
        let exchange = try await token.withRenewal(login: newToken, isRefused: { renewable && Self.isTokenRefused($0.response) }) {
            [transport, timeout = endpoint.timeout] issued in
            var sent = request
            sent.headers.append(("Authorization", "Token " + issued.value.key))
            return SentRequest(request: sent, response: try await transport.send(sent, timeout: timeout))
        }
        guard accept.map({ $0.contains(exchange.response.status) }) ?? exchange.response.isSuccess else {
            throw MembershipError.refused(exchange.request, exchange.response)
        }
        return exchange.response
    }

    /// What Atmosphere's DRF says of a token it does not know or that has expired: its authenticators
    /// fall through to anonymous and the permission check answers 403 (401 behind a proxy that adds
    /// `WWW-Authenticate`). A disabled account's 403 has another message and is not retried.
    static func isTokenRefused(_ response: HTTPResponseData) -> Bool {
        if response.status == 401 { return true }
        guard response.status == 403 else { return false }
        let message = ErrorBodyDecoder.message(status: 403, contentType: response.header("Content-Type"), body: response.body)
        return tokenRefusals.contains(message)
    }

    static let tokenRefusals: Set<String> = ["Authentication credentials were not provided.", "Invalid token."]

    /// JSON both ways; the first renderer of Atmosphere's views is the browsable HTML one.
    static func headers(json: Bool) -> [(String, String)] {
        var headers = [("Accept", "application/json"), ("User-Agent", MemberdeckVersion.userAgent)]
        if json { headers.append(("Content-Type", "application/json")) }
        return headers
    }
}
