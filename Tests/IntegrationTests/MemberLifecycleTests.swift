import Foundation
import MembershipKit
import Testing

/// Every member operation against real Glance, with the owner, a member, a stranger and the admin.
@Suite("Glance v2 members against the reference stack", .enabled(if: ReferenceStack.shouldRun))
struct MemberLifecycleTests {
    @Test("owner shares, member accepts, rejects, resets; owner removes")
    func fullLifecycle() async throws {
        let owner = try ReferenceStack.glance("owner")
        let member = try ReferenceStack.glance("member")
        let memberProject = try await ReferenceStack.projectID("member")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("life")) { image in
            #expect(image.visibility == "shared")

            let added = try await owner.addMember(imageID: image.id, memberID: memberProject)
            #expect(added.status == "pending")
            #expect(added.imageID == image.id)
            #expect(added.memberID == memberProject)

            #expect(try await owner.members(imageID: image.id).map(\.memberID) == [memberProject])
            #expect(try await member.members(imageID: image.id).map(\.memberID) == [memberProject])
            #expect(try await member.member(imageID: image.id, memberID: memberProject).status == "pending")

            for status in [MemberStatus.accepted, .rejected, .pending, .accepted] {
                let updated = try await member.updateMember(imageID: image.id, memberID: memberProject, status: status)
                #expect(updated.status == status.rawValue)
                #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == status.rawValue)
            }

            try await owner.removeMember(imageID: image.id, memberID: memberProject)
            #expect(try await owner.members(imageID: image.id).isEmpty)
            await expectHTTPError(404, containing: "not found in the member list") {
                _ = try await owner.member(imageID: image.id, memberID: memberProject)
            }
        }
    }

    @Test("a duplicate share is 409 with Glance's message and a request id")
    func duplicate() async throws {
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("dup")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let failure = await expectHTTPError(409, containing: "Member \(memberProject) is duplicated for image \(image.id)") {
                _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            }
            #expect(failure?.requestID?.hasPrefix("req-") == true)
            #expect(failure?.message.hasSuffix(image.id) == true, "the <br /> tail is removed")
        }
    }

    @Test("the 129th member is refused with 413 (image_member_quota 128)")
    func quota() async throws {
        let owner = try ReferenceStack.glance("owner")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("quota")) { image in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for batch in 0..<8 {
                    group.addTask {
                        for index in 0..<16 {
                            _ = try await owner.addMember(imageID: image.id, memberID: String(format: "quota%03d", batch * 16 + index))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await owner.members(imageID: image.id).count == 128)
            await expectHTTPError(413, containing: "Image member limit exceeded for image \(image.id)") {
                _ = try await owner.addMember(imageID: image.id, memberID: "one-too-many")
            }
        }
    }

    @Test("a private image has no members: list 403, show 404, add 403")
    func nonSharedImage() async throws {
        let owner = try ReferenceStack.glance("owner")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("private"), visibility: "private") { image in
            await expectHTTPError(403, containing: "Only shared images have members") {
                _ = try await owner.members(imageID: image.id)
            }
            await expectHTTPError(404, containing: "Only shared images have members") {
                _ = try await owner.member(imageID: image.id, memberID: "anyone")
            }
            await expectHTTPError(403, containing: "Not allowed to create members for image \(image.id)") {
                _ = try await owner.addMember(imageID: image.id, memberID: "anyone")
            }
        }
    }

    @Test("a stranger cannot see a shared image: 404 Image not found")
    func strangerSeesNothing() async throws {
        let owner = try ReferenceStack.glance("owner")
        let stranger = try ReferenceStack.glance("stranger")
        let memberProject = try await ReferenceStack.projectID("member")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("stranger")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            await expectHTTPError(404, containing: "Image \(image.id) not found") {
                _ = try await stranger.members(imageID: image.id)
            }
            await expectHTTPError(404, containing: "Image \(image.id) not found") {
                _ = try await stranger.updateMember(imageID: image.id, memberID: memberProject, status: .accepted)
            }
        }
    }

    @Test("a member cannot change another member's row, nor remove itself")
    func memberLimits() async throws {
        let owner = try ReferenceStack.glance("owner")
        let member = try ReferenceStack.glance("member")
        let memberProject = try await ReferenceStack.projectID("member")
        let strangerProject = try await ReferenceStack.projectID("stranger")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("others")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            _ = try await owner.addMember(imageID: image.id, memberID: strangerProject)
            await expectHTTPError(404, containing: "\(strangerProject) not found in the member list of the image \(image.id)") {
                _ = try await member.updateMember(imageID: image.id, memberID: strangerProject, status: .accepted)
            }
            #expect(try await owner.member(imageID: image.id, memberID: strangerProject).status == "pending")
            await expectHTTPError(403, containing: "delete_member") {
                try await member.removeMember(imageID: image.id, memberID: memberProject)
            }
        }
    }

    @Test("the owner cannot accept on a member's behalf (403); the admin can")
    func ownerCannotAccept() async throws {
        let owner = try ReferenceStack.glance("owner")
        let admin = try ReferenceStack.glance("admin")
        let memberProject = try await ReferenceStack.projectID("member")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("ownaccept")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            await expectHTTPError(403, containing: "You are not authorized to complete modify_member action") {
                _ = try await owner.updateMember(imageID: image.id, memberID: memberProject, status: .accepted)
            }
            #expect(try await admin.updateMember(imageID: image.id, memberID: memberProject, status: .accepted).status == "accepted")
        }
    }

    @Test("a status other than pending, accepted, rejected is 400 with Glance's message")
    func badStatus() async throws {
        let owner = try ReferenceStack.glance("owner")
        let member = try ReferenceStack.glance("member")
        let memberProject = try await ReferenceStack.projectID("member")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("badstatus")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let url = try await member.session.imageEndpoint() + "/images/\(image.id)/members/\(memberProject)"
            await expectHTTPError(400, containing: "Status must be \"pending\", \"accepted\" or \"rejected\"") {
                _ = try await member.session.send("PUT", url, json: Data(#"{"status":"Accepted"}"#.utf8))
            }
        }
    }

    @Test("names find images shared with me that are still pending or rejected")
    func findPendingByName() async throws {
        let owner = try ReferenceStack.glance("owner")
        let member = try ReferenceStack.glance("member")
        let memberProject = try await ReferenceStack.projectID("member")
        let images = TestImages(owner: owner)
        let name = TestImages.uniqueName("findme")
        try await images.with(name: name) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            #expect(try await member.findImage(name).id == image.id)
            _ = try await member.updateMember(imageID: image.id, memberID: memberProject, status: .rejected)
            #expect(try await member.findImage(name).id == image.id)
            #expect(try await member.findImage(image.id).name == name)
            do {
                _ = try await member.findImage(TestImages.uniqueName("absent"))
                Issue.record("an absent name must not be found")
            } catch let MembershipError.notFound(text) {
                #expect(text.contains("no image"))
            }
        }
    }
}
