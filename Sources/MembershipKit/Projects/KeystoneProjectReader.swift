import Foundation

/// Reads project names from Keystone with a session's token, as the token's roles allow:
/// every user may list its own projects and read the project it is scoped to; reading any other
/// project, or finding one by name, takes the admin role (a 403 then only means "not allowed",
/// and answers nil rather than an error).
public struct KeystoneProjectReader: Sendable {
    public let session: OpenStackSession

    public init(session: OpenStackSession) { self.session = session }

    /// `…/v3`, from the cloud's auth URL (the Keystone the user reached, not the catalog's entry).
    public static func identityRoot(authURL: String) -> String {
        String(KeystoneAuthRequest.tokensURL(authURL: authURL).dropLast("/auth/tokens".count))
    }

    func url(_ path: String) async throws -> String {
        guard let authURL = session.cloud.auth.authURL, !authURL.isEmpty else {
            throw MembershipError.configuration(.missingValue(key: "auth_url", detail: "the cloud '\(session.cloud.name)' has no auth.auth_url"))
        }
        return Self.identityRoot(authURL: authURL) + path
    }

    /// `GET /v3/auth/projects`: the projects the user has a role on.
    public func myProjects() async throws -> [KeystoneProject] {
        let response = try await session.send("GET", try await url("/auth/projects"))
        return try JSONResponse.decode(response, as: KeystoneProjectList.self, what: "Keystone's project list").projects
    }

    /// `GET /v3/projects/{id}`: nil when Keystone does not let this token read it (403) or has no
    /// such project (404).
    public func project(id: String) async throws -> KeystoneProject? {
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        let response = try await session.send("GET", try await url("/projects/" + escaped), accept: [200, 403, 404])
        guard response.status == 200 else { return nil }
        return try JSONResponse.decode(response, as: KeystoneProjectItem.self, what: "Keystone's project").project
    }

    /// Whether Keystone has the project: nil when this token may not ask (403: it takes the admin
    /// role), so that "not allowed to look" never reads as "does not exist".
    public func exists(id: String) async throws -> Bool? {
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        let response = try await session.send("GET", try await url("/projects/" + escaped), accept: [200, 403, 404])
        switch response.status {
        case 200: return true
        case 404: return false
        default: return nil
        }
    }

    /// `GET /v3/projects?name=`: the projects of that name (several domains may have one); nil when
    /// this token may not list projects (403).
    public func projects(named name: String) async throws -> [KeystoneProject]? {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "name", value: name)]
        let response = try await session.send("GET", try await url("/projects?" + (components.percentEncodedQuery ?? "")), accept: [200, 403])
        guard response.status == 200 else { return nil }
        return try JSONResponse.decode(response, as: KeystoneProjectList.self, what: "Keystone's project list").projects
    }
}
