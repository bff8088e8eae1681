import Foundation

/// Replies that make the hostile server look like a cloud to memberdeck's SDK: a Keystone that hands
/// out a token whose catalog points Glance at the hostile server itself, so a real client (the SDK,
/// or the binary with a clouds.yaml) reaches the hostile Glance answers through its normal path.
public enum FakeOpenStack {
    /// The token the fake Keystone issues.
    public static let issuedToken = "gAAAAA-hostile-issued-token-0123456789"

    /// `POST …/v3/auth/tokens`: 201 with `X-Subject-Token` and a catalog whose image service is `imageURL`.
    public static func tokenReply(imageURL: String, expires: Date = Date().addingTimeInterval(3600)) -> HostileReply {
        let formatter = ISO8601DateFormatter()
        let body: [String: Any] = ["token": [
            "expires_at": formatter.string(from: expires),
            "issued_at": formatter.string(from: Date()),
            "methods": ["password"],
            "user": ["id": "u1", "name": "mallory", "domain": ["id": "default", "name": "Default"]],
            "project": ["id": "p1", "name": "hostile", "domain": ["id": "default", "name": "Default"]],
            "roles": [["id": "r1", "name": "member"]],
            "catalog": [["type": "image", "name": "glance", "endpoints": [
                ["interface": "public", "region": "RegionOne", "region_id": "RegionOne", "url": imageURL, "id": "e1"],
            ]]],
        ]]
        return .json(201, object: body, headers: [("X-Subject-Token", issuedToken)])
    }

    /// Starts a hostile server that is Keystone and Glance at once: token requests get a token whose
    /// catalog points the image service at `{server}/image`; `glance` answers everything else and is
    /// given that image URL.
    public static func startCloud(glance: @escaping @Sendable (HostileRequest, _ imageURL: String) -> HostileReply) async throws -> HostileServer {
        let base = LateURL()
        let server = try await HostileServer.start { request in
            isTokenRequest(request) ? tokenReply(imageURL: base.value + "/image") : glance(request, base.value + "/image")
        }
        base.set(server.url)
        return server
    }

    /// Whether a request is a token request.
    public static func isTokenRequest(_ request: HostileRequest) -> Bool {
        request.method == "POST" && request.path.hasSuffix("/auth/tokens")
    }

    /// A Glance v2 image object.
    public static func image(id: String, name: String) -> [String: Any] {
        ["id": id, "name": name, "status": "active", "visibility": "shared", "owner": "p1",
         "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "protected": false, "tags": [String]()]
    }

    /// A clouds.yaml for the binary: one cloud `hostile` whose Keystone is the server.
    public static func cloudsYAML(authURL: String, password: String = "correct-horse-battery", apiTimeout: Double? = nil) -> String {
        var text = """
        clouds:
          hostile:
            auth:
              auth_url: \(authURL)/v3
              username: mallory
              password: \(password)
              project_name: hostile
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionOne

        """
        if let apiTimeout { text += "    api_timeout: \(apiTimeout)\n" }
        return text
    }
}

/// The server's URL, known only once it listens; read by its behaviour.
final class LateURL: @unchecked Sendable {
    private let lock = NSLock()
    private var url = ""
    var value: String { lock.withLock { url } }
    func set(_ value: String) { lock.withLock { url = value } }
}
