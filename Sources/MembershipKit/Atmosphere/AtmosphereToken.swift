/// The answer of `POST /auth`: `{"token", "username", "expires"}` (201 on the real server).
public struct AtmosphereToken: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The key sent as `Authorization: Token <key>`.
    public var key: String
    /// The account the token belongs to, as the server spells it; nil for a token given directly.
    public var username: String?
    /// When the server says the token stops working (`Nov 22, 2026 15:40:32`, as Atmosphere formats it).
    public var expires: String?

    public init(key: String, username: String? = nil, expires: String? = nil) {
        self.key = key
        self.username = username
        self.expires = expires
    }

    /// Never the key.
    public var description: String { "AtmosphereToken(username: \(username ?? "?"), expires: \(expires ?? "?"))" }

    enum CodingKeys: String, CodingKey {
        case key = "token"
        case username, expires
    }
}
