import Foundation
import Testing

/// The reference stack's python-openstackclient, run with the same script against the reference stack and
/// against `memberdeck sandbox serve --seed empty` (the clean cloud a client's own conformance suite
/// should use): every command must end alike, with the same normalised output.
@Suite("openstack against the reference stack and sandbox serve: the same results",
       .enabled(if: ReferenceStack.shouldRun && SandboxEndToEnd.binaryExists), .serialized)
struct OpenStackClientScenarioTests {
    typealias Step = (name: String, outcome: String)

    @Test("share an image: add project, accept, list by member status, show the member, remove, delete")
    func sharing() async throws {
        try await compare { side in try await Self.sharing(on: side) }
    }

    @Test("image data: create with --file, show, save as the owner and as the accepted consumer")
    func imageData() async throws {
        try await compare { side in try await Self.imageData(on: side) }
    }

    @Test("identity lookups: project, user and domain show, the catalog")
    func identity() async throws {
        try await compare { side in try await Self.identity(on: side) }
    }

    /// Runs `script` on the reference stack and on a fresh `sandbox serve`, and compares step by step.
    private func compare(_ script: (OpenStackClientSide) async throws -> [Step]) async throws {
        let directory = NSTemporaryDirectory() + "md-osc-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try SandboxProcess.start(data: directory + "/sandbox.sqlite", log: directory + "/serve.out", seed: "empty")
        defer { server.kill() }
        let sandbox = try OpenStackClientSide.sandbox(base: try await server.waitForURL(), directory: directory)
        let reference = try OpenStackClientSide.reference()
        try await reference.learnAccounts()
        try await sandbox.learnAccounts()
        let expected = try await script(reference)
        let actual = try await script(sandbox)
        #expect(expected.map(\.name) == actual.map(\.name))
        for (want, got) in zip(expected, actual) {
            #expect(got.outcome == want.outcome, "\(want.name)\n--- reference:\n\(want.outcome)\n--- sandbox:\n\(got.outcome)")
        }
    }

    static func uniqueName(_ stem: String, on side: OpenStackClientSide) -> String {
        let name = "osc-\(stem)-" + UUID().uuidString.prefix(8).lowercased()
        side.remember(name, as: "<image-name:\(stem)>")
        return name
    }

    /// Creates an image as the owner and learns its id; `file` uploads data with it.
    static func createImage(_ name: String, file: String? = nil, placeholder: String = "<image>", on side: OpenStackClientSide,
                            into steps: inout [Step]) async throws -> String {
        let data = file.map { ["--file", $0] } ?? []
        let created = try await side.run(.owner, ["image", "create", "--disk-format", "raw", "--container-format", "bare"] + data + [name, "-f", "json"])
        guard created.status == 0, let id = (try? created.json() as? [String: Any])?["id"] as? String else {
            throw StackUnavailable(message: "\(side.label): image create failed: \(created.stderr)")
        }
        side.remember(id, as: placeholder)
        steps.append(("owner: image create\(file == nil ? "" : " --file")", side.outcome(created)))
        return id
    }

    static func sharing(on side: OpenStackClientSide) async throws -> [Step] {
        var steps: [Step] = []
        func step(_ name: String, _ cloud: OpenStackClientSide.Cloud, _ arguments: [String]) async throws {
            steps.append(("\(cloud): \(name)", side.outcome(try await side.run(cloud, arguments))))
        }
        let name = uniqueName("share", on: side)
        let image = try await createImage(name, on: side, into: &steps)
        let consumer = side.projectIDs[.member]!
        try await step("image add project", .owner, ["image", "add", "project", image, consumer, "-f", "json"])
        try await step("a pending share", .member, ["image", "list", "--member-status", "pending", "--name", name, "-f", "json"])
        try await step("a pending image is not found by name", .member, ["image", "show", name, "-f", "json"])
        try await step("image set --accept", .member, ["image", "set", "--accept", image])
        try await step("an accepted share", .member, ["image", "list", "--member-status", "accepted", "--name", name, "-f", "json"])
        try await step("no pending share left", .member, ["image", "list", "--member-status", "pending", "--name", name, "-f", "json"])
        try await step("image show by name once accepted", .member, ["image", "show", name, "-c", "id", "-c", "visibility", "-f", "json"])
        try await step("image member list", .owner, ["image", "member", "list", image, "-f", "json"])
        try await step("image member get", .owner, ["image", "member", "get", image, consumer, "-f", "json"])
        try await step("image member get, its own row", .member, ["image", "member", "get", image, consumer, "-f", "json"])
        try await step("image set --reject", .member, ["image", "set", "--reject", image])
        try await step("a rejected share", .member, ["image", "list", "--member-status", "rejected", "--name", name, "-f", "json"])
        try await step("image remove project", .owner, ["image", "remove", "project", image, consumer])
        try await step("no members left", .owner, ["image", "member", "list", image, "-f", "json"])
        try await step("the consumer no longer sees it", .member, ["image", "show", image, "-f", "json"])
        // An admin names the project: openstackclient finds its id through Keystone (GET /v3/projects?name=).
        try await step("image add project by name", .admin, ["image", "add", "project", image, side.projectNames[.member]!, "-f", "json"])
        try await step("the owner sees the admin's share", .owner, ["image", "member", "list", image, "-f", "json"])
        // The owner cannot look a project up by name, and openstackclient then says so.
        try await step("image add project by name, as the owner", .owner, ["image", "add", "project", image, side.projectNames[.member]!, "-f", "json"])
        try await step("image delete", .owner, ["image", "delete", image])
        try await step("image show after delete", .owner, ["image", "show", image, "-f", "json"])
        return steps
    }

