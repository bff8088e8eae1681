import Foundation
import MembershipKit
import Sandbox
import Testing

/// The sandbox's Glance v2 through memberdeck's own SDK: every member operation and each documented error.
@Suite("Sandbox Glance v2 through the SDK")
struct GlanceV2SandboxTests {
    let cora = SandboxHarness.project("analytics")
    let carl = SandboxHarness.project("webapps")

    @Test("owner shares, member accepts, rejects and resets, owner removes; a re-share keeps created_at")
    func lifecycle() async throws {
        try await SandboxHarness.with { harness in
            let owner = try harness.glance("olivia"), member = try harness.glance("cora")
            let image = try await harness.createImage(owner: "olivia", name: "life")
            let added = try await owner.addMember(imageID: image, memberID: cora)
            #expect(added.status == "pending")
            #expect(try await member.members(imageID: image).map(\.memberID) == [cora])
            for status in [MemberStatus.accepted, .rejected, .pending, .accepted] {
                #expect(try await member.updateMember(imageID: image, memberID: cora, status: status).status == status.rawValue)
                #expect(try await owner.member(imageID: image, memberID: cora).status == status.rawValue)
            }
            try await owner.removeMember(imageID: image, memberID: cora)
            #expect(try await owner.members(imageID: image).isEmpty)
            let again = try await owner.addMember(imageID: image, memberID: cora)
            #expect(again.status == "pending")
            #expect(again.createdAt == added.createdAt)
        }
    }

    @Test("duplicate 409, quota 413 at the 129th member, bad status 400")
    func limits() async throws {
        try await SandboxHarness.with { harness in
            let owner = try harness.glance("olivia"), member = try harness.glance("cora")
            let image = try await harness.createImage(owner: "olivia", name: "limits")
            _ = try await owner.addMember(imageID: image, memberID: cora)
            await expectFailure(409, containing: "is duplicated for image") { _ = try await owner.addMember(imageID: image, memberID: cora) }
            for index in 1..<128 { _ = try await owner.addMember(imageID: image, memberID: "project-\(index)") }
            #expect(try await owner.members(imageID: image).count == 128)
            await expectFailure(413, containing: "Attempted: 129, Maximum: 128") { _ = try await owner.addMember(imageID: image, memberID: "one-too-many") }
            let token = try await harness.keystoneToken(user: "cora")
            let bad = try await harness.sendJSON(.PUT, "/image/v2/images/\(image)/members/\(cora)", headers: [("X-Auth-Token", token)], json: #"{"status":"maybe"}"#)
            #expect(bad.status == 400)
            #expect((bad.object["message"] as? String)?.hasPrefix("Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".") == true)
            _ = member
        }
    }

    @Test("policies: the owner cannot accept, a member cannot remove itself or see another row, a stranger sees nothing; admin may all")
    func policies() async throws {
        try await SandboxHarness.with { harness in
            let owner = try harness.glance("olivia"), member = try harness.glance("cora")
            let stranger = try harness.glance("carl"), admin = try harness.glance("admin")
            let image = try await harness.createImage(owner: "olivia", name: "policy")
            _ = try await owner.addMember(imageID: image, memberID: cora)
            _ = try await owner.addMember(imageID: image, memberID: "someone-else")
            await expectFailure(403, containing: "modify_member") { _ = try await owner.updateMember(imageID: image, memberID: cora, status: .accepted) }
            await expectFailure(403, containing: "delete_member") { try await member.removeMember(imageID: image, memberID: cora) }
            await expectFailure(403, containing: "add_member") { _ = try await member.addMember(imageID: image, memberID: carl) }
            await expectFailure(404, containing: "not found in the member list") { _ = try await member.member(imageID: image, memberID: "someone-else") }
            #expect(try await member.members(imageID: image).map(\.memberID) == [cora])
            await expectFailure(404, containing: "Image \(image) not found.") { _ = try await stranger.members(imageID: image) }
            #expect(try await admin.updateMember(imageID: image, memberID: cora, status: .accepted).status == "accepted")
            try await admin.removeMember(imageID: image, memberID: "someone-else")
            #expect(try await admin.members(imageID: image).count == 1)
        }
    }

    @Test("a private image has no members: list 403, show 404, add 403")
    func privateImage() async throws {
        try await SandboxHarness.with { harness in
            let owner = try harness.glance("olivia")
            let image = try await harness.createImage(owner: "olivia", name: "private", visibility: "private")
            await expectFailure(403, containing: "Only shared images have members.") { _ = try await owner.members(imageID: image) }
            await expectFailure(404, containing: "Only shared images have members.") { _ = try await owner.member(imageID: image, memberID: cora) }
            await expectFailure(403, containing: "Not allowed to create members for image") { _ = try await owner.addMember(imageID: image, memberID: cora) }
        }
    }

    @Test("the demo inbox: cora has pending shares, and member_status filters what she lists")
    func demoInbox() async throws {
        try await SandboxHarness.with { harness in
            let member = try harness.glance("cora")
            let pending = try await member.listImages(ImageQuery(visibility: "shared", memberStatus: "pending"))
            #expect(pending.count >= 5)
            let all = try await member.listImages(ImageQuery(visibility: "shared", memberStatus: "all"))
            #expect(all.count > pending.count)
            let accepted = try await member.listImages(ImageQuery())
            #expect(accepted.contains { $0.name == "ubuntu-24.04-server" })
            #expect(!accepted.contains { pending.map(\.id).contains($0.id) })
        }
    }

    @Test("listing follows next links page by page, and the admin sees every image")
    func paging() async throws {
        try await SandboxHarness.with { harness in
            let admin = try harness.glance("admin")
            // Community images of other projects appear only when asked for, even for the admin.
            var query = ImageQuery(visibility: "all")
            query.pageSize = 7
            let paged = try await admin.listImages(query)
            #expect(paged.count == GlanceDemoSeedCount.images)
            #expect(Set(paged.map(\.id)).count == paged.count)
            #expect(try await admin.listImages(ImageQuery()).count == GlanceDemoSeedCount.images - 2)
        }
    }

    @Test("paging parameters are checked with Glance's messages", arguments: [
        ("limit=-1", 400, "limit param must be positive"),
        ("limit=x", 400, "limit param must be an integer"),
        ("sort=colour", 400, "Invalid sort key: colour."),
        ("member_status=maybe", 400, "Invalid status: maybe"),
        ("visibility=secret", 400, "Invalid visibility value: secret"),
        ("marker=0b5c8d1e-9f2a-4c3b-8d7e-6f5a4b3c2d1e", 400, "No image found with ID 0b5c8d1e-9f2a-4c3b-8d7e-6f5a4b3c2d1e"),
        ("marker=5e4d0004-6d0c-4e1a-9b7f-00d300000004", 403, "Forbidding request, image 5e4d0004-6d0c-4e1a-9b7f-00d300000004 not visible"),
    ])
    func listErrors(query: String, status: Int, message: String) async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.keystoneToken(user: "cora")
            let response = try await harness.sendJSON(.GET, "/image/v2/images?\(query)", headers: [("X-Auth-Token", token)])
            #expect(response.status == status)
            #expect((response.object["message"] as? String)?.hasPrefix(message) == true, "\(response.body)")
        }
    }
}

enum GlanceDemoSeedCount {
    static let images = 40
}
