import Foundation
import MembershipKit
import Testing

/// The command line as a script sees it: exit codes, one-line errors, bulk reports, secrets hidden.
@Suite("CLI exit codes and messages", .enabled(if: ReferenceStack.shouldRun))
struct CLIBehaviourTests {
    let cli = CLI()

    @Test("add, accept by name (pending share), reject, pending, remove: the full cycle from the command line")
    func cycle() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let name = TestImages.uniqueName("cli-cycle")
        try await TestImages(owner: owner).with(name: name) { image in
            let added = try await cli.memberdeck("--os-cloud", "owner", "members", "add", name, memberProject, "-f", "json")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("\"status\": \"pending\""))

            for (verb, status) in [("accept", "accepted"), ("reject", "rejected"), ("pending", "pending")] {
                let result = try await cli.memberdeck("--os-cloud", "member", "members", verb, name, "-f", "value")
                #expect(result.status == 0, "\(verb): \(result.stderr)")
                #expect(result.stdout.contains(" \(memberProject) \(status) "), "\(verb): \(result.stdout)")
                #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == status)
            }

            let removed = try await cli.memberdeck("--os-cloud", "owner", "members", "remove", image.id, memberProject)
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(removed.stdout.contains("removed"))
            #expect(try await owner.members(imageID: image.id).isEmpty)
        }
    }

    @Test("a refusal is exit 1 with one line: status, message, request id; bulk reports each item")
    func refusals() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("cli-refuse")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            // --id: `fresh-project` is no project's name or id; Glance stores it as given.
            let result = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, memberProject, "fresh-project", "--id", "-f", "json")
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 2, "one line per failure and a summary: \(result.stderr)")
            #expect(lines.first?.contains("409 Conflict: Member \(memberProject) is duplicated for image \(image.id) (request req-") == true, "\(result.stderr)")
            #expect(lines.last?.contains("1 of 2 failed") == true)
            #expect(result.stdout.contains("fresh-project"), "the success is still reported")

            // Everything failed: nothing on stdout (no `[]` a script would read as "no results").
            let allFailed = try await cli.memberdeck("--os-cloud", "owner", "members", "add", image.id, memberProject, "-f", "json")
            #expect(allFailed.status == 1)
            #expect(allFailed.stdout.isEmpty, "\(allFailed.stdout)")

            let denied = try await cli.memberdeck("--os-cloud", "owner", "members", "accept", image.id, "--member", memberProject)
            #expect(denied.status == 1)
            #expect(denied.stderr.contains("403 Forbidden: You are not authorized to complete modify_member action."))
        }
    }

    @Test("usage and configuration errors are exit 2")
    func usageErrors() async throws {
        try ReferenceStack.requireConfigured()
        let unknown = try await cli.memberdeck("--os-cloud", "nowhere", "images", "list")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("cloud 'nowhere' was not found; available clouds: admin, owner, member, stranger"))
        #expect(try await cli.memberdeck("images", "list", "--format", "xml").status == 2)
        #expect(try await cli.memberdeck("members", "add", "only-an-image").status == 2)
        let noCloud = try await cli.memberdeck(["images", "list"], extraEnvironment: ["OS_CLIENT_CONFIG_FILE": "/nonexistent/clouds.yaml"])
        #expect(noCloud.status == 2)
        #expect(noCloud.stderr.contains("no cloud configured"))
    }

    @Test("an image missing by name is exit 1; an ambiguous name is exit 2")
    func lookups() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let missing = try await cli.memberdeck("--os-cloud", "owner", "members", "list", TestImages.uniqueName("missing"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no image with id or name"))
        let name = TestImages.uniqueName("twins")
        let images = TestImages(owner: owner)
        let first = try await images.create(name: name)
        let second = try await images.create(name: name)
        let ambiguous = try await cli.memberdeck("--os-cloud", "owner", "members", "list", name)
        await images.delete(first)
        await images.delete(second)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("2 images are named"))
    }

    @Test("config show and --debug never reveal the password or the token")
    func secrets() async throws {
        try ReferenceStack.requireConfigured()
        let cloud = try ReferenceStack.cloud("member")
        let password = try #require(cloud.auth.password)
        let shown = try await cli.memberdeck("--os-cloud", "member", "config", "show", "-f", "json")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("\"password\": \"***\""))
        #expect(shown.stdout.contains("\"image_endpoint\": \"http://127.0.0.1:"))
        // clouds.yaml names the project; after logging in the token's id is shown too.
        let memberProject = try await ReferenceStack.projectID("member")
        #expect(shown.stdout.contains("\"project_id\": \"\(memberProject)\""), "\(shown.stdout)")
        #expect(!shown.stdout.contains(password))

        let listed = try await cli.memberdeck("--debug", "--os-cloud", "member", "images", "list")
        #expect(listed.status == 0, "\(listed.stderr)")
        let log = try String(contentsOfFile: cli.home + "/state/memberdeck/memberdeck.log", encoding: .utf8)
        #expect(log.contains("REQ GET"))
        #expect(log.contains("X-Auth-Token: ***"))
        #expect(!log.contains(password))
        // A cache file holds the token and a salted hash of the password, never the password.
        let cacheFolder = cli.home + "/cache/memberdeck/tokens"
        for file in try FileManager.default.contentsOfDirectory(atPath: cacheFolder) {
            let data = try Data(contentsOf: URL(fileURLWithPath: cacheFolder + "/" + file))
            #expect(!String(decoding: data, as: UTF8.self).contains(password))
            let entry = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let token = try #require((entry["token"] as? [String: Any])?["value"] as? String)
            #expect(!log.contains(token))
        }
    }
}
