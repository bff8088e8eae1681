import Foundation
import MembershipKit
import Sandbox
import Testing

/// One scripted Keystone + Glance v2 session against the real reference stack and against the sandbox:
/// the same status codes, JSON keys, error messages and key headers, step by step.
@Suite("Sandbox against the reference stack: the same answers", .enabled(if: ReferenceStack.shouldRun))
struct DifferentialTests {
    @Test("a scripted Keystone and Glance v2 session answers alike on both")
    func sameAnswers() async throws {
        let reference = try referenceTarget()
        let directory = NSTemporaryDirectory() + "memberdeck-diff-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try await SandboxDatabase.open(path: directory + "/sandbox.sqlite", seedIfNew: .demo)
        let sandbox = try await SandboxServer.start(database: database, imageSizeCap: DifferentialScenario.imageSizeCap)
        let local = DifferentialTarget(label: "sandbox", identityURL: sandbox.urls.identity, imageURL: sandbox.urls.image, accounts: [
            .owner: .init(user: "olivia", password: "sandbox", project: "imaging"),
            .member: .init(user: "cora", password: "sandbox", project: "analytics"),
            .stranger: .init(user: "carl", password: "sandbox", project: "webapps"),
            .admin: .init(user: "admin", password: "sandbox", project: "admin"),
        ])
        do {
            try await reference.logIn()
            try await local.logIn()
            let expected = try await DifferentialScenario.run(on: reference)
            let actual = try await DifferentialScenario.run(on: local)
            #expect(expected.count == actual.count)
            for (want, got) in zip(expected, actual) {
                #expect(want.name == got.name)
                #expect(got.observation == want.observation, "\(want.name)\n  reference: \(want.observation)\n  sandbox:   \(got.observation)")
            }
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    private func referenceTarget() throws -> DifferentialTarget {
        var accounts: [DifferentialTarget.Actor: DifferentialTarget.Account] = [:]
        for actor in DifferentialTarget.Actor.allCases {
            let cloud = try ReferenceStack.cloud(actor.rawValue)
            accounts[actor] = .init(user: cloud.auth.username ?? "", password: cloud.auth.password ?? "", project: cloud.auth.projectName ?? "")
        }
        let glance = ReferenceStack.environment["REFSTACK_GLANCE_URL"] ?? "http://127.0.0.1:19292"
        return DifferentialTarget(label: "reference", identityURL: ReferenceStack.keystoneURL, imageURL: glance, accounts: accounts)
    }
}
