import Foundation
import HostileServer
import Testing
@testable import MembershipKit

/// `memberdeck watch`'s rules: which differences between two complete reads are changes.
@Suite("Member watch: snapshot to changes")
struct MemberWatchTests {
    static let me = "p-me"
    static let golden = Image(id: "img-golden", name: "golden", visibility: "shared", owner: me)
    static let offered = Image(id: "img-offered", name: "offered", visibility: "shared", owner: "p-other")

    static func snapshot(members: [(String, String)] = [], offered status: String? = nil, imageName: String? = "golden") -> MemberWatchSnapshot {
        var image = golden
        image.name = imageName
        let owned = GlanceV2Client.ImageShares(image: image, members: members.map { ImageMember(imageID: image.id, memberID: $0.0, status: $0.1) })
        return MemberWatchSnapshot(owned: [owned], offered: status.map { [Membership(image: Self.offered, status: $0)] } ?? [], projectID: me)
    }

    @Test("The same read twice is no change")
    func noChange() {
        let snapshot = Self.snapshot(members: [("p-a", "pending"), ("p-b", "accepted")], offered: "pending")
        #expect(MemberWatch.changes(from: snapshot, to: snapshot).isEmpty)
    }

    @Test("A member added, a status changed and a member removed on my image, in image then member order")
    func ownerChanges() {
        let before = Self.snapshot(members: [("p-a", "pending"), ("p-b", "accepted")])
        let after = Self.snapshot(members: [("p-a", "accepted"), ("p-c", "pending")])
        let changes = MemberWatch.changes(from: before, to: after)
        #expect(changes == [
            MemberWatchChange(kind: .status, side: .owner, imageID: "img-golden", imageName: "golden", memberID: "p-a", from: "pending", to: "accepted"),
            MemberWatchChange(kind: .removed, side: .owner, imageID: "img-golden", imageName: "golden", memberID: "p-b", from: "accepted", to: nil),
            MemberWatchChange(kind: .added, side: .owner, imageID: "img-golden", imageName: "golden", memberID: "p-c", from: nil, to: "pending"),
        ])
    }

    @Test("A share offered to me, its status changed, then withdrawn: my project is the member")
    func consumerChanges() {
        let none = Self.snapshot()
        let pending = Self.snapshot(offered: "pending")
        let accepted = Self.snapshot(offered: "accepted")
        #expect(MemberWatch.changes(from: none, to: pending) == [
            MemberWatchChange(kind: .offered, side: .consumer, imageID: "img-offered", imageName: "offered", memberID: Self.me, from: nil, to: "pending"),
        ])
        #expect(MemberWatch.changes(from: pending, to: accepted).map(\.kind) == [.status])
        #expect(MemberWatch.changes(from: accepted, to: none) == [
            MemberWatchChange(kind: .withdrawn, side: .consumer, imageID: "img-offered", imageName: "offered", memberID: Self.me, from: "accepted", to: nil),
        ])
    }

    @Test("A renamed image with the same members is no change")
    func renameIsNoChange() {
        let before = Self.snapshot(members: [("p-a", "pending")], imageName: "golden")
        let after = Self.snapshot(members: [("p-a", "pending")], imageName: "golden-v2")
        #expect(MemberWatch.changes(from: before, to: after).isEmpty)
    }

    @Test("My own project's row among my image's members (an admin's view) is the inbox's, not a second line")
    func ownRowLeftToTheInbox() {
        let owned = GlanceV2Client.ImageShares(image: Self.golden, members: [ImageMember(imageID: Self.golden.id, memberID: Self.me, status: "pending")])
        let snapshot = MemberWatchSnapshot(owned: [owned], offered: [], projectID: Self.me)
        #expect(snapshot.shares.isEmpty)
    }

    @Test("The first snapshot against an empty one names every share as new; a removal names the share as it was")
    func removalKeepsTheOldName() {
        let before = Self.snapshot(members: [("p-a", "rejected")], imageName: "old-name")
        let after = MemberWatchSnapshot()
        #expect(MemberWatch.changes(from: before, to: after) == [
            MemberWatchChange(kind: .removed, side: .owner, imageID: "img-golden", imageName: "old-name", memberID: "p-a", from: "rejected", to: nil),
        ])
    }
}

/// The read a watch compares: whole, or an error (never a part that would look like removals).
@Suite("Member watch: reading a snapshot")
struct MemberWatchReadTests {
    @Test("A listing cut short by a paging limit fails the read, even with a truncation handler on the client")
    func truncatedListingFails() async throws {
        let cloud = try await HostileCloud.start { request, _ in endlessPage(request, count: 5) }
        defer { Task { await cloud.server.stop() } }
        let log = TruncationLog()
        let glance = try cloud.glance(paging: PagingPolicy(limits: PagingLimits(maximumItems: 12), onTruncated: { log.add($0) }))
        await #expect(throws: MembershipError.self) { try await glance.watchSnapshot(images: nil, dates: ShareDateCache()) }
        #expect(log.all.isEmpty)
    }

    @Test("My shared images' members and my inbox, in one snapshot")
    func wholeRead() async throws {
        let cloud = try await HostileCloud.start { request, _ in
            if request.path.hasSuffix("/members") {
                return .json(200, object: ["members": [["member_id": "p-a", "image_id": "mine-1", "status": "accepted"]]])
            }
            if request.path.hasSuffix("/members/p1") {
                return .json(200, object: ["member_id": "p1", "image_id": "theirs-1", "status": "pending", "created_at": "2026-01-01T00:00:00Z"])
            }
            let status = request.query("member_status")
            var images: [[String: Any]] = []
            if request.query("owner") == "p1" { images = [FakeOpenStack.image(id: "mine-1", name: "mine")] }
            if status == "pending" {
                var theirs = FakeOpenStack.image(id: "theirs-1", name: "theirs")
                theirs["owner"] = "p-other"
                images = [theirs]
            }
            return .json(200, object: ["images": images])
        }
        defer { Task { await cloud.server.stop() } }
        let snapshot = try await cloud.glance().watchSnapshot(images: nil, dates: ShareDateCache())
        let shares = snapshot.shares.values.sorted { $0.imageID < $1.imageID }
        #expect(shares == [
            MemberWatchShare(side: .owner, imageID: "mine-1", imageName: "mine", memberID: "p-a", status: "accepted"),
            MemberWatchShare(side: .consumer, imageID: "theirs-1", imageName: "theirs", memberID: "p1", status: "pending"),
        ])
    }
}
