import Console
@testable import ConsoleRuntime
import Foundation
import MembershipKit
import Sandbox
import Testing

/// The console's side of the two-sided handshake, against the sandbox: an owner who also holds a
/// member project's credentials may set that member's status with them, after a confirmation
/// naming whose credentials act; an owner who does not may not.
@Suite("Glance v2 adapter: acting as the member")
struct HandshakeAdapterTests {
    static let ubuntu = GlanceSeed.imageID(GlanceV2AdapterTests.ubuntuName)
    static let analytics = GlanceSeed.projectID("analytics")

    /// olivia (imaging, the owner), holding cora's cloud (analytics) beside her own.
    static func owner(_ sandbox: RuntimeSandbox) async throws -> any RecordAdapter {
        let cora = await (try sandbox.keystoneSession("cora")).cloud
        let consumers = ConsumerSource(clouds: [cora]) { try OpenStackSession.make(cloud: $0, tokenCache: nil, retryPolicy: .never) }
        let connection = try await GlanceV2System.connect(session: try sandbox.keystoneSession("olivia"), cloudName: "sandbox-olivia", isSandbox: true,
                                                          consumers: consumers)
        return try #require(connection.adapter as? any RecordAdapter)
    }

    @Test("the member row of a project whose credentials I hold offers its statuses, confirmed, and the change is made as that project")
    func actsAsTheMember() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await Self.owner(sandbox)
            let ubuntu = try #require(try await adapter.load(.images, parent: nil).first { $0.key == Self.ubuntu })
            // The first list does not wait for the lookup (it starts it); a later one offers it.
            var members = try await adapter.detail(of: ubuntu)
            for _ in 0..<100 where members.first(where: { $0.key == Self.analytics })?.actions[.accept].map({ if case .confirm = $0 { true } else { false } }) != true {
                try await Task.sleep(for: .milliseconds(50))
                members = try await adapter.detail(of: ubuntu)
            }
            let analytics = try #require(members.first { $0.key == Self.analytics })
            let target: (Action, String) = analytics.cells[1] == "accepted" ? (.reject, "rejected") : (.accept, "accepted")
            guard case let .confirm(_, message, _, operation, _)? = analytics.actions[target.0] else {
                Issue.record("no confirmation: \(String(describing: analytics.actions[target.0]))")
                return
            }
            #expect(message.contains("with the credentials of cloud '"), "\(message)")
            // Members whose credentials I do not hold stay refused.
            for other in members where other.key != Self.analytics {
                #expect(other.actions[.accept] == .refused("only the member project itself can accept its share"))
            }
            guard case let .row(settled) = try await adapter.perform(operation) else {
                Issue.record("no row")
                return
            }
            #expect(settled.cells[1] == target.1)
            let reread = try await GlanceV2Client(session: try sandbox.keystoneSession("olivia")).member(imageID: Self.ubuntu, memberID: Self.analytics)
            #expect(reread.status == target.1)
        }
    }
}

/// `w` on a member row: the images of mine shared with its project, read from the sandbox.
@Suite("Glance v2 adapter: shared with a project")
struct SharedWithAdapterTests {
    @Test("the owner's images that have the member's project, pending first, each with its status and id")
    func sharedWith() async throws {
        try await RuntimeSandbox.with { sandbox in
            let olivia = try await GlanceV2AdapterTests.adapter(sandbox, "olivia")
            let ubuntu = try #require(try await olivia.load(.images, parent: nil).first { $0.key == HandshakeAdapterTests.ubuntu })
            let analytics = try #require(try await olivia.detail(of: ubuntu).first { $0.key == HandshakeAdapterTests.analytics })
            let fields = try await olivia.sharedWith(analytics)
            let client = GlanceV2Client(session: try sandbox.keystoneSession("olivia"))
            let mine = try await client.managedImages(projectID: GlanceSeed.projectID("imaging"), isAdmin: false)
            let expected = try await client.images(mine, sharedWith: HandshakeAdapterTests.analytics)
            #expect(fields.count == expected.count && !fields.isEmpty)
            #expect(fields.contains { $0.value.hasSuffix(HandshakeAdapterTests.ubuntu) && $0.label == analytics.cells[1] })
            let order = fields.map { GlanceV2Rows.statusOrder($0.label) }
            #expect(order == order.sorted())
            // An image row is not a member: w says so.
            await #expect(throws: MembershipError.self) { try await olivia.sharedWith(ubuntu) }
        }
    }
}

/// `:sweep` against the sandbox: the rows are the shares `members sweep` would take back.
@Suite("Glance v2 adapter: sweep")
struct SweepAdapterTests {
    @Test("rejected shares of the owner's images, each with d; orphans need an admin")
    func sweep() async throws {
        try await RuntimeSandbox.with { sandbox in
            let olivia = try await GlanceV2AdapterTests.adapter(sandbox, "olivia")
            let rows = try await olivia.sweepRows(SweepCriteria(rejected: true))
            let client = GlanceV2Client(session: try sandbox.keystoneSession("olivia"))
            let shares = try await client.shares(of: try await client.managedImages(projectID: GlanceSeed.projectID("imaging"), isAdmin: false))
            let expected = ShareSweep(rejected: true).candidates(shares).map { $0.image.id + "/" + $0.member.memberID }
            #expect(!expected.isEmpty)
            #expect(rows.map(\.key) == expected)
            #expect(rows.allSatisfy { $0.cells[2] == "rejected" && $0.cells[3] == "rejected" })
            #expect(rows.allSatisfy { if case .confirm? = $0.actions[.remove] { true } else { false } })
            await #expect(throws: MembershipError.self) { try await olivia.sweepRows(SweepCriteria(orphans: true)) }
        }
    }
}
