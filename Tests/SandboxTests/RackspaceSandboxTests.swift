import Foundation
import MembershipKit
import NIOConcurrencyHelpers
import Sandbox
import Testing

/// The Rackspace flavour: Glance v2's member calls, and the over-limit answers a throttled account gets.
@Suite("Sandbox Rackspace Cloud Images flavour")
struct RackspaceSandboxTests {
    private func throttle(_ harness: SandboxHarness, _ json: String) async throws -> RawResponse {
        let admin = try await harness.keystoneToken(user: "admin")
        return try await harness.sendJSON(.PUT, "/rackspace/_sandbox/throttle", headers: [("X-Auth-Token", admin)], json: json)
    }

    @Test("member calls work as in Glance v2")
    func memberCalls() async throws {
        try await SandboxHarness.with { harness in
            let owner = try harness.glance("olivia", imageRoot: harness.urls.rackspace)
            let image = try await harness.createImage(owner: "olivia", name: "rax")
            let member = SandboxHarness.project("analytics")
            #expect(try await owner.addMember(imageID: image, memberID: member).status == "pending")
            await expectFailure(409, containing: "duplicated") { _ = try await owner.addMember(imageID: image, memberID: member) }
        }
    }

    @Test("a throttled request answers 413 Over Limit with Retry-After, then 503, then normally")
    func overLimit() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.keystoneToken(user: "cora")
            #expect(try await throttle(harness, #"{"status":413,"retry_after":7,"requests":1}"#).status == 204)
            let limited = try await harness.sendJSON(.GET, "/rackspace/v2/images", headers: [("X-Auth-Token", token)])
            #expect(limited.status == 413)
            #expect(limited.headers.first(name: "Retry-After") == "7")
            #expect((limited.object["overLimit"] as? [String: Any])?["code"] as? Int == 413)
            #expect(try await throttle(harness, #"{"status":503,"retry_after":2,"requests":1}"#).status == 204)
            let unavailable = try await harness.sendJSON(.GET, "/rackspace/v2/images", headers: [("X-Auth-Token", token)])
            #expect(unavailable.status == 503)
            #expect(unavailable.headers.first(name: "Retry-After") == "2")
            #expect(unavailable.object["serviceUnavailable"] != nil)
            #expect(try await harness.sendJSON(.GET, "/rackspace/v2/images", headers: [("X-Auth-Token", token)]).status == 200)
        }
    }

    @Test("the SDK waits Retry-After and succeeds once the limit lifts")
    func clientRetries() async throws {
        try await SandboxHarness.with { harness in
            let notices = NIOLockedValueBox<[RetryNotice]>([])
            let member = try harness.glance("cora", imageRoot: harness.urls.rackspace, retryPolicy: RetryPolicy(maxAttempts: 4),
                                            onRetry: { notice in notices.withLockedValue { $0.append(notice) } })
            #expect(try await throttle(harness, #"{"status":413,"retry_after":1,"requests":2}"#).status == 204)
            let images = try await member.listImages()
            #expect(!images.isEmpty)
            #expect(notices.withLockedValue { $0.count } == 2)
        }
    }

    @Test("only an admin may throttle; bad settings are 400")
    func control() async throws {
        try await SandboxHarness.with { harness in
            let cora = try await harness.keystoneToken(user: "cora")
            #expect(try await harness.sendJSON(.PUT, "/rackspace/_sandbox/throttle", headers: [("X-Auth-Token", cora)], json: "{}").status == 403)
            #expect(try await throttle(harness, #"{"status":500}"#).status == 400)
        }
    }
}
