import Hummingbird

/// `POST /auth`: `{username, password}` (JSON or form) → 201 `{token, username, expires}`. Refusals are
/// Atmosphere's `invalid_auth` 400s, not DRF's detail bodies.
enum AtmosphereAuthView {
    static func post(_ request: Request, context: SandboxRequestContext, database: SandboxDatabase) async throws -> Response {
        let data = try await AtmosphereRequestData.read(request, context: context)
        guard let username = data["username"]?.stringValue, !username.isEmpty else {
            throw AtmosphereFault.authRefused("Username missing")
        }
        let password = data["password"]?.stringValue
        let issued = try await database.write { db -> AtmosphereTokens.Issued? in
            guard let password else { return nil }
            return try AtmosphereTokens.issue(username: username, password: password, in: db)
        }
        guard let issued else { throw AtmosphereFault.authRefused("Username/Password combination was invalid") }
        return AtmosphereCall.json(.object([
            ("token", .string(issued.key)),
            ("username", .string(issued.username)),
            ("expires", .string(SandboxClock.atmosphereExpiry(issued.expiresAt))),
        ]), status: .created)
    }
}
