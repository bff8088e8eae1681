import Foundation

/// Builds `POST /v3/auth/tokens` from a cloud's auth section and reads the answer. Pure; unit-tested.
public enum KeystoneAuthRequest {
    /// `{auth_url}/auth/tokens` when auth_url ends in a v3 segment, else `{auth_url}/v3/auth/tokens`.
    /// An old `…/v2.0` auth_url is taken as its service root, as keystoneauth's discovery would.
    public static func tokensURL(authURL: String) -> String {
        var base = authURL.hasSuffix("/") ? String(authURL.dropLast()) : authURL
        let last = base.split(separator: "/").last.map(String.init) ?? ""
        if last == "v3" || last.hasPrefix("v3.") { return base + "/auth/tokens" }
        if last == "v2.0" { base = String(base.dropLast(last.count + 1)) }
        return base + "/v3/auth/tokens"
    }

    public static func body(for cloud: CloudConfig) throws -> Data {
        let auth = cloud.auth
        var identity: [String: Any]
        var includeScope = true
        switch cloud.authType {
        case .password:
            guard let password = auth.password else {
                throw missing("password", "the cloud '\(cloud.name)' has no password (set it in clouds.yaml, secure.yaml or OS_PASSWORD)")
            }
            var user = try userReference(auth, missingDetail: "the cloud '\(cloud.name)' needs username or user_id")
            user["password"] = password
            identity = ["methods": ["password"], "password": ["user": user]]
        case .applicationCredential:
            guard let secret = auth.applicationCredentialSecret else {
                throw missing("application_credential_secret", "the cloud '\(cloud.name)' has no application credential secret")
            }
            var credential: [String: Any] = ["secret": secret]
            if let id = auth.applicationCredentialID {
                credential["id"] = id
            } else if let name = auth.applicationCredentialName {
                credential["name"] = name
                credential["user"] = try userReference(auth, missingDetail: "an application credential given by name needs username or user_id")
            } else {
                throw missing("application_credential_id", "the cloud '\(cloud.name)' needs application_credential_id or _name")
            }
            identity = ["methods": ["application_credential"], "application_credential": credential]
            // An application credential carries its own scope; Keystone refuses another.
            includeScope = false
        case .token:
            guard let token = auth.token else { throw missing("token", "the cloud '\(cloud.name)' has auth_type token but no token") }
            identity = ["methods": ["token"], "token": ["id": token]]
        case .none:
            throw missing("auth_type", "auth_type none needs no token request")
        }
        var authObject: [String: Any] = ["identity": identity]
        if includeScope, let scope = scope(auth) { authObject["scope"] = scope }
        return try JSONSerialization.data(withJSONObject: ["auth": authObject], options: [.sortedKeys])
    }

    /// `{"id": …}`, or `{"name": …, "domain": {…}}` when the user is given by name.
    static func userReference(_ auth: CloudConfig.Auth, missingDetail: String) throws -> [String: Any] {
        if let id = auth.userID { return ["id": id] }
        guard let name = auth.username else { throw missing("username", missingDetail) }
        var user: [String: Any] = ["name": name]
        if let domain = domain(id: auth.userDomainID, name: auth.userDomainName) { user["domain"] = domain }
        return user
    }

    static func scope(_ auth: CloudConfig.Auth) -> [String: Any]? {
        if let id = auth.projectID { return ["project": ["id": id]] }
        if let name = auth.projectName {
            var project: [String: Any] = ["name": name]
            if let domain = domain(id: auth.projectDomainID, name: auth.projectDomainName) { project["domain"] = domain }
            return ["project": project]
        }
        if let id = auth.domainID { return ["domain": ["id": id]] }
        if let name = auth.domainName { return ["domain": ["name": name]] }
        if let system = auth.systemScope { return ["system": [system: true]] }
        return nil
    }

    static func domain(id: String?, name: String?) -> [String: String]? {
        if let id { return ["id": id] }
        if let name { return ["name": name] }
        return nil
    }

    static func missing(_ key: String, _ detail: String) -> MembershipError {
        .configuration(.missingValue(key: key, detail: detail))
    }

    /// Reads a 201 answer: the token from `X-Subject-Token`, the rest from the body.
    public static func token(from response: HTTPResponseData) throws -> KeystoneToken {
        guard let value = response.header("X-Subject-Token"), !value.isEmpty else {
            throw MembershipError.invalidResponse("Keystone answered \(response.status) without X-Subject-Token")
        }
        struct Body: Decodable {
            struct Token: Decodable {
                struct Named: Decodable {
                    struct Domain: Decodable { var name: String? }
                    var id: String
                    var name: String?
                    var domain: Domain?
                }
                struct Role: Decodable { var name: String }
                var expires_at: String
                var user: Named
                var project: Named?
                var roles: [Role]?
                var catalog: [ServiceCatalog.Service]?
            }
            var token: Token
        }
        let body = try JSONResponse.decode(response, as: Body.self, what: "Keystone's token body")
        guard let expires = Timestamp.parse(body.token.expires_at) else {
            throw MembershipError.invalidResponse("Keystone token has an unreadable expires_at '\(body.token.expires_at)'")
        }
        let user = body.token.user
        return KeystoneToken(
            value: value,
            expiresAt: expires,
            user: .init(id: user.id, name: user.name, domainName: user.domain?.name),
            project: body.token.project.map { .init(id: $0.id, name: $0.name, domainName: $0.domain?.name) },
            roles: (body.token.roles ?? []).map(\.name),
            catalog: ServiceCatalog(services: body.token.catalog ?? [])
        )
    }
}
