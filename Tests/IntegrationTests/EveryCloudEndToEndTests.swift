import Foundation
import MembershipKit
import Testing

/// Every cloud at once, against the real Keystone and Glance: the inbox across the four clouds of
/// the reference stack's clouds.yaml (admin, owner, member, stranger), the two-sided handshake,
/// `shared-with`, sweeps, and sharing an image that is not yet shared.
@Suite("Every cloud at once end to end", .enabled(if: ReferenceStack.shouldRun), .serialized)
struct EveryCloudEndToEndTests {
    let cli = CLI()

    /// The rows of `memberdeck inbox … -f json` for one image.
    func inboxRows(_ arguments: [String], image: Image, environment: [String: String] = [:]) async throws -> (ProcessResult, [[String: Any]]) {
        let result = try await cli.memberdeck(["inbox"] + arguments + ["--status", "all", "-f", "json"], extraEnvironment: environment)
        let rows = (try? result.json() as? [[String: Any]]) ?? []
        return (result, rows.filter { $0["image_id"] as? String == image.id })
    }

    @Test("a share offered to member and stranger appears once under each of those clouds and under no other, admin included")
    func inboxAcrossClouds() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let strangerProject = try await ReferenceStack.projectID("stranger")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("inbox-all")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            _ = try await owner.addMember(imageID: image.id, memberID: strangerProject)
            let (result, rows) = try await inboxRows(["--all-clouds"], image: image)
            #expect(result.status == 0, "\(result.stderr)")
            let clouds = rows.compactMap { $0["cloud"] as? String }.sorted()
            #expect(clouds == ["member", "stranger"], "\(result.stdout)")
            let member = rows.first { $0["cloud"] as? String == "member" }
            #expect(member?["project_name"] as? String == "member" && member?["owner_name"] as? String == "owner", "\(result.stdout)")
            #expect(member?["status"] as? String == "pending" && member?["region"] as? String == "RegionOne" && member?["age"] is String)
            // The default status is pending; an accepted share leaves that listing and shows under accepted.
            _ = try await ReferenceStack.glance("member").updateMember(imageID: image.id, memberID: memberProject, status: .accepted)
            let pending = try await cli.memberdeck(["inbox", "--cloud", "member", "--cloud", "stranger", "-f", "json"])
            let pendingRows = ((try? pending.json() as? [[String: Any]]) ?? []).filter { $0["image_id"] as? String == image.id }
            #expect(pendingRows.compactMap { $0["cloud"] as? String } == ["stranger"], "\(pending.stdout)")
            // The table names the project, image and owner.
            let table = try await cli.memberdeck(["inbox", "--cloud", "member", "--status", "accepted"])
            let line = table.stdout.split(separator: "\n").first { $0.contains(image.name ?? "?") } ?? ""
            #expect(line.contains("member") && line.contains("owner") && line.contains("accepted"), "\(table.stdout)")
        }
    }

    @Test("--all-projects also reads the projects the user has a role on, with a token re-scoped to each")
    func allProjects() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        // The stranger user gets a role on the member project for this test only.
        let grant = try await cli.openstack("--os-cloud", "admin", "role", "add", "--user", "stranger", "--project", "member", "member")
        #expect(grant.status == 0, "\(grant.stderr)")
        defer { _ = try? ProcessRunner.runBlocking(ReferenceStack.openstackBinary, ["--os-cloud", "admin", "role", "remove", "--user", "stranger", "--project", "member", "member"],
                                                   environment: cli.environment) }
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("inbox-projects")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let (plain, plainRows) = try await inboxRows(["--cloud", "stranger"], image: image)
            #expect(plain.status == 0 && plainRows.isEmpty, "\(plain.stdout) \(plain.stderr)")
            let (all, rows) = try await inboxRows(["--cloud", "stranger", "--all-projects"], image: image)
            #expect(all.status == 0, "\(all.stderr)")
            #expect(rows.count == 1 && rows.first?["cloud"] as? String == "stranger" && rows.first?["project_id"] as? String == memberProject
                    && rows.first?["project_name"] as? String == "member", "\(all.stdout)")
        }
    }

    @Test("a cloud that fails is one line naming it; the others still show and the exit status is 1")
    func failingCloud() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        // The reference clouds plus one whose Keystone does not answer.
        let source = try String(contentsOfFile: ReferenceStack.cloudsFile ?? "", encoding: .utf8)
        let dead = "  dead:\n    auth:\n      auth_url: http://127.0.0.1:\(try ClosedPort.make())/v3\n      username: x\n      password: y\n      project_name: x\n"
        let path = cli.home + "/clouds-with-dead.yaml"
        try (source + (source.hasSuffix("\n") ? "" : "\n") + dead).write(toFile: path, atomically: true, encoding: .utf8)
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("inbox-dead")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let (result, rows) = try await inboxRows(["--all-clouds"], image: image, environment: ["OS_CLIENT_CONFIG_FILE": path])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("cloud 'dead'") && lines[0].contains("cannot connect"),
                    "\(result.stderr)")
            #expect(rows.compactMap { $0["cloud"] as? String } == ["member"], "\(result.stdout)")
            let unknown = try await cli.memberdeck(["inbox", "--cloud", "member", "--cloud", "nosuch"])
            #expect(unknown.status == 1 && unknown.stderr.contains("cloud 'nosuch'") && unknown.stdout.contains("Cloud"), "\(unknown.stderr)")
        }
    }

    @Test("add --accept shares and accepts with the member cloud's credentials; shared-with lists the image")
    func handshakeAndSharedWith() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("handshake")) { image in
            let added = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "member", "--accept", "-f", "json")
            #expect(added.status == 0, "\(added.stderr)")
            let row = (try added.json() as? [[String: Any]])?.first
            #expect(row?["status"] as? String == "accepted" && row?["accepted_by"] as? String == "cloud 'member'", "\(added.stdout)")
            #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == "accepted")
            // The admin sees the same image from the member's side, by name.
            let shared = try await cli.memberdeck("--os-cloud", "admin", "members", "shared-with", "member", "-f", "json")
            #expect(shared.status == 0, "\(shared.stderr)")
            let found = ((try? shared.json() as? [[String: Any]]) ?? []).first { $0["image_id"] as? String == image.id }
            #expect(found?["status"] as? String == "accepted" && found?["member_name"] as? String == "member", "\(shared.stdout)")
            let owners = try await cli.memberdeck("--os-cloud", "owner", "members", "shared-with", "member", "--status", "pending", "-f", "json")
            #expect(!((try? owners.json() as? [[String: Any]]) ?? []).contains { $0["image_id"] as? String == image.id }, "\(owners.stdout)")
        }
    }

    @Test("add --accept with no credentials for the project is refused before Glance is touched; an accept that fails removes the share")
    func handshakeRefusals() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("handshake-no")) { image in
            let unknown = "0123456789abcdef0123456789abcdef"
            let refused = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, unknown, "--id", "--accept")
            #expect(refused.status == 2 && refused.stderr.contains("no credentials act as project \(unknown)"), "\(refused.stderr)")
            #expect(try await owner.members(imageID: image.id).isEmpty)
        }
        // The member cloud's project is the owner's own here: Glance refuses the owner's status change (403), and the share is taken back.
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("handshake-fail")) { image in
            let failed = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "owner", "--accept")
            #expect(failed.status == 1, "\(failed.stdout) \(failed.stderr)")
            #expect(failed.stderr.contains("the share was removed again"), "\(failed.stderr)")
            #expect(try await owner.members(imageID: image.id).isEmpty)
            let kept = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "owner", "--accept", "--keep-pending")
            #expect(kept.status == 1 && kept.stderr.contains("the share stays pending"), "\(kept.stderr)")
            #expect(try await owner.members(imageID: image.id).map(\.status) == ["pending"])
        }
    }

    @Test("a sweep's dry run changes nothing; --apply removes only the rejected share")
    func sweep() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let strangerProject = try await ReferenceStack.projectID("stranger")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("sweep")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            _ = try await owner.addMember(imageID: image.id, memberID: strangerProject)
            _ = try await ReferenceStack.glance("stranger").updateMember(imageID: image.id, memberID: strangerProject, status: .rejected)
            let before = try await owner.members(imageID: image.id)
            let dry = try await cli.memberdeck("--os-cloud", "owner", "members", "sweep", "--rejected", "--image", image.id, "-f", "json")
            #expect(dry.status == 0, "\(dry.stderr)")
            let planned = (try dry.json() as? [[String: Any]]) ?? []
            #expect(planned.count == 1 && planned.first?["member_id"] as? String == strangerProject && planned.first?["result"] as? String == "would remove",
                    "\(dry.stdout)")
            #expect(try await owner.members(imageID: image.id) == before)
            let applied = try await cli.memberdeck("--os-cloud", "owner", "members", "sweep", "--rejected", "--image", image.id, "--apply", "-f", "json")
            #expect(applied.status == 0, "\(applied.stderr)")
            #expect(((try applied.json() as? [[String: Any]]) ?? []).compactMap { $0["result"] as? String } == ["removed"], "\(applied.stdout)")
            #expect(try await owner.members(imageID: image.id).map(\.memberID) == [memberProject])
            let nothing = try await cli.memberdeck("--os-cloud", "owner", "members", "sweep")
            #expect(nothing.status == 2 && nothing.stderr.contains("say what to sweep"), "\(nothing.stderr)")
        }
    }

    @Test("a private image is refused with a hint naming --make-shared, and --make-shared shares it")
    func makeShared() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("private"), visibility: "private") { image in
            let refused = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "member")
            #expect(refused.status == 2 && refused.stderr.contains("is private") && refused.stderr.contains("--make-shared"), "\(refused.stderr)")
            #expect(try await owner.image(id: image.id).visibility == "private")
            let shared = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "member", "--make-shared")
            #expect(shared.status == 0, "\(shared.stderr)")
            #expect(shared.stderr.contains("was private, now shared"))
            #expect(try await owner.image(id: image.id).visibility == "shared")
        }
    }
}

