import Foundation
import MembershipKit
import Sandbox
import Testing

/// What an operator changes is still there next run; a reset restores the seed; a second opener of the
/// same file sees one consistent database.
@Suite("Sandbox data persistence")
struct SandboxPersistenceTests {
    private func temporaryPath() -> String {
        NSTemporaryDirectory() + "memberdeck-persist-" + UUID().uuidString.prefix(8) + "/sandbox.sqlite"
    }

    @Test("an accept survives a restart, and reset restores the demo")
    func acceptSurvivesRestart() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let cora = SandboxHarness.project("analytics")
        let pendingID: String
        do {
            let sandbox = try await SandboxServer.start(database: try await SandboxDatabase.open(path: path))
            let harness = SandboxHarness.wrapping(sandbox)
            let client = try harness.glance("cora")
            let pending = try await client.listImages(ImageQuery(visibility: "shared", memberStatus: "pending"))
            pendingID = try #require(pending.first?.id)
            _ = try await client.updateMember(imageID: pendingID, memberID: cora, status: .accepted)
            await sandbox.stop()
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let reopened = try await SandboxDatabase.open(path: path)
        #expect(try await reopened.seedName() == "demo")
        let sandbox = try await SandboxServer.start(database: reopened)
        let client = try SandboxHarness.wrapping(sandbox).glance("cora")
        #expect(try await client.member(imageID: pendingID, memberID: cora).status == "accepted")
        try await reopened.reset(to: .demo)
        #expect(try await client.member(imageID: pendingID, memberID: cora).status == "pending")
        try await reopened.reset(to: .empty)
        #expect(try await client.listImages(ImageQuery(visibility: "all")).isEmpty)
        #expect(try await reopened.seedName() == "empty")
        await sandbox.stop()
    }

    @Test("two openers of one file: writes through one are read through the other, none lost")
    func twoOpeners() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let first = try await SandboxServer.start(database: try await SandboxDatabase.open(path: path))
        let second = try await SandboxServer.start(database: try await SandboxDatabase.open(path: path))
        let a = SandboxHarness.wrapping(first), b = SandboxHarness.wrapping(second)
        let image = try await a.createImage(owner: "olivia", name: "shared-file")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, harness) in [a, b].enumerated() {
                group.addTask {
                    let owner = try harness.glance("olivia")
                    for n in 0..<25 { _ = try await owner.addMember(imageID: image, memberID: "opener\(index)-\(n)") }
                }
            }
            try await group.waitForAll()
        }
        // A token issued by one is honoured by the other: tokens live in the file.
        let token = try await a.keystoneToken(user: "olivia")
        let list = try await b.sendJSON(.GET, "/image/v2/images/\(image)/members", headers: [("X-Auth-Token", token)])
        #expect(list.status == 200)
        #expect((list.object["members"] as? [[String: Any]])?.count == 50)
        await first.stop()
        await second.stop()
    }
}
