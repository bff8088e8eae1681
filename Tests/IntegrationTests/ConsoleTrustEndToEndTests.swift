import Foundation
import MembershipKit
import Testing

/// What an operator relies on all day, in tmux against the real Keystone and Glance: an admin's
/// inbox holds only the admin project's shares, and accepting down the inbox takes one key per share.
@Suite("Console trust end to end in tmux", .enabled(if: ReferenceStack.shouldRun), .serialized)
struct ConsoleTrustEndToEndTests {
    /// The status of `name`'s row in the inbox (the right-hand column's `STATUS  NAME` rows), not
    /// counting a change still in flight (`pending → accepted…`).
    static func inboxStatus(of name: String, in screen: String) -> String? {
        for line in screen.split(separator: "\n") where line.contains("││") {
            guard let right = line.components(separatedBy: "││").last?.trimmingCharacters(in: .whitespaces) else { continue }
            for status in ["pending", "accepted", "rejected"] {
                let rest = right.dropFirst(status.count)
                if right.hasPrefix(status), rest.first == " ", rest.trimmingCharacters(in: .whitespaces).hasPrefix(name) { return status }
            }
        }
        return nil
    }

    /// The Share cell of `name`'s row in the images pane (the left-hand column), or nil when empty.
    static func shareCell(of name: String, in screen: String) -> String? {
        // Row lines only: a pane's title line (`Members of NAME`) has no `││` between the columns.
        for line in screen.split(separator: "\n") where line.contains("││") {
            guard let left = line.components(separatedBy: "││").first, left.contains(name) else { continue }
            return ["pending", "accepted", "rejected"].first { left.contains($0) }
        }
        return nil
    }

