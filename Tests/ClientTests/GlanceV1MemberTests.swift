import Foundation
import MembershipKit
import Sandbox
import Testing

/// The v1 member operations against the sandbox's Glance v1. Demo data: olivia (project imaging) owns
/// `golden-ubuntu-24.04-hardened` (members analytics with can_share, webapps, research),
/// `golden-debian-12-hardened` (analytics with can_share, webapps) and `imaging-scratch` (no members).
@Suite("GlanceV1 members")
struct GlanceV1MemberTests {
    typealias F = GlanceV1Fixture

    @Test("members lists each member with its can_share")
    func listsMembers() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let image = try await F.imageID(client, "golden-ubuntu-24.04-hardened")
            let members = try await client.members(imageID: image)
            #expect(Set(members) == F.ubuntuMembers)
            #expect(try await client.members(imageID: try await F.imageID(client, "imaging-scratch")).isEmpty)
        }
    }

    @Test("members of an image the caller cannot see: 404 with Glance's message, no HTML, and the request id")
    func membersOfUnknownImage() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let missing = "00000000-0000-4000-8000-000000000000"
            let failure = await F.refusal { _ = try await client.members(imageID: missing) }
            #expect(failure?.status == 404)
            #expect(failure?.message == "Image with identifier \(missing) not found")
            #expect(failure?.requestID?.hasPrefix("req-") == true)
            #expect(failure?.method == "GET")
        }
    }

    @Test("addMember without a body adds the member with can_share false")
    func addWithoutBody() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let image = try await F.imageID(client, "imaging-scratch")
            try await client.addMember(imageID: image, memberID: F.webapps)
            #expect(try await client.members(imageID: image) == [F.member(F.webapps, false)])
        }
    }

    @Test("addMember with can_share true, then false, sets and toggles it back")
    func addWithCanShareAndToggle() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let image = try await F.imageID(client, "imaging-scratch")
            try await client.addMember(imageID: image, memberID: F.research, canShare: true)
            #expect(try await client.members(imageID: image) == [F.member(F.research, true)])
            try await client.addMember(imageID: image, memberID: F.research, canShare: false)
            #expect(try await client.members(imageID: image) == [F.member(F.research, false)])
            try await client.addMember(imageID: image, memberID: F.research, canShare: true)
            #expect(try await client.members(imageID: image) == [F.member(F.research, true)])
        }
    }

    @Test("addMember without a body leaves an existing member's can_share as it is")
    func existingMemberWithoutBody() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let image = try await F.imageID(client, "golden-ubuntu-24.04-hardened")
            try await client.addMember(imageID: image, memberID: F.analytics)
            try await client.addMember(imageID: image, memberID: F.webapps)
            #expect(Set(try await client.members(imageID: image)) == F.ubuntuMembers)
        }
    }

    @Test("replaceMembers replaces the whole list and returns the one it replaced")
    func replaceWholeList() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let image = try await F.imageID(client, "golden-debian-12-hardened")
            let shown = try await client.members(imageID: image)
            #expect(Set(shown) == F.debianMembers)
            let wanted = [F.member(F.research, true), F.member(F.webapps, true)]
            // Order does not matter when comparing with what was shown.
            let replaced = try await client.replaceMembers(imageID: image, with: wanted, expecting: shown.reversed())
            #expect(Set(replaced) == Set(shown))
            #expect(Set(try await client.members(imageID: image)) == Set(wanted))
            // Down to nothing, through the convenience that reads the list itself.
            #expect(Set(try await client.replaceMembers(imageID: image, with: [])) == Set(wanted))
            #expect(try await client.members(imageID: image).isEmpty)
        }
    }

    @Test("replaceMembers refuses when another client added a member since the list was shown")
    func replaceRefusedAfterAdd() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox), other = try F.client(sandbox, "admin")
            let image = try await F.imageID(client, "golden-debian-12-hardened")
            let shown = try await client.members(imageID: image)
            try await other.addMember(imageID: image, memberID: F.research)
            let error = await #expect(throws: MembershipError.self) {
                try await client.replaceMembers(imageID: image, with: [F.member(F.webapps)], expecting: shown)
            }
            let text = error?.description ?? ""
            #expect(text.contains("the member list of image \(image) changed since it was shown"))
            #expect(text.contains(F.research) && text.hasSuffix("nothing was replaced"))
            #expect(!text.contains("\n"))
            #expect(Set(try await client.members(imageID: image)) == F.debianMembers.union([F.member(F.research)]))
        }
    }

    @Test("replaceMembers refuses when another client changed only a can_share since the list was shown")
    func replaceRefusedAfterToggle() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox), other = try F.client(sandbox)
            let image = try await F.imageID(client, "golden-debian-12-hardened")
            let shown = try await client.members(imageID: image)
            try await other.addMember(imageID: image, memberID: F.webapps, canShare: true)
            let error = await #expect(throws: MembershipError.self) {
                try await client.replaceMembers(imageID: image, with: [], expecting: shown)
            }
            #expect(error?.description.contains("\(F.webapps) (can share)") == true)
            #expect(Set(try await client.members(imageID: image)) == [F.member(F.analytics, true), F.member(F.webapps, true)])
        }
    }

    @Test("replaceMembers with 129 members is refused with 413 and changes nothing; 128 are accepted")
    func replaceOverQuota() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let image = try await F.imageID(client, "imaging-scratch")
            let many = (1...129).map { F.member(String(format: "project-%03d", $0)) }
            let failure = await F.refusal { try await client.replaceMembers(imageID: image, with: many, expecting: []) }
            #expect(failure?.status == 413)
            #expect(failure?.message.contains("Attempted: 129, Maximum: 128") == true)
            #expect(failure?.message.contains("<") == false)
            #expect(try await client.members(imageID: image).isEmpty)
            try await client.replaceMembers(imageID: image, with: Array(many.prefix(128)), expecting: [])
            #expect(try await client.members(imageID: image).count == 128)
        }
    }

    @Test("removeMember removes; removing a member that is none is a 404")
    func removeAndRemoveMissing() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let image = try await F.imageID(client, "golden-ubuntu-24.04-hardened")
            try await client.removeMember(imageID: image, memberID: F.webapps)
            #expect(Set(try await client.members(imageID: image)) == [F.member(F.analytics, true), F.member(F.research)])
            let failure = await F.refusal { try await client.removeMember(imageID: image, memberID: F.webapps) }
            #expect(failure?.status == 404)
            #expect(failure?.message == "Membership could not be found.")
            #expect(failure?.method == "DELETE")
            #expect(failure?.requestID != nil)
        }
    }

    @Test("a member without can_share may not add, replace or remove: 404, and nothing changes")
    func memberWithoutCanShareRefused() async throws {
        try await ClientSandbox.with { sandbox in
            let owner = try F.client(sandbox), carl = try F.client(sandbox, "carl")
            let image = try await F.imageID(owner, "golden-ubuntu-24.04-hardened")
            let before = try await owner.members(imageID: image)
            #expect(before.contains(F.member(F.webapps, false)))
            // carl's project can see the image and its members, but not change them.
            #expect(Set(try await carl.members(imageID: image)) == Set(before))
            for attempt in [
                { try await carl.addMember(imageID: image, memberID: F.imaging) },
                { try await carl.addMember(imageID: image, memberID: F.webapps, canShare: true) },
                { _ = try await carl.replaceMembers(imageID: image, with: []) },
                { try await carl.removeMember(imageID: image, memberID: F.analytics) },
            ] as [@Sendable () async throws -> Void] {
                let failure = await F.refusal(attempt)
                #expect(failure?.status == 404)
                #expect(failure?.message.contains("<") == false)
            }
            #expect(Set(try await owner.members(imageID: image)) == Set(before))
        }
    }

    @Test("a member with can_share may add members")
    func memberWithCanShareAllowed() async throws {
        try await ClientSandbox.with { sandbox in
            let owner = try F.client(sandbox), cora = try F.client(sandbox, "cora")
            let image = try await F.imageID(owner, "golden-debian-12-hardened")
            try await cora.addMember(imageID: image, memberID: F.research)
            #expect(Set(try await owner.members(imageID: image)) == F.debianMembers.union([F.member(F.research)]))
        }
    }

    @Test("sharedImages lists the images shared with a member and follows changes")
    func sharedImages() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let ubuntu = try await F.imageID(client, "golden-ubuntu-24.04-hardened")
            let nginx = try await F.imageID(client, "nginx-1.26-edge")
            let scratch = try await F.imageID(client, "imaging-scratch")
            let before = try await client.sharedImages(memberID: F.analytics)
            #expect(before.contains(GlanceV1SharedImage(imageID: ubuntu, canShare: true)))
            #expect(before.contains(GlanceV1SharedImage(imageID: nginx, canShare: false)))
            #expect(!before.contains { $0.imageID == scratch })
            try await client.addMember(imageID: scratch, memberID: F.analytics, canShare: true)
            try await client.removeMember(imageID: ubuntu, memberID: F.analytics)
            let after = try await client.sharedImages(memberID: F.analytics)
            #expect(after.contains(GlanceV1SharedImage(imageID: scratch, canShare: true)))
            #expect(!after.contains { $0.imageID == ubuntu })
            #expect(after.count == before.count)
            #expect(try await client.sharedImages(memberID: "no-such-project").isEmpty)
        }
    }
}
