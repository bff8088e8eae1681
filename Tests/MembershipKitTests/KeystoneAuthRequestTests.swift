import Foundation
import Testing
@testable import MembershipKit

/// `POST /v3/auth/tokens`: the URL, the body for each way of authenticating, and reading the answer (api-facts §7).
@Suite("Keystone auth request")
struct KeystoneAuthRequestTests {
    // MARK: tokensURL

    @Test("the tokens URL appends /auth/tokens to a v3 auth_url and /v3/auth/tokens otherwise", arguments: [
        ("https://keystone.example.com:5000/v3", "https://keystone.example.com:5000/v3/auth/tokens"),
        ("https://keystone.example.com:5000/v3/", "https://keystone.example.com:5000/v3/auth/tokens"),
        ("https://keystone.example.com:5000", "https://keystone.example.com:5000/v3/auth/tokens"),
        ("https://keystone.example.com:5000/", "https://keystone.example.com:5000/v3/auth/tokens"),
        ("https://cloud.example.com/identity", "https://cloud.example.com/identity/v3/auth/tokens"),
        ("https://cloud.example.com/identity/", "https://cloud.example.com/identity/v3/auth/tokens"),
        ("https://cloud.example.com/identity/v3", "https://cloud.example.com/identity/v3/auth/tokens"),
        ("http://10.0.0.5/identity/v3/", "http://10.0.0.5/identity/v3/auth/tokens"),
        // An old v2.0 auth_url names the service root plus a version Keystone no longer serves.
        ("https://cloud.example.com:5000/v2.0", "https://cloud.example.com:5000/v3/auth/tokens"),
        ("https://cloud.example.com/identity/v2.0/", "https://cloud.example.com/identity/v3/auth/tokens"),
    ])
    func tokensURL(authURL: String, expected: String) {
        #expect(KeystoneAuthRequest.tokensURL(authURL: authURL) == expected)
    }

    // MARK: body(for:)

    private func cloud(_ type: CloudConfig.AuthType = .password, _ configure: (inout CloudConfig.Auth) -> Void) -> CloudConfig {
        var auth = CloudConfig.Auth()
        auth.authURL = "https://keystone.example.com/v3"
        configure(&auth)
        return CloudConfig(name: "test", authType: type, auth: auth)
    }

    private func body(_ cloud: CloudConfig) throws -> String {
        try canonicalJSON(KeystoneAuthRequest.body(for: cloud))
    }