    static func imageData(on side: OpenStackClientSide) async throws -> [Step] {
        var steps: [Step] = []
        func step(_ name: String, _ cloud: OpenStackClientSide.Cloud, _ arguments: [String]) async throws {
            steps.append(("\(cloud): \(name)", side.outcome(try await side.run(cloud, arguments))))
        }
        let directory = NSTemporaryDirectory() + "md-osc-data-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The same bytes on both sides, so that size, checksum and hash must agree too.
        let data = Data(String(repeating: "memberdeck scenario data\n", count: 40).utf8)
        let upload = directory + "/upload.raw"
        try data.write(to: URL(fileURLWithPath: upload))
        let name = uniqueName("data", on: side)
        let image = try await createImage(name, file: upload, on: side, into: &steps)
        try await step("image show", .owner, ["image", "show", image, "-f", "json"])
        for (cloud, file) in [(OpenStackClientSide.Cloud.owner, "owner.raw"), (.member, "member.raw")] {
            if cloud == .member {
                try await step("image add project", .owner, ["image", "add", "project", image, side.projectIDs[.member]!, "-f", "json"])
                try await step("image set --accept", .member, ["image", "set", "--accept", image])
            }
            let saved = try await side.run(cloud, ["image", "save", "--file", directory + "/" + file, image])
            let bytes = FileManager.default.contents(atPath: directory + "/" + file)
            steps.append(("\(cloud): image save", side.outcome(saved) + "\nsame bytes: \(bytes == data)"))
        }
        let empty = try await createImage(uniqueName("nodata", on: side), placeholder: "<image:nodata>", on: side, into: &steps)
        try await step("image save of an image without data", .owner, ["image", "save", "--file", directory + "/none.raw", empty])
        try await step("image delete", .owner, ["image", "delete", image, empty])
        return steps
    }

    static func identity(on side: OpenStackClientSide) async throws -> [Step] {
        var steps: [Step] = []
        func step(_ name: String, _ cloud: OpenStackClientSide.Cloud, _ arguments: [String]) async throws {
            steps.append(("\(cloud): \(name)", side.outcome(try await side.run(cloud, arguments))))
        }
        try await step("project show, its own", .owner, ["project", "show", side.projectIDs[.owner]!, "-f", "json"])
        try await step("project show, another's", .owner, ["project", "show", side.projectIDs[.member]!, "-f", "json"])
        try await step("project show by name", .admin, ["project", "show", side.projectNames[.member]!, "-f", "json"])
        try await step("user show, itself", .owner, ["user", "show", side.userIDs[.owner]!, "-f", "json"])
        try await step("user show, another", .owner, ["user", "show", side.userIDs[.member]!, "-f", "json"])
        try await step("user show by name", .admin, ["user", "show", side.userNames[.member]!, "-f", "json"])
        try await step("domain show", .owner, ["domain", "show", "default", "-f", "json"])
        try await step("catalog list", .owner, ["catalog", "list", "-f", "json"])
        try await step("catalog show image", .owner, ["catalog", "show", "image", "-f", "json"])
        return steps
    }
}
