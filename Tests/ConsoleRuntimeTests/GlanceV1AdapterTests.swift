import Console
import ConsoleRuntime
import MembershipKit
import Sandbox
import Testing

/// The Glance v1 system against the sandbox's Glance v1, connected as the console connects to a
/// `glance-v1` endpoint. Demo data: olivia (project imaging) owns `golden-ubuntu-24.04-hardened`
/// (members analytics, which may share further, webapps and research) and `imaging-scratch` (none).
@Suite("Glance v1 adapter")
struct GlanceV1AdapterTests {
    static let ubuntu = "golden-ubuntu-24.04-hardened"
    static let analytics = GlanceSeed.projectID("analytics"), webapps = GlanceSeed.projectID("webapps")
    static let research = GlanceSeed.projectID("research")

    @Test("connect authenticates with Keystone and describes the session for the header")
    func connectDescribesTheSession() async throws {
        try await RuntimeSandbox.with { sandbox in
            let endpoint = sandbox.glanceV1Endpoint()
            let info = try await sandbox.connect(endpoint).info
            #expect(info.cloud == endpoint.name)
            #expect(info.userName == "olivia" && info.projectName == "imaging")
            #expect(info.projectID == GlanceSeed.projectID("imaging"))
            #expect(info.endpointHost == "127.0.0.1:\(sandbox.sandbox.port)")
            #expect(info.system == GlanceV1System.model)
        }
    }

    @Test("the images pane lists what olivia may see; each image opens its members and shares by a prompt")
    func imagesPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let rows = try await sandbox.records(sandbox.glanceV1Endpoint()).load(.images, parent: nil)
            let names = Set(rows.map { $0.cells[0] })
            #expect(GlanceSeed.owned(by: "imaging").isSubset(of: names))
            for (name, owner) in GlanceSeed.privateImages where owner != "imaging" { #expect(!names.contains(name)) }
            let ubuntu = try #require(rows.first { $0.cells[0] == Self.ubuntu })
            #expect(ubuntu.key == GlanceSeed.imageID(Self.ubuntu))
            #expect(ubuntu.cells == [Self.ubuntu, ubuntu.key, GlanceSeed.projectID("imaging"), "no"])
            #expect(ubuntu.opensDetail)
            #expect(try ubuntu.promptOperation(.share).description == "share \(Self.ubuntu) with {}")
        }
    }

    @Test("the members pane is the detail of an image: each member with can_share, which it toggles, and remove")
    func membersPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.glanceV1Endpoint())
            let ubuntu = try #require(try await adapter.load(.images, parent: nil).first { $0.cells[0] == Self.ubuntu })
            let members = try await adapter.detail(of: ubuntu)
            #expect(Set(members.map(\.cells)) == [[Self.analytics, "yes"], [Self.webapps, "no"], [Self.research, "no"]])
            for member in members {
                #expect(try member.operation(.toggleShare).inFlight.hasPrefix("can share → "))
                #expect(try member.operation(.remove).description == "remove \(member.key) from \(Self.ubuntu)")
            }
            // A row of another pane has no detail.
            #expect(try await adapter.load(.members, parent: nil).isEmpty)
        }
    }

    @Test("the overview lists the images shared with olivia's project, named, even before the images pane loaded")
    func overviewPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let rows = try await sandbox.records(sandbox.glanceV1Endpoint()).load(.memberships, parent: nil)
            #expect(Set(rows.map { $0.cells[0] }) == Set(GlanceSeed.shared(with: "imaging").keys))
            #expect(rows.allSatisfy { $0.key == $0.cells[1] && !$0.cells[0].isEmpty })
        }
    }

    @Test("adding by the prompt answers the member row a fresh load shows")
    func addByPrompt() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.glanceV1Endpoint())
            let scratch = try #require(try await adapter.load(.images, parent: nil).first { $0.cells[0] == "imaging-scratch" })
            let add = try scratch.promptOperation(.share).with(argument: Self.research)
            #expect(add.newRow?.key == Self.research)
            let outcome = try await adapter.perform(add)
            #expect(outcome == .row(try #require(try await adapter.reloaded(Self.research, parent: scratch))))
            #expect(try await adapter.detail(of: scratch).map(\.cells) == [[Self.research, "no"]])
        }
    }

    @Test("adding a member that is one already keeps its can_share, as the server does")
    func addExistingKeepsCanShare() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.glanceV1Endpoint())
            let ubuntu = try #require(try await adapter.load(.images, parent: nil).first { $0.cells[0] == Self.ubuntu })
            let outcome = try await adapter.perform(try ubuntu.promptOperation(.share).with(argument: Self.analytics))
            guard case let .row(row) = outcome else { Issue.record("expected a row, got \(outcome)"); return }
            #expect(row.cells == [Self.analytics, "yes"])
            #expect(outcome == .row(try #require(try await adapter.reloaded(Self.analytics, parent: ubuntu))))
        }
    }

    @Test("toggling can_share answers the row as the server now has it, and toggles back from that row")
    func toggleCanShare() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.glanceV1Endpoint())
            let ubuntu = try #require(try await adapter.load(.images, parent: nil).first { $0.cells[0] == Self.ubuntu })
            let webapps = try #require(try await adapter.detail(of: ubuntu).first { $0.key == Self.webapps })
            let on = try await adapter.perform(try webapps.operation(.toggleShare))
            let fresh = try #require(try await adapter.reloaded(Self.webapps, parent: ubuntu))
            #expect(fresh.cells == [Self.webapps, "yes"])
            #expect(on == .row(fresh))
            let off = try await adapter.perform(try fresh.operation(.toggleShare))
            #expect(off == .row(try #require(try await adapter.reloaded(Self.webapps, parent: ubuntu))))
            #expect(try await adapter.reloaded(Self.webapps, parent: ubuntu)?.cells == [Self.webapps, "no"])
        }
    }

    @Test("removing answers .removed and the member is gone; removing it again is refused with Glance's message")
    func remove() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.glanceV1Endpoint())
            let ubuntu = try #require(try await adapter.load(.images, parent: nil).first { $0.cells[0] == Self.ubuntu })
            let webapps = try #require(try await adapter.detail(of: ubuntu).first { $0.key == Self.webapps })
            let remove = try webapps.operation(.remove)
            #expect(try await adapter.perform(remove) == .removed)
            #expect(try await adapter.reloaded(Self.webapps, parent: ubuntu) == nil)
            let message = await refusal { _ = try await adapter.perform(remove) }
            #expect(message.hasPrefix("404 Not Found: Membership could not be found."), "\(message)")
        }
    }

    @Test("a member that may not share is refused by the server, with its message, and nothing changes")
    func refusedForAMemberWithoutCanShare() async throws {
        try await RuntimeSandbox.with { sandbox in
            let carl = try await sandbox.records(sandbox.glanceV1Endpoint("carl"))
            let ubuntu = try #require(try await carl.load(.images, parent: nil).first { $0.cells[0] == Self.ubuntu })
            let before = try await carl.detail(of: ubuntu)
            let analytics = try #require(before.first { $0.key == Self.analytics })
            let message = await refusal { _ = try await carl.perform(try analytics.operation(.remove)) }
            #expect(message.hasPrefix("404 Not Found: User lacks permission to share image \(ubuntu.key)"), "\(message)")
            #expect(try await carl.detail(of: ubuntu) == before)
        }
    }
}