    @Test("password by user name with domains, scoped to a project by name")
    func passwordByName() throws {
        let request = cloud {
            $0.username = "alice"
            $0.userDomainName = "Default"
            $0.password = "correct horse"
            $0.projectName = "demo"
            $0.projectDomainName = "Default"
        }
        #expect(try body(request) == canonicalJSON("""
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"name":"Default"},"password":"correct horse"}}},
             "scope":{"project":{"name":"demo","domain":{"name":"Default"}}}}}
            """))
    }

    @Test("domain ids are sent as ids")
    func passwordWithDomainIDs() throws {
        let request = cloud {
            $0.username = "alice"
            $0.userDomainID = "default"
            $0.password = "pw"
            $0.projectName = "demo"
            $0.projectDomainID = "d-77"
        }
        #expect(try body(request) == canonicalJSON("""
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"id":"default"},"password":"pw"}}},
             "scope":{"project":{"name":"demo","domain":{"id":"d-77"}}}}}
            """))
    }

    @Test("password by user_id, scoped to a project by id")
    func passwordByUserID() throws {
        let request = cloud {
            $0.userID = "9f1d0c"
            $0.username = "ignored-when-id-given"
            $0.password = "pw"
            $0.projectID = "3c1b6e"
            $0.projectName = "ignored-when-id-given"
        }
        #expect(try body(request) == canonicalJSON("""
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"id":"9f1d0c","password":"pw"}}},
             "scope":{"project":{"id":"3c1b6e"}}}}
            """))
    }

    @Test("domain scope by name and by id")
    func domainScope() throws {
        let byName = cloud {
            $0.userID = "u1"
            $0.password = "pw"
            $0.domainName = "Corp"
        }
        #expect(try body(byName) == canonicalJSON("""
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"id":"u1","password":"pw"}}},"scope":{"domain":{"name":"Corp"}}}}
            """))
        let byID = cloud {
            $0.userID = "u1"
            $0.password = "pw"
            $0.domainID = "d1"
        }
        #expect(try body(byID) == canonicalJSON("""
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"id":"u1","password":"pw"}}},"scope":{"domain":{"id":"d1"}}}}
            """))
    }

    @Test("system scope")
    func systemScope() throws {
        let request = cloud {
            $0.userID = "u1"
            $0.password = "pw"
            $0.systemScope = "all"
        }
        #expect(try body(request) == canonicalJSON("""
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"id":"u1","password":"pw"}}},"scope":{"system":{"all":true}}}}
            """))
    }

    @Test("no project, domain or system: an unscoped request")
    func unscoped() throws {
        let request = cloud {
            $0.userID = "u1"
            $0.password = "pw"
        }
        #expect(try body(request) == canonicalJSON("""
            {"auth":{"identity":{"methods":["password"],"password":{"user":{"id":"u1","password":"pw"}}}}}
            """))
    }

    @Test("application credential by id, with no scope even when the cloud names a project")
    func applicationCredentialByID() throws {
        let request = cloud(.applicationCredential) {
            $0.applicationCredentialID = "ac-1"
            $0.applicationCredentialSecret = "ac-secret"
            $0.projectName = "demo"
            $0.projectDomainName = "Default"
        }
        #expect(try body(request) == canonicalJSON("""
            {"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"ac-1","secret":"ac-secret"}}}}
            """))
    }

    @Test("application credential by name carries the user")
    func applicationCredentialByName() throws {
        let request = cloud(.applicationCredential) {
            $0.applicationCredentialName = "ci"
            $0.applicationCredentialSecret = "s"
            $0.username = "alice"
            $0.userDomainName = "Default"
        }
        #expect(try body(request) == canonicalJSON("""
            {"auth":{"identity":{"methods":["application_credential"],
             "application_credential":{"name":"ci","secret":"s","user":{"name":"alice","domain":{"name":"Default"}}}}}}
            """))
    }

    @Test("token authentication, keeping the project scope")
    func token() throws {
        let request = cloud(.token) {
            $0.token = "gAAAAABtoken"
            $0.projectID = "p1"
        }
        #expect(try body(request) == canonicalJSON("""
            {"auth":{"identity":{"methods":["token"],"token":{"id":"gAAAAABtoken"}},"scope":{"project":{"id":"p1"}}}}
            """))
    }

    @Test("a password cloud without a password is MembershipError.configuration(missingValue password)")
    func missingPassword() throws {
        let request = cloud {
            $0.username = "alice"
            $0.projectName = "demo"
        }
        let error = #expect(throws: MembershipError.self) { try KeystoneAuthRequest.body(for: request) }
        guard case let .configuration(.missingValue(key, _)) = error else {
            Issue.record("expected configuration(missingValue), got \(String(describing: error))")
            return
        }
        #expect(key == "password")
    }

    @Test("other missing pieces are configuration errors too")
    func otherMissingPieces() throws {
        let noUser = cloud { $0.password = "pw" }
        let noSecret = cloud(.applicationCredential) { $0.applicationCredentialID = "ac" }
        let noToken = cloud(.token) { _ in }
        for request in [noUser, noSecret, noToken] {
            let error = #expect(throws: MembershipError.self) { try KeystoneAuthRequest.body(for: request) }
            guard case .configuration = error else {
                Issue.record("expected a configuration error for \(request.authType), got \(String(describing: error))")
                continue
            }
        }
    }

    // MARK: token(from:)

    static let tokenBody = """
        {"token": {
          "methods": ["password"],
          "user": {"domain": {"id": "default", "name": "Default"}, "id": "4b2a1c7e9d8f4a6b8c0d1e2f3a4b5c6d", "name": "alice", "password_expires_at": null},
          "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
          "expires_at": "2026-11-22T16:40:32.000000Z",
          "issued_at": "2026-11-22T15:40:32.000000Z",
          "project": {"domain": {"id": "default", "name": "Default"}, "id": "8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d", "name": "demo"},
          "is_domain": false,
          "roles": [{"id": "r1", "name": "member"}, {"id": "r2", "name": "reader"}],
          "catalog": [
            {"endpoints": [
               {"id": "e1", "interface": "public", "region_id": "RegionOne", "url": "https://cloud.example.com/image", "region": "RegionOne"},
               {"id": "e2", "interface": "internal", "region_id": "RegionOne", "url": "http://10.0.0.5:9292", "region": "RegionOne"}],
             "id": "s1", "type": "image", "name": "glance"},
            {"endpoints": [
               {"id": "e3", "interface": "public", "region_id": "RegionOne", "url": "https://cloud.example.com/identity", "region": "RegionOne"}],
             "id": "s2", "type": "identity", "name": "keystone"}
          ]
        }}
        """

    static func response(headers: [(String, String)], body: String = tokenBody) -> HTTPResponseData {
        HTTPResponseData(status: 201, headers: headers, body: Data(body.utf8))
    }

    @Test("a 201 answer gives the token from X-Subject-Token and the rest from the body")
    func parseToken() throws {
        let response = Self.response(headers: [
            ("Date", "Sun, 22 Nov 2026 15:40:32 GMT"), ("Content-Type", "application/json"),
            ("X-Subject-Token", "gAAAAABsubject"), ("Vary", "X-Auth-Token"), ("x-openstack-request-id", "req-1"),
        ])
        let token = try KeystoneAuthRequest.token(from: response)
        #expect(token.value == "gAAAAABsubject")
        // 2026-11-22T16:40:32Z
        #expect(token.expiresAt == Date(timeIntervalSince1970: 1_795_365_632))
        #expect(token.user == .init(id: "4b2a1c7e9d8f4a6b8c0d1e2f3a4b5c6d", name: "alice", domainName: "Default"))
        #expect(token.project == .init(id: "8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d", name: "demo", domainName: "Default"))
        #expect(token.roles == ["member", "reader"])
        #expect(token.isAdmin == false)
        #expect(token.catalog.services.map(\.type) == ["image", "identity"])
        #expect(try token.catalog.endpoint(type: "image", interface: "public", region: "RegionOne") == "https://cloud.example.com/image")
        #expect(try token.catalog.endpoint(type: "image", interface: "internal", region: nil) == "http://10.0.0.5:9292")
        #expect(token.isUsable(at: Date(timeIntervalSince1970: 1_795_362_032)))
        #expect(!token.isUsable(at: Date(timeIntervalSince1970: 1_795_365_600)))
    }

    @Test("the header name is matched case-insensitively")
    func lowercaseHeader() throws {
        let token = try KeystoneAuthRequest.token(from: Self.response(headers: [("x-subject-token", "lower")]))
        #expect(token.value == "lower")
    }

    @Test("the token is never shown by its description")
    func descriptionHidesToken() throws {
        let token = try KeystoneAuthRequest.token(from: Self.response(headers: [("X-Subject-Token", "SECRET-TOKEN-VALUE")]))
        #expect(!token.description.contains("SECRET-TOKEN-VALUE"))
        #expect(!String(describing: token).contains("SECRET-TOKEN-VALUE"))
    }

    @Test("a token without a project or catalog (system scope, nocatalog) is read too")
    func systemScopedToken() throws {
        let body = """
            {"token":{"methods":["password"],"user":{"id":"u1","name":"admin","domain":{"id":"default","name":"Default"}},
             "system":{"all":true},"roles":[{"id":"r","name":"admin"}],
             "expires_at":"2026-11-22T16:40:32Z","issued_at":"2026-11-22T15:40:32Z"}}
            """
        let token = try KeystoneAuthRequest.token(from: Self.response(headers: [("X-Subject-Token", "t")], body: body))
        #expect(token.project == nil)
        #expect(token.catalog.services.isEmpty)
        #expect(token.isAdmin)
    }

    @Test("an answer without X-Subject-Token is MembershipError.invalidResponse")
    func missingHeader() throws {
        let error = #expect(throws: MembershipError.self) {
            try KeystoneAuthRequest.token(from: Self.response(headers: [("Content-Type", "application/json")]))
        }
        guard case .invalidResponse = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
    }

    @Test("an empty X-Subject-Token is MembershipError.invalidResponse")
    func emptyHeader() throws {
        let error = #expect(throws: MembershipError.self) {
            try KeystoneAuthRequest.token(from: Self.response(headers: [("X-Subject-Token", "")]))
        }
        guard case .invalidResponse = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
    }

    @Test("an unreadable body or expires_at is MembershipError.invalidResponse", arguments: [
        "<html>not json</html>",
        #"{"token":{"user":{"id":"u"}}}"#,
        #"{"token":{"user":{"id":"u"},"expires_at":"tomorrow"}}"#,
    ])
    func badBody(body: String) throws {
        let error = #expect(throws: MembershipError.self) {
            try KeystoneAuthRequest.token(from: Self.response(headers: [("X-Subject-Token", "t")], body: body))
        }
        guard case .invalidResponse = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
    }
}
