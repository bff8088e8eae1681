import Foundation
import Logging

/// An authenticated connection to one cloud: holds the Keystone token (from memory, the disk cache
/// or a fresh authentication), adds it to requests, re-authenticates once on a 401, and turns error
/// answers into `MembershipError.http`.
public actor OpenStackSession {
    public let cloud: CloudConfig
    let transport: any HTTPTransport
    let tokenCache: TokenCache?
    let timeout: Double
    let now: @Sendable () -> Date

    /// The token in memory, one authentication at a time, and the one re-authentication after a 401.
    private let token: SingleFlightCredential<KeystoneToken>
    /// How many times Keystone was asked for a token in this session (for tests and `--debug`).
    public private(set) var authenticationCount = 0

    /// Default `api_timeout` when the cloud sets none.
    public static let defaultTimeout: Double = 60

    public init(cloud: CloudConfig, transport: any HTTPTransport, tokenCache: TokenCache?,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.cloud = cloud
        self.transport = transport
        self.tokenCache = tokenCache
        self.timeout = cloud.apiTimeout ?? Self.defaultTimeout
        self.now = now
        let (key, secret) = (TokenCache.key(for: cloud), TokenCache.credential(of: cloud))
        cacheKey = key
        cacheCredential = secret
        token = SingleFlightCredential(isUsable: { $0.isUsable(at: now()) },
                                       restore: { tokenCache?.load(key: key, credential: secret) },
                                       forget: { tokenCache?.remove(key: key) })
    }

    /// The usual stack: async-http-client, retries, and (with a logger) the redacted request log.
    public static func make(cloud: CloudConfig, tokenCache: TokenCache?, retryPolicy: RetryPolicy = RetryPolicy(),
                            requestLog: RequestLog? = nil, onRetry: (@Sendable (RetryNotice) -> Void)? = nil) throws -> OpenStackSession {
        let transport = try TransportStack.make(tls: cloud.tls, timeout: cloud.apiTimeout ?? defaultTimeout, retryPolicy: retryPolicy,
                                                requestLog: requestLog, onRetry: onRetry)
        return OpenStackSession(cloud: cloud, transport: transport, tokenCache: tokenCache)
    }

    /// The token cache's file for this cloud and identity.
    let cacheKey: String
    /// The secret the cached token must have been obtained with.
    let cacheCredential: String

    /// A token that will stay valid for a while: the one in memory, else the cached one, else a new one.
    public func validToken() async throws -> KeystoneToken {
        try await token.valid(login: newToken).value
    }

    /// Asks Keystone for a new token (one request at a time, however many callers wait).
    @discardableResult
    public func authenticate() async throws -> KeystoneToken {
        try await token.login(newToken).value
    }

    private var newToken: SingleFlightCredential<KeystoneToken>.Login { { try await self.requestToken() } }

    /// A new token from Keystone, kept in the cache for the next run.
    private func requestToken() async throws -> KeystoneToken {
        guard cloud.authType != .none else {
            throw MembershipError.configuration(.unsupported("auth_type none has no Keystone token"))
        }
        guard let authURL = cloud.auth.authURL, !authURL.isEmpty else {
            throw MembershipError.configuration(.missingValue(key: "auth_url", detail: "the cloud '\(cloud.name)' has no auth.auth_url"))
        }
        authenticationCount += 1
        let request = HTTPRequestSpec(
            method: "POST",
            url: KeystoneAuthRequest.tokensURL(authURL: authURL),
            headers: [("Content-Type", "application/json"), ("Accept", "application/json"), ("User-Agent", Self.userAgent)],
            body: try KeystoneAuthRequest.body(for: cloud)
        )
        let response = try await transport.send(request, timeout: timeout)
        guard response.status == 201 || response.status == 200 else { throw MembershipError.refused(request, response) }
        let fresh = try KeystoneAuthRequest.token(from: response)
        tokenCache?.store(fresh, key: cacheKey, credential: cacheCredential)
        return fresh
    }

    /// Forgets the token everywhere (after a 401, or when the user revokes it).
    public func invalidateToken() async {
        await token.invalidate()
    }

    /// The versioned image endpoint (`…/v2`), from `image_endpoint_override` or the catalog.
    ///
    /// Glance serves v2 under `{service root}/v2`; a catalog URL that already names a version
    /// (`…/v2`, `…/v2.1`, Rackspace's `…/v2/{tenant}`) is used as it is. This replaces a
    /// discovery round trip on every fresh token with the same answer.
    public func imageEndpoint() async throws -> String {
        Self.versioned(try await imageServiceRoot(), version: "v2")
    }

    /// The image endpoint of another API version, such as `…/v1` for Glance v1. A catalog URL that
    /// ends in another version (`…/v2`) has that version replaced, so one catalog entry serves both.
    public func imageEndpoint(version: String) async throws -> String {
        Self.versioned(Self.droppingTrailingVersion(try await imageServiceRoot(), unless: version), version: version)
    }

    /// The image service as configured: `image_endpoint_override`, else the catalog's image URL.
    public func imageServiceRoot() async throws -> String {
        if let override = cloud.imageEndpointOverride, !override.isEmpty { return override }
        return try await validToken().catalog.endpoint(type: "image", interface: cloud.interface, region: cloud.regionName)
    }

    static func versioned(_ root: String, version: String) -> String {
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        let path = URLComponents(string: trimmed)?.path ?? ""
        let segments = path.split(separator: "/")
        if segments.contains(where: { $0 == version || $0.hasPrefix(version + ".") }) { return trimmed }
        return trimmed + "/" + version
    }

    /// `https://glance/v2` → `https://glance` when another version than `version` is wanted.
    static func droppingTrailingVersion(_ root: String, unless version: String) -> String {
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard var components = URLComponents(string: trimmed) else { return trimmed }
        var segments = components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = segments.last, last.count > 1, last.first == "v", last.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }),
              last != version, !last.hasPrefix(version + ".") else { return trimmed }
        segments.removeLast()
        components.percentEncodedPath = segments.joined(separator: "/")
        return components.string ?? trimmed
    }

    /// Sends a request with the token, retrying once with a new token after a 401.
    /// Throws `MembershipError.http` for any answer outside `accept` (default: 2xx).
    public func send(_ method: String, _ url: String, json: Data? = nil, headers extra: [(String, String)] = [],
                     accept: Set<Int>? = nil) async throws -> HTTPResponseData {
        var headers: [(String, String)] = [("Accept", "application/json"), ("User-Agent", Self.userAgent)]
        // A caller's own type (Glance's JSON patch) replaces plain JSON.
        if json != nil, !extra.contains(where: { $0.0.lowercased() == "content-type" }) { headers.append(("Content-Type", "application/json")) }
        headers += extra
        let request = HTTPRequestSpec(method: method, url: url, headers: headers, body: json)
        let exchange: SentRequest
        if cloud.authType == .none {
            exchange = SentRequest(request: request, response: try await transport.send(request, timeout: timeout))
        } else {
            exchange = try await token.withRenewal(login: newToken, isRefused: { $0.response.status == 401 }) { [transport, timeout] issued in
                var sent = request
                sent.headers.append(("X-Auth-Token", issued.value.value))
                return SentRequest(request: sent, response: try await transport.send(sent, timeout: timeout))
            }
        }
        let ok = accept.map { $0.contains(exchange.response.status) } ?? exchange.response.isSuccess
        guard ok else { throw MembershipError.refused(exchange.request, exchange.response) }
        return exchange.response
    }

    static let userAgent = MemberdeckVersion.userAgent
}

/// The logger that receives the redacted request log (`--debug`).
public struct RequestLog: Sendable {
    public let logger: Logging.Logger
    public init(logger: Logging.Logger) { self.logger = logger }
}
