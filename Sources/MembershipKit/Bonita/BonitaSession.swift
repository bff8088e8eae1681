import Foundation

/// What a Bonita login leaves with the client: the cookies of the web session and the CSRF token.
///
/// Bonita authenticates the REST API with the servlet session (`JSESSIONID`) and, on every unsafe method,
/// a header `X-Bonita-API-Token` whose value the login set as a cookie of the same name. The whole cookie
/// jar is sent back (Bonita also sets `bonita.tenant` and `BOS_Locale`), as a browser would.
///
/// Neither the cookies nor the token may reach an error message or a log line: `description` hides them.
struct BonitaSession: Sendable, Equatable, CustomStringConvertible {
    static let sessionCookie = "JSESSIONID"
    static let tokenName = "X-Bonita-API-Token"

    /// Which login made this session, so that a caller that saw it refused can tell whether another caller
    /// has logged in again meanwhile.
    let generation: Int
    /// Cookie names and values, in the order the server set them.
    private(set) var cookies: [(name: String, value: String)] = []
    /// The CSRF token when the server sent it as a response header rather than as a cookie (older servers
    /// hand it out from `API/system/session/unusedid`).
    private(set) var headerToken: String?

    init(generation: Int) { self.generation = generation }

    var sessionID: String? { value(of: Self.sessionCookie) }
    var apiToken: String? { headerToken ?? value(of: Self.tokenName) }

    func value(of name: String) -> String? { cookies.first { $0.name == name }?.value }

    /// The `Cookie` header.
    var cookieHeader: String { cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ") }

    /// Takes in what a response says about the session. A `Set-Cookie` with a value replaces the old
    /// cookie; an empty or expired one (`Max-Age=0`, as the logout service sends) removes it. An
    /// `X-Bonita-API-Token` header becomes the CSRF token.
    mutating func absorb(_ response: HTTPResponseData) {
        if let token = response.header(Self.tokenName), !token.isEmpty { headerToken = token }
        for header in response.headers(named: "Set-Cookie") {
            guard let cookie = Self.parse(setCookie: header) else { continue }
            cookies.removeAll { $0.name == cookie.name }
            if !cookie.expired { cookies.append((cookie.name, cookie.value)) }
        }
    }

    /// `name=value; Path=/bonita; HttpOnly` → name, value, and whether it asks to be deleted.
    static func parse(setCookie header: String) -> (name: String, value: String, expired: Bool)? {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let equals = first.firstIndex(of: "=") else { return nil }
        let name = first[..<equals].trimmingCharacters(in: .whitespaces)
        var value = first[first.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        guard !name.isEmpty else { return nil }
        let deleted = parts.dropFirst().contains { $0.lowercased().replacingOccurrences(of: " ", with: "") == "max-age=0" }
        return (name, value, value.isEmpty || deleted)
    }

    static func == (lhs: BonitaSession, rhs: BonitaSession) -> Bool {
        lhs.generation == rhs.generation && lhs.cookieHeader == rhs.cookieHeader && lhs.headerToken == rhs.headerToken
    }

    var description: String { "Bonita session #\(generation) (\(cookies.count) cookies)" }
}
