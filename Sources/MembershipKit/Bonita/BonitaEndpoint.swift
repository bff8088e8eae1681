/// Where a Bonita server is and whom to log in as.
///
/// `baseURL` is the web application's root (`https://bpm.example.com/bonita`): the login service and the
/// REST API both hang below it (`/loginservice`, `/API/identity/…`).
public struct BonitaEndpoint: Sendable, Equatable {
    public var baseURL: String
    public var username: String
    public var password: String
    /// Seconds allowed for each request.
    public var timeout: Double

    public static let defaultTimeout: Double = 60

    public init(baseURL: String, username: String, password: String, timeout: Double = BonitaEndpoint.defaultTimeout) {
        self.baseURL = baseURL
        self.username = username
        self.password = password
        self.timeout = timeout
    }

    /// A URL below the root, e.g. `url("API/identity/user")`.
    func url(_ path: String) -> String { URLJoining.appending(baseURL, path) }
}

extension BonitaEndpoint: CustomStringConvertible {
    /// Never shows the password, so an endpoint can be logged or printed as it is.
    public var description: String { "\(username)@\(baseURL)" }
}
