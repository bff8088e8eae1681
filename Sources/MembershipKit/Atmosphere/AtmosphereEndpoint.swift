import Foundation

/// Where an Atmosphere server is and how to sign in to it.
public struct AtmosphereEndpoint: Sendable, Equatable {
    /// A password is exchanged for a token at `POST /auth` (and again when the token expires); a token
    /// is used as it is, and when it stops working the caller has to get a new one.
    public enum Credentials: Sendable, Equatable, CustomStringConvertible {
        case password(username: String, password: String)
        case token(String)

        /// Never the password or the token: endpoints end up in logs and error reports.
        public var description: String {
            switch self {
            case let .password(username, _): return "password(username: \(username), password: ***)"
            case .token: return "token(***)"
            }
        }
    }

    /// The service root (`https://atmo.example.org`, or the sandbox's `http://127.0.0.1:P/atmosphere`);
    /// the client appends `/auth` and `/api/v2/…`.
    public var baseURL: String
    public var credentials: Credentials
    /// Seconds one request may take.
    public var timeout: Double

    public static let defaultTimeout: Double = 60

    public init(baseURL: String, credentials: Credentials, timeout: Double = defaultTimeout) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.timeout = timeout
    }

    /// The service root without a trailing slash. An API root given by mistake (`…/api/v2`, `…/api`,
    /// which is what Atmosphere's own links show) is taken back to the service root.
    public var serviceRoot: String {
        var root = baseURL
        while root.hasSuffix("/") { root.removeLast() }
        for suffix in ["/api/v2", "/api"] where root.hasSuffix(suffix) {
            root.removeLast(suffix.count)
            break
        }
        return root
    }

    /// `{root}/auth`, where a password is exchanged for a token.
    public var authURL: String { serviceRoot + "/auth" }

    /// `{root}/api/v2`, under which every resource lives.
    public var apiRoot: String { serviceRoot + "/api/v2" }
}