    @Test("as admin: Glance lists every project's shares, but the inbox and the Share column hold only the admin project's")
    func adminSeesOnlyItsOwnShares() async throws {
        let owner = try ReferenceStack.glance("owner")
        let admin = try ReferenceStack.glance("admin")
        let memberProject = try await ReferenceStack.projectID("member")
        let adminProject = try await ReferenceStack.projectID("admin")
        let name = TestImages.uniqueName("e2e-admin")
        try await TestImages(owner: owner).with(name: name) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            // What Glance tells an admin: the image is listed as a pending share of the admin's.
            let listed = try await admin.listImages(ImageQuery(visibility: "shared", memberStatus: "pending", name: name))
            #expect(listed.map(\.id) == [image.id])

            let console = try TmuxConsole(["--os-cloud", "admin", "--refresh", "2"])
            defer { console.close() }
            try await console.type(":inbox")
            try await console.send("Enter")
            try await console.type("/" + name)
            try await console.send("Enter")
            // The inbox has loaded (and, when it holds other shares, filtered): no status shows for the image anywhere.
            // An admin's inbox reads every candidate's member record: under a loaded stack it takes a while.
            let before = try await console.waitFor("the inbox loaded") {
                $0.contains("nothing matches /\(name)") || $0.contains("no shares offered to your project")
            }
            #expect(Self.shareCell(of: name, in: before) == nil && Self.inboxStatus(of: name, in: before) == nil, "\(before)")

            // Offered to the admin's project: the next refresh shows it, pending, and a accepts it.
            _ = try await owner.addMember(imageID: image.id, memberID: adminProject)
            try await console.waitFor("the admin's own share, pending") {
                Self.inboxStatus(of: name, in: $0) == "pending" && Self.shareCell(of: name, in: $0) == "pending"
            }
            try await console.send("a")
            try await console.waitFor("accepted on screen") { Self.inboxStatus(of: name, in: $0) == "accepted" }
            #expect(try await owner.member(imageID: image.id, memberID: adminProject).status == "accepted")
            #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == "pending")
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("a down the inbox: after each answer the next pending share is under the cursor")
    func acceptingDownTheInbox() async throws {
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let stem = TestImages.uniqueName("e2e-down")
        let images = TestImages(owner: owner)
        try await images.with(name: stem + "-1") { first in
            try await images.with(name: stem + "-2") { second in
                for image in [first, second] { _ = try await owner.addMember(imageID: image.id, memberID: memberProject) }
                let console = try TmuxConsole(["--os-cloud", "member", "--refresh", "off"])
                defer { console.close() }
                try await console.waitFor("both shares, pending") { screen in
                    [first, second].allSatisfy { Self.inboxStatus(of: $0.name ?? "", in: screen) == "pending" }
                }
                try await console.type(":inbox")
                try await console.send("Enter")
                try await console.type("/" + stem)
                try await console.send("Enter")
                try await console.send("a")
                try await console.waitFor("the first accepted") { Self.inboxStatus(of: stem + "-1", in: $0) == "accepted" }
                // No cursor key: the second share came under the cursor.
                try await console.send("a")
                try await console.waitFor("the second accepted") { Self.inboxStatus(of: stem + "-2", in: $0) == "accepted" }
                for image in [first, second] {
                    #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == "accepted")
                }
                try await console.send("q")
                try await console.waitFor(text: "EXITED:0")
            }
        }
    }

    @Test("moving onto a private image asks Glance for no members: the pane says why; + offers to make it shared, and does")
    func privateImageHasNoMembers() async throws {
        let owner = try ReferenceStack.glance("owner")
        let name = TestImages.uniqueName("e2e-private")
        try await TestImages(owner: owner).with(name: name, visibility: "private") { image in
            let console = try TmuxConsole(["--os-cloud", "owner", "--refresh", "off"])
            defer { console.close() }
            try await console.type("/" + name)
            try await console.send("Enter")
            let screen = try await console.waitFor(text: "private image: only shared images have members")
            #expect(!screen.contains("403"))
            try await console.send("+")
            try await console.waitFor("the offer to make it shared") { $0.contains("─ Make shared ─") && $0.contains("is private: only shared") && $0.contains("[ Make shared ]") }
            try await console.send("y")
            try await console.waitFor(text: "is shared now: + adds its members")
            #expect(try await owner.image(id: image.id).visibility == "shared")
            try await console.waitFor(text: "no members")
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("i describes a row in full, Enter on a member describes it, and y copies the focused id with OSC 52")
    func describeAndCopy() async throws {
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let name = TestImages.uniqueName("e2e-describe")
        try await TestImages(owner: owner).with(name: name) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let full = try await owner.image(id: image.id)
            let console = try TmuxConsole(["--os-cloud", "owner", "--refresh", "off"])
            defer { console.close() }
            try await console.acceptClipboard()
            try await console.type("/" + name)
            try await console.send("Enter")
            // The member shows by id, or by name once the console has learned it.
            try await console.waitFor("the image, its member loaded") { $0.contains("Members of \(name) (1)") }
            // i: every field in full, as Glance has it now.
            try await console.send("i")
            let described = try await console.waitFor("the whole record") { $0.contains("created_at") && !$0.contains("reading the whole record") }
            #expect(described.contains("─ \(name) ─"))
            #expect(described.contains(image.id), "the full id, not 8 characters")
            if let owner = full.owner { #expect(described.range(of: "owner +\(owner)", options: .regularExpression) != nil) }
            if let created = full.createdAt { #expect(described.contains(created)) }
            // y in the reader copies the field under the cursor: the first, the id.
            try await console.send("y")
            try await console.waitFor(text: "copied \(image.id) to the clipboard")
            #expect(try await console.clipboard() == image.id, "the OSC 52 sequence reached tmux")
            try await console.send("Escape")
            // Enter on a member row (nothing to open) describes the member: its whole project id.
            try await console.send("l")
            try await console.send("Enter")
            let member = try await console.waitFor("the member described") { $0.contains("member_id") && $0.contains("image_id") }
            #expect(member.range(of: "member_id +\(memberProject)", options: .regularExpression) != nil, "\(member)")
            try await console.send("Escape")
            // y outside the reader: the focused row's id.
            try await console.send("y")
            try await console.waitFor(text: "copied \(memberProject) to the clipboard")
            #expect(try await console.clipboard() == memberProject)
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }
}
