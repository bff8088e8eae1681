import Foundation
import MembershipKit
import Sandbox
import Testing

/// Shared pieces of the Glance v1 client tests: clients for sandbox accounts, project ids, and the
/// `MembershipError.http` a call is expected to end in.
enum GlanceV1Fixture {
    static let analytics = KeystoneDirectory.projectID("analytics")
    static let webapps = KeystoneDirectory.projectID("webapps")
    static let research = KeystoneDirectory.projectID("research")
    static let imaging = KeystoneDirectory.projectID("imaging")

    /// The demo members of `golden-ubuntu-24.04-hardened` (the first one shared may share further).
    static let ubuntuMembers: Set = [member(analytics, true), member(webapps), member(research)]
    /// The demo members of `golden-debian-12-hardened`.
    static let debianMembers: Set = [member(analytics, true), member(webapps)]

    /// A v1 client logged in as a sandbox account (olivia owns the imaging project's images).
    static func client(_ sandbox: ClientSandbox, _ user: String = "olivia") throws -> GlanceV1Client {
        GlanceV1Client(session: try sandbox.session(user, imageRoot: sandbox.urls.imageV1))
    }

    /// The id of a demo image, looked up by name as `user` sees it.
    static func imageID(_ client: GlanceV1Client, _ name: String) async throws -> String {
        try await client.findImage(name).id
    }

    /// Runs `body`, expecting the server to refuse it; returns what it said.
    static func refusal(sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async -> HTTPFailure? {
        let error = await #expect(throws: MembershipError.self, sourceLocation: sourceLocation) { try await body() }
        guard case let .http(failure)? = error else {
            Issue.record("expected an HTTP refusal, got \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        return failure
    }

    static func member(_ id: String, _ canShare: Bool = false) -> GlanceV1Member { GlanceV1Member(memberID: id, canShare: canShare) }
}
