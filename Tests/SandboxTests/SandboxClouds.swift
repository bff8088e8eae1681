import Foundation
import MembershipKit
import Sandbox
import Testing

extension SandboxHarness {
    /// The cloud that logs in to this sandbox as a demo account, as clouds.yaml from `sandbox serve` says.
    func cloud(_ user: String, imageRoot: String? = nil) -> CloudConfig {
        let account = KeystoneDirectory.user(named: user)!
        var cloud = CloudConfig.password(name: "sandbox-\(user)", authURL: urls.identity, username: account.name, password: account.password,
                                         projectName: account.project, domain: KeystoneDirectory.domainName, region: KeystoneDirectory.region)
        cloud.imageEndpointOverride = imageRoot
        return cloud
    }

    /// A Glance v2 client of the SDK, logged in as `user`.
    func glance(_ user: String, imageRoot: String? = nil, retryPolicy: RetryPolicy = .never,
                onRetry: (@Sendable (RetryNotice) -> Void)? = nil) throws -> GlanceV2Client {
        GlanceV2Client(session: try OpenStackSession.make(cloud: cloud(user, imageRoot: imageRoot), tokenCache: nil,
                                                          retryPolicy: retryPolicy, onRetry: onRetry))
    }

    static func project(_ name: String) -> String { KeystoneDirectory.projectID(name) }

    /// Creates a bare image record as `owner` through the image API.
    func createImage(owner: String, name: String, visibility: String? = nil) async throws -> String {
        let token = try await keystoneToken(user: owner)
        var body = #"{"name":"\#(name)","disk_format":"raw","container_format":"bare""#
        if let visibility { body += #","visibility":"\#(visibility)""# }
        body += "}"
        let response = try await sendJSON(.POST, "/image/v2/images", headers: [("X-Auth-Token", token)], json: body)
        guard response.status == 201, let id = response.object["id"] as? String else {
            throw HarnessError(message: "image create failed: \(response.status) \(response.body)")
        }
        return id
    }
}

/// Asserts that an SDK call fails with `status` and a message containing `text` (webob's HTML removed).
func expectFailure(_ status: Int, containing text: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                   _ operation: () async throws -> Void) async {
    do {
        try await operation()
        Issue.record("expected HTTP \(status), but the call succeeded", sourceLocation: sourceLocation)
    } catch let MembershipError.http(failure) {
        #expect(failure.status == status, "message: \(failure.message)", sourceLocation: sourceLocation)
        if let text { #expect(failure.message.contains(text), "message: \(failure.message)", sourceLocation: sourceLocation) }
        #expect(!failure.message.contains("<br"), sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected HTTP \(status), got \(error)", sourceLocation: sourceLocation)
    }
}
