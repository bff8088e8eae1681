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

    private var token: KeystoneToken?
    private var pendingAuthentication: Task<KeystoneToken, any Error>?
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
    }

    /// The usual stack: async-http-client, retries, and (with a logger) the redacted request log.
    public static func make(cloud: CloudConfig, tokenCache: TokenCache?, retryPolicy: RetryPolicy = RetryPolicy(),
                            requestLog: RequestLog? = nil, onRetry: (@Sendable (RetryNotice) -> Void)? = nil) throws -> OpenStackSession {
        let transport = try TransportStack.make(tls: cloud.tls, timeout: cloud.apiTimeout ?? defaultTimeout, retryPolicy: retryPolicy,
                                                requestLog: requestLog, onRetry: onRetry)
        return OpenStackSession(cloud: cloud, transport: transport, tokenCache: tokenCache)
    }

    var cacheKey: String { TokenCache.key(for: cloud) }
    /// The secret the cached token must have been obtained with.
    var cacheCredential: String { TokenCache.credential(of: cloud) }

    /// A token that will stay valid for a while: the one in memory, else the cached one, else a new one.
    public func validToken() async throws -> KeystoneToken {
        if let token, token.isUsable(at: now()) { return token }
        if let cached = tokenCache?.load(key: cacheKey, credential: cacheCredential), cached.isUsable(at: now()) {
            token = cached
            return cached
        }
        return try await authenticate()
    }

    /// Asks Keystone for a new token (one request at a time, however many callers wait).
    @discardableResult
    public func authenticate() async throws -> KeystoneToken {
        if let pendingAuthentication { return try await pendingAuthentication.value }
        let task = Task { try await self.requestToken() }
        pendingAuthentication = task
        defer { pendingAuthentication = nil }
        let fresh = try await task.value
        token = fresh
        tokenCache?.store(fresh, key: cacheKey, credential: cacheCredential)
        return fresh
    }

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
        return try KeystoneAuthRequest.token(from: response)
    }

    /// Forgets the token everywhere (after a 401, or when the user revokes it).
    public func invalidateToken() {
        token = nil
        tokenCache?.remove(key: cacheKey)
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
        if json != nil { headers.append(("Content-Type", "application/json")) }
        headers += extra
        var request = HTTPRequestSpec(method: method, url: url, headers: headers, body: json)
        var retriedAuth = false
        while true {
            var sent = request
            if cloud.authType != .none {
                sent.headers.append(("X-Auth-Token", try await validToken().value))
            }
            let response = try await transport.send(sent, timeout: timeout)
            if response.status == 401, cloud.authType != .none, !retriedAuth {
                retriedAuth = true
                invalidateToken()
                try await authenticate()
                request = HTTPRequestSpec(method: method, url: url, headers: headers, body: json)
                continue
            }
            let ok = accept.map { $0.contains(response.status) } ?? response.isSuccess
            guard ok else { throw MembershipError.refused(sent, response) }
            return response
        }
    }

    static let userAgent = MemberdeckVersion.userAgent
}

/// The logger that receives the redacted request log (`--debug`).
public struct RequestLog: Sendable {
    public let logger: Logging.Logger
    public init(logger: Logging.Logger) { self.logger = logger }
}
