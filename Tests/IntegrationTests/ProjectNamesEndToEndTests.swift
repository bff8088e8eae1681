import Foundation
import MembershipKit
import Testing

/// Project names against the real Keystone and Glance: sharing by name as an admin and as an owner
/// who learns the name from another cloud of clouds.yaml, refusals that leave Glance untouched, and
/// names on member rows in json and on the console's screen, for the owner and the consumer.
@Suite("Project names end to end", .enabled(if: ReferenceStack.shouldRun), .serialized)
struct ProjectNamesEndToEndTests {
    let cli = CLI()

    @Test("the admin shares by name; the owner shares by the name another cloud of clouds.yaml knows; json carries member_name")
    func shareByName() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let strangerProject = try await ReferenceStack.projectID("stranger")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("names-share")) { image in
            // The admin finds any project by name in Keystone.
            let byAdmin = try await cli.memberdeck("--os-cloud", "admin", "members", "add", image.id, "stranger", "-f", "json")
            #expect(byAdmin.status == 0, "\(byAdmin.stderr)")
            #expect(try await owner.member(imageID: image.id, memberID: strangerProject).status == "pending")
            // The owner may not search Keystone: the member cloud of clouds.yaml names the project.
            let byOwner = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "member@Default", "-f", "json")
            #expect(byOwner.status == 0, "\(byOwner.stderr)")
            let added = try byOwner.json() as? [[String: Any]]
            #expect(added?.first?["member_id"] as? String == memberProject && added?.first?["member_name"] as? String == "member", "\(byOwner.stdout)")
            // Member rows carry the project's name (the API's fields stay as they are).
            let listed = try await cli.memberdeck("--os-cloud", "owner", "members", "list", image.id, "-f", "json")
            let rows = try listed.json() as? [[String: Any]] ?? []
            let names = Dictionary(uniqueKeysWithValues: rows.compactMap { row in (row["member_id"] as? String).map { ($0, row["member_name"]) } })
            #expect(names[memberProject] as? String == "member" && names[strangerProject] as? String == "stranger", "\(listed.stdout)")
            // Where each name came from.
            let projects = try await cli.memberdeck("--os-cloud", "owner", "projects", "list", "-f", "json")
            let known = try projects.json() as? [[String: Any]] ?? []
            #expect(known.contains { $0["name"] as? String == "member" && ($0["source"] as? String)?.hasPrefix("clouds.yaml") == true }, "\(projects.stdout)")
            let everywhere = try await cli.memberdeck("--os-cloud", "owner", "projects", "list", "--all-clouds", "-f", "json")
            #expect(everywhere.status == 0, "\(everywhere.stderr)")
            #expect((try everywhere.json() as? [[String: Any]] ?? []).contains { $0["name"] as? String == "stranger" })
            // The consumer's image listing names the owner's project.
            let images = try await cli.memberdeck("--os-cloud", "member", "images", "list", "--name", image.name ?? "", "--member-status", "all",
                                                  "--visibility", "shared", "-f", "json")
            let listedImage = (try images.json() as? [[String: Any]])?.first
            #expect(listedImage?["owner_name"] as? String == "owner", "\(images.stdout) \(images.stderr)")
        }
    }

    @Test("an unknown name, and text that is neither a name nor an id, are refused with exit 2 and Glance untouched")
    func refusals() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("names-refuse")) { image in
            let unknown = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "no-such-project")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.split(separator: "\n").count == 1)
            #expect(unknown.stderr.contains("no project named 'no-such-project' is known (looked in"), "\(unknown.stderr)")
            let spaced = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "hello world")
            #expect(spaced.status == 2, "\(spaced.stderr)")
            let control = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "bad\tname")
            #expect(control.status == 2)
            #expect(control.stderr.contains("is neither a project name nor a Keystone id"), "\(control.stderr)")
            #expect(try await owner.members(imageID: image.id).isEmpty, "Glance was not asked to add anything")
            // An alias names an id for this Keystone; sharing by it works.
            let memberProject = try await ReferenceStack.projectID("member")
            let alias = try await cli.memberdeck("--os-cloud", "owner", "projects", "alias", memberProject, "partners")
            #expect(alias.status == 0, "\(alias.stderr)")
            let byAlias = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, "partners", "-f", "value")
            #expect(byAlias.status == 0, "\(byAlias.stderr)")
            #expect(try await owner.members(imageID: image.id).map(\.memberID) == [memberProject])
        }
    }

    @Test("on screen: the owner's member row names the member's project; the consumer's Owner column names the owner's")
    func namesOnScreen() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let name = TestImages.uniqueName("names-tmux")
        try await TestImages(owner: owner).with(name: name) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let asOwner = try TmuxConsole(["--os-cloud", "owner", "--refresh", "off"], cli: cli)
            defer { asOwner.close() }
            try await asOwner.type("/" + name)
            try await asOwner.send("Enter")
            let ownerScreen = try await asOwner.waitFor("the member named") { screen in
                screen.range(of: " member +pending", options: .regularExpression) != nil
            }
            #expect(!ownerScreen.contains(memberProject), "the name replaces the id")
            // + completes a project name the console knows (from another cloud), before it is shown anywhere.
            try await asOwner.send("+")
            try await asOwner.type("strang")
            try await asOwner.send("Tab")
            try await asOwner.waitFor("stranger completed in the prompt") { screen in
                screen.split(separator: "\n").contains { $0.hasPrefix("share ") && $0.trimmingCharacters(in: .whitespaces).hasSuffix(": stranger") }
            }
            try await asOwner.send("Escape")
            try await asOwner.send("q")
            try await asOwner.waitFor(text: "EXITED:0")

            let asMember = try TmuxConsole(["--os-cloud", "member", "--refresh", "off"], cli: cli)
            defer { asMember.close() }
            try await asMember.type("/" + name)
            try await asMember.send("Enter")
            try await asMember.waitFor("the owner named in the images pane") { screen in
                screen.split(separator: "\n").contains { line in
                    guard let left = line.components(separatedBy: "││").first else { return false }
                    return left.contains(name) && left.contains(" owner ")
                }
            }
            try await asMember.send("q")
            try await asMember.waitFor(text: "EXITED:0")
        }
    }
}