/// `:inbox all` on the screen: opened on the stranger's cloud, the console accepts a share offered
/// to the member's project, with the member cloud's credentials.
@Suite("Every cloud in the console", .enabled(if: ReferenceStack.shouldRun), .serialized)
struct EveryCloudConsoleTests {
    let cli = CLI()

    @Test("from :inbox all, a share of another cloud than the console's is accepted with that cloud's credentials")
    func acceptFromAnotherCloud() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let name = TestImages.uniqueName("inbox-tmux")
        try await TestImages(owner: owner).with(name: name) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let console = try TmuxConsole(["--os-cloud", "stranger", "--refresh", "off"], cli: cli)
            defer { console.close() }
            try await console.waitFor(text: "stranger")
            try await console.type(":inbox all")
            try await console.send("Enter")
            // Each cloud's rows show as it answers (the admin's cloud, which verifies every shared image, is the slowest).
            // Generous: beside the whole suite, four fresh logins queue at the reference Keystone's single worker.
            try await console.waitFor("the member's share in a Cloud column", timeout: 90) { screen in
                screen.contains("every cloud (") && screen.contains("Cloud")
                    && TmuxConsole.line(containing: name, in: screen).map { $0.contains("pending") && $0.contains("member") } == true
            }
            try await console.type("/" + name)
            try await console.send("Enter")
            try await console.send("a")
            // Settled: accepted, no longer in flight (`pending → accepted…`).
            let settled = try await console.waitFor("the share accepted on screen", timeout: 60) { screen in
                TmuxConsole.line(containing: name, in: screen).map { $0.contains("accepted") && !$0.contains("→") && $0.contains("member") } == true
            }
            #expect(!settled.contains("403"), "\(settled)")
            #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == "accepted")
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("+ as the owner offers to accept with the member cloud's credentials; y accepts, and says whose; w lists the member's images")
    func shareAndAccept() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let name = TestImages.uniqueName("handshake-tmux")
        try await TestImages(owner: owner).with(name: name) { image in
            let console = try TmuxConsole(["--os-cloud", "owner", "--refresh", "off"], cli: cli)
            defer { console.close() }
            try await console.type("/" + name)
            try await console.send("Enter")
            try await console.waitFor(text: "no members")
            try await console.send("+")
            try await console.type("member")
            try await console.send("Enter")
            try await console.waitFor("the offer naming the member cloud") { screen in
                screen.contains("─ Accept as the member ─") && screen.contains("credentials") && screen.contains("[ Accept ]")
            }
            #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == "pending")
            try await console.send("y")
            try await console.waitFor(text: "pending → accepted (as cloud 'member')")
            #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == "accepted")
            // w on the member's row: every image of the owner shared with it, this one accepted.
            try await console.send("Tab")
            try await console.send("w")
            try await console.waitFor("the images shared with member") { screen in
                screen.contains("Images shared with member")
                    && TmuxConsole.line(containing: image.id, in: screen).map { $0.contains("accepted") && $0.contains(name) } == true
            }
            try await console.send("Escape")
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }
}
