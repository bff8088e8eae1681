import Foundation
import MembershipKit
import Testing

/// Shares as code against the real Keystone and Glance: a manifest planned, applied (sharing and
/// accepting with the consumers' clouds), planned again, exported and planned from the export; and
/// every way a manifest is refused without a change.
@Suite("Manifest plan, apply and export end to end", .enabled(if: ReferenceStack.shouldRun), .serialized)
struct ManifestEndToEndTests {
    let cli = CLI()

    func write(_ text: String, _ name: String = "shares.yaml") throws -> String {
        let path = cli.home + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The members of an image as Glance has them: id → status.
    func members(_ image: Image) async throws -> [String: String] {
        Dictionary(try await ReferenceStack.glance("owner").members(imageID: image.id).map { ($0.memberID, $0.status) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("plan --check exits 3 and changes nothing; apply --yes shares and accepts; plan --check then exits 0; exclusive removes")
    func planApplyPlan() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let strangerProject = try await ReferenceStack.projectID("stranger")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("manifest")) { image in
            let name = image.name ?? image.id
            let path = try write("""
                cloud: owner
                shares:
                  - image: \(name)
                    members: [member, stranger]
                    accept: true
                """)
            let check = try await cli.memberdeck(["plan", path, "--check"])
            #expect(check.status == 3, "\(check.stdout) \(check.stderr)")
            #expect(check.stdout.contains("+ share \(name) → member") && check.stdout.contains("accept as cloud 'member'"), "\(check.stdout)")
            #expect(check.stdout.contains("Plan: 2 to share, 0 to remove, 0 to change."), "\(check.stdout)")
            #expect(try await members(image).isEmpty, "plan must not change anything")

            let applied = try await cli.memberdeck(["apply", path, "--yes"])
            #expect(applied.status == 0, "\(applied.stdout) \(applied.stderr)")
            #expect(applied.stdout.contains("Applied 2 of 2 changes."), "\(applied.stdout)")
            #expect(try await members(image) == [memberProject: "accepted", strangerProject: "accepted"])

            let again = try await cli.memberdeck(["plan", path, "--check"])
            #expect(again.status == 0 && again.stdout.contains("No changes"), "\(again.stdout) \(again.stderr)")
            let twice = try await cli.memberdeck(["apply", path, "--yes"])
            #expect(twice.status == 0 && twice.stdout.contains("No changes") && !twice.stdout.contains("Applied"), "\(twice.stdout)")

            // exclusive: the member the manifest no longer lists is removed; a status the
            // consumer changed back is accepted again.
            _ = try await ReferenceStack.glance("member").updateMember(imageID: image.id, memberID: memberProject, status: .pending)
            let narrowed = try write("""
                cloud: owner
                shares:
                  - image: \(name)
                    exclusive: true
                    accept: true
                    members:
                      - member
                """)
            let plan = try await cli.memberdeck(["plan", narrowed, "-f", "json"])
            let rows = try #require(try plan.json() as? [[String: Any]], "\(plan.stdout) \(plan.stderr)")
            #expect(Set(rows.compactMap { "\($0["action"] ?? "") \($0["change"] ?? "") \($0["member_id"] ?? "")" })
                    == ["- remove \(strangerProject)", "~ status \(memberProject)"], "\(plan.stdout)")
            let narrowedApply = try await cli.memberdeck(["apply", narrowed, "--yes", "-f", "json"])
            #expect(narrowedApply.status == 0, "\(narrowedApply.stderr)")
            let outcomes = try #require(try narrowedApply.json() as? [[String: Any]])
            #expect(outcomes.count == 2 && outcomes.allSatisfy { $0["result"] as? String == "done" }, "\(narrowedApply.stdout)")
            #expect(try await members(image) == [memberProject: "accepted"])
        }
    }

    @Test("export writes a manifest that plans empty, naming the cloud, the image and the projects")
    func exportRoundTrips() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let strangerProject = try await ReferenceStack.projectID("stranger")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("export")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            _ = try await owner.addMember(imageID: image.id, memberID: strangerProject)
            _ = try await ReferenceStack.glance("member").updateMember(imageID: image.id, memberID: memberProject, status: .accepted)
            let path = cli.home + "/exported.yaml"
            let exported = try await cli.memberdeck(["--os-cloud", "owner", "export", "--image", image.id, "-o", path])
            #expect(exported.status == 0, "\(exported.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("cloud: owner") && text.contains("image: \(image.name ?? "?")"), "\(text)")
            #expect(text.contains("- member  # \(memberProject)") && text.contains("- stranger  # \(strangerProject)"), "\(text)")
            let plan = try await cli.memberdeck(["plan", path, "--check"])
            #expect(plan.status == 0 && plan.stdout.contains("No changes"), "\(plan.stdout) \(plan.stderr)\n\(text)")
            // The export is a real description of the state: a member added since shows as one to remove.
            let thirdProject = try await ReferenceStack.projectID("admin")
            _ = try await owner.addMember(imageID: image.id, memberID: thirdProject)
            let drift = try await cli.memberdeck(["plan", path, "--check", "-f", "json"])
            #expect(drift.status == 3, "\(drift.stdout) \(drift.stderr)")
            let rows = (try? drift.json() as? [[String: Any]]) ?? []
            #expect(rows.count == 1 && rows.first?["action"] as? String == "-" && rows.first?["member_id"] as? String == thirdProject, "\(drift.stdout)")
        }
    }

    @Test("a quota the plan would break, an unknown project, a wrong key or no --yes without a terminal: exit 2 and no change")
    func refusalsChangeNothing() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("refuse")) { image in
            let name = image.name ?? image.id
            let quota = try write("cloud: owner\nmember_quota: 1\nshares:\n  - image: \(name)\n    members: [member, stranger]\n", "quota.yaml")
            let overQuota = try await cli.memberdeck(["apply", quota, "--yes"])
            #expect(overQuota.status == 2, "\(overQuota.stdout) \(overQuota.stderr)")
            #expect(overQuota.stderr.contains("quota.yaml: line 4: image '\(name)' would have 2 members, more than the member quota of 1"), "\(overQuota.stderr)")

            let unknown = try write("cloud: owner\nshares:\n  - image: \(name)\n    members:\n      - member\n      - no-such-project-here\n", "unknown.yaml")
            let unknownRun = try await cli.memberdeck(["apply", unknown, "--yes"])
            #expect(unknownRun.status == 2 && unknownRun.stderr.contains("unknown.yaml: line 6: no project named 'no-such-project-here'"), "\(unknownRun.stderr)")

            let typo = try write("cloud: owner\nshares:\n  - image: \(name)\n    member: [member]\n", "typo.yaml")
            let typoRun = try await cli.memberdeck(["plan", typo])
            #expect(typoRun.status == 2 && typoRun.stderr.contains("typo.yaml: line 4: unknown key 'member' in a share"), "\(typoRun.stderr)")

            let fine = try write("cloud: owner\nshares:\n  - image: \(name)\n    members: [member]\n", "fine.yaml")
            let noTerminal = try await cli.memberdeck(["apply", fine])
            #expect(noTerminal.status == 2 && noTerminal.stderr.contains("give --yes"), "\(noTerminal.stderr)")

            let wrongCloud = try await cli.memberdeck(["--os-cloud", "member", "apply", fine, "--yes"])
            #expect(wrongCloud.status == 2 && wrongCloud.stderr.contains("fine.yaml: line 1: the manifest is for cloud 'owner', but --os-cloud names 'member'"),
                    "\(wrongCloud.stderr)")
            #expect(try await owner.members(imageID: image.id).isEmpty, "nothing may have been shared")
        }
    }

    @Test("on a terminal, apply asks first, and a declined plan changes nothing; y applies with a progress bar")
    func confirmsOnTerminal() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("confirm")) { image in
            let path = try write("cloud: owner\nshares:\n  - image: \(image.name ?? image.id)\n    members: [member]\n", "confirm.yaml")
            let declined = try TmuxConsole(["apply", path], cli: cli)
            defer { declined.close() }
            try await declined.waitFor(text: "[y/N]", timeout: 60)
            try await declined.type("n")
            try await declined.send("Enter")
            try await declined.waitFor(text: "EXITED:1")
            #expect(try await owner.members(imageID: image.id).isEmpty)

            let accepted = try TmuxConsole(["apply", path], cli: cli)
            defer { accepted.close() }
            let prompt = try await accepted.waitFor(text: "[y/N]", timeout: 60)
            #expect(prompt.contains("+ share") && prompt.contains("Apply 1 change to cloud 'owner'?"), "\(prompt)")
            try await accepted.type("y")
            try await accepted.send("Enter")
            let done = try await accepted.waitFor(text: "EXITED:0", timeout: 60)
            #expect(done.contains("Applied 1 of 1 changes.") && done.contains("done  + share"), "\(done)")
            // The bar is drawn on the terminal and cleared at the end, leaving no half line behind.
            #expect(!done.contains("[#"), "\(done)")
            #expect(try await owner.members(imageID: image.id).map(\.memberID) == [try await ReferenceStack.projectID("member")])
        }
    }
}
