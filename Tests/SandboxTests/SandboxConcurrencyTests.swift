import Foundation
import MembershipKit
import Sandbox
import Testing

/// Many clients at once on one sandbox: every request succeeds (no lock or internal errors) and each
/// member row ends in the status its last write set.
@Suite("Sandbox under concurrent clients")
struct SandboxConcurrencyTests {
    @Test("40 writers accepting and rejecting in parallel, with readers listing, end in each row's last write")
    func parallelAcceptReject() async throws {
        try await SandboxHarness.with { harness in
            let image = try await harness.createImage(owner: "olivia", name: "busy")
            let owner = try harness.glance("olivia")
            let members = (1...40).map { String(format: "busy-project-%02d", $0) }
            for member in members { _ = try await owner.addMember(imageID: image, memberID: member) }
            let coraProject = SandboxHarness.project("analytics")
            _ = try await owner.addMember(imageID: image, memberID: coraProject)

            let finals = try await withThrowingTaskGroup(of: (String, String).self) { group in
                // One writer per row (the admin may answer for any member); each sends its writes in order.
                for (index, member) in members.enumerated() {
                    group.addTask {
                        let admin = try harness.glance("admin")
                        var generator = SplitMix(seed: UInt64(index + 1))
                        var last = MemberStatus.pending
                        for _ in 0..<12 {
                            last = [MemberStatus.accepted, .rejected, .pending][Int(generator.next() % 3)]
                            let answer = try await admin.updateMember(imageID: image, memberID: member, status: last)
                            #expect(answer.status == last.rawValue)
                        }
                        return (member, last.rawValue)
                    }
                }
                // The member itself, through its own token, as a console would.
                group.addTask {
                    let cora = try harness.glance("cora")
                    var last = MemberStatus.pending
                    for step in 0..<20 {
                        last = step % 2 == 0 ? .accepted : .rejected
                        _ = try await cora.updateMember(imageID: image, memberID: coraProject, status: last)
                    }
                    return (coraProject, last.rawValue)
                }
                // Readers list all the while: a snapshot is always complete.
                for _ in 0..<4 {
                    group.addTask {
                        let reader = try harness.glance("olivia")
                        for _ in 0..<15 { #expect(try await reader.members(imageID: image).count == members.count + 1) }
                        return ("", "")
                    }
                }
                var results: [String: String] = [:]
                for try await (member, status) in group where !member.isEmpty { results[member] = status }
                return results
            }
            let stored = Dictionary(uniqueKeysWithValues: try await owner.members(imageID: image).map { ($0.memberID, $0.status) })
            #expect(stored.count == members.count + 1)
            for (member, status) in finals {
                #expect(stored[member] == status, "\(member)")
            }
        }
    }
}

/// A small deterministic generator so each writer's sequence is reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
