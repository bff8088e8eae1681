import Foundation
import MembershipKit
import Testing

/// `memberdeck watch` against the real Keystone and Glance, with the change made by openstackclient.
@Suite("Watch end to end", .enabled(if: ReferenceStack.shouldRun), .serialized)
struct WatchEndToEndTests {
    let cli = CLI()

    @Test("watch --once -f json on the owner's image sees openstack add a member: one JSON line, exit 0")
    func ownerSeesMemberAdded() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("watch-add")) { image in
            let watch = WatchProcess(cli: cli, ["watch", "--os-cloud", "owner", "--image", image.name ?? image.id, "--once", "-f", "json", "--interval", "1"])
            try await watch.waitForStderr("watching")
            let added = try await cli.openstack("--os-cloud", "owner", "image", "add", "project", image.id, memberProject)
            #expect(added.status == 0, "\(added.stderr)")
            let result = try await watch.result()
            #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
            let lines = watch.jsonLines()
            #expect(lines.count == 1, "\(result.stdout)")
            let line = lines.first ?? [:]
            #expect(line["change"] as? String == "added" && line["side"] as? String == "owner", "\(result.stdout)")
            #expect(line["image_id"] as? String == image.id && line["image_name"] as? String == image.name)
            #expect(line["member_id"] as? String == memberProject && line["member_name"] as? String == "member", "\(result.stdout)")
            #expect(line["from"] is NSNull && line["to"] as? String == "pending" && line["cloud"] as? String == "owner")
            #expect(line["time"] is String)
        }
    }

    @Test("watch --cloud member sees the member accept with openstack: the inbox's share goes pending → accepted")
    func memberSeesItsAccept() async throws {
        try ReferenceStack.requireConfigured()
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName("watch-accept")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            // --image keeps other tests' shares out of this watch (the image is the member's inbox's, not its own).
            let watch = WatchProcess(cli: cli, ["watch", "--cloud", "member", "--image", image.id, "--once", "--interval", "1"])
            try await watch.waitForStderr("watching")
            let accepted = try await cli.openstack("--os-cloud", "member", "image", "set", "--accept", image.id)
            #expect(accepted.status == 0, "\(accepted.stderr)")
            let result = try await watch.result()
            #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            // The table line: time, cloud, image, me (my project), change, from → to.
            #expect(lines.count == 1 && lines[0].contains(image.name ?? "?") && lines[0].contains("me (member)")
                    && lines[0].contains("status  pending → accepted"), "\(result.stdout)")
        }
    }

    @Test("Bad input is one line and exit 2: an unknown image, a wrong interval, an output format watch has no lines for, a glance-v1 endpoint")
    func badInput() async throws {
        try ReferenceStack.requireConfigured()
        let unknown = try await cli.memberdeck(["watch", "--os-cloud", "owner", "--image", "no-such-image-\(UUID().uuidString.prefix(6))"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no image with id or name"), "\(unknown.stderr)")
        #expect(unknown.stderr.split(separator: "\n").count == 1, "\(unknown.stderr)")
        let interval = try await cli.memberdeck(["watch", "--os-cloud", "owner", "--interval", "0.5"])
        #expect(interval.status == 2 && interval.stderr == "memberdeck: error: --interval takes a number of seconds at least 1 and at most 86400, not '0.5'\n",
                "\(interval.stderr)")
        let yaml = try await cli.memberdeck(["watch", "--os-cloud", "owner", "-f", "yaml"])
        #expect(yaml.status == 2 && yaml.stderr.split(separator: "\n").count == 1, "\(yaml.stderr)")
        // Glance v1 members have no status to watch: refused before anything is sent.
        try FileManager.default.createDirectory(atPath: cli.home + "/config/memberdeck", withIntermediateDirectories: true)
        let config = cli.home + "/config/memberdeck/config.yaml"
        try "endpoints:\n  - name: old\n    kind: glance-v1\n    url: http://127.0.0.1:1/\n    auth_url: http://127.0.0.1:1/v3\n    username: u\n    project_name: p\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let v1 = try await cli.memberdeck(["watch", "--endpoint", "old"])
        #expect(v1.status == 2 && v1.stderr == "memberdeck: error: watch follows Glance v2 image members: endpoint 'old' is glance-v1\n", "\(v1.stderr)")
    }
}
