import Foundation
import MembershipKit
import Testing

/// Keystone v3 auth methods against the real Keystone: password by name and by id,
/// application credential, and token.
@Suite("Keystone auth methods against the reference stack", .enabled(if: ReferenceStack.shouldRun))
struct AuthMethodTests {
    /// Lists images with a cloud built from `member`'s credentials by `adjust`.
    func listImages(as adjust: (inout CloudConfig) -> Void) async throws -> (count: Int, token: KeystoneToken) {
        let session = try ReferenceStack.session("member", cache: nil, adjust: adjust)
        let images = try await GlanceV2Client(session: session).listImages()
        return (images.count, try await session.validToken())
    }

    @Test("password with user and project given by id")
    func passwordByID() async throws {
        let reference = try await ReferenceStack.session("member", cache: nil).validToken()
        let projectID = try #require(reference.project?.id)
        let result = try await listImages {
            $0.auth.userID = reference.user.id
            $0.auth.username = nil
            $0.auth.userDomainName = nil
            $0.auth.projectID = projectID
            $0.auth.projectName = nil
            $0.auth.projectDomainName = nil
        }
        #expect(result.token.project?.id == projectID)
        #expect(result.token.user.id == reference.user.id)
    }

    @Test("an application credential authenticates with its own scope")
    func applicationCredential() async throws {
        let owner = try ReferenceStack.session("member", cache: nil)
        let token = try await owner.validToken()
        let name = "it-appcred-\(UUID().uuidString.prefix(8))"
        let url = ReferenceStack.keystoneURL + "/users/\(token.user.id)/application_credentials"
        let created = try await owner.send("POST", url, json: Data(#"{"application_credential":{"name":"\#(name)"}}"#.utf8), accept: [201])
        struct Created: Decodable {
            struct Credential: Decodable { var id: String; var secret: String }
            var application_credential: Credential
        }
        let credential = try JSONDecoder().decode(Created.self, from: created.body).application_credential
        defer { Task { _ = try? await owner.send("DELETE", url + "/" + credential.id, accept: [204]) } }

        let result = try await listImages {
            $0.authType = .applicationCredential
            $0.auth = CloudConfig.Auth()
            $0.auth.authURL = ReferenceStack.keystoneURL
            $0.auth.applicationCredentialID = credential.id
            $0.auth.applicationCredentialSecret = credential.secret
        }
        #expect(result.token.project?.id == token.project?.id)
        #expect(result.token.value != token.value)

        let wrong = try ReferenceStack.session("member", cache: nil) {
            $0.authType = .applicationCredential
            $0.auth = CloudConfig.Auth()
            $0.auth.authURL = ReferenceStack.keystoneURL
            $0.auth.applicationCredentialID = credential.id
            $0.auth.applicationCredentialSecret = "not-the-secret"
        }
        await expectHTTPError(401) { _ = try await wrong.authenticate() }
    }

    @Test("an existing token authenticates (auth_type token) and is rescoped to the project")
    func tokenAuth() async throws {
        let password = try await ReferenceStack.session("member", cache: nil).validToken()
        let result = try await listImages {
            $0.authType = .token
            $0.auth.token = password.value
            $0.auth.username = nil
            $0.auth.password = nil
            $0.auth.userDomainName = nil
        }
        #expect(result.token.project?.id == password.project?.id)
    }
}
