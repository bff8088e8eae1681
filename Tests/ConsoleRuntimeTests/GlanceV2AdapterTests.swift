import Console
import ConsoleRuntime
import Foundation
import MembershipKit
import Sandbox
import Testing

/// The Glance v2 system against the sandbox's Glance v2, connected as the console connects to a
/// cloud (`GlanceV2System.connect(session:)`): each effect it understands posts its event.
@Suite("Glance v2 adapter")
struct GlanceV2AdapterTests {
    static let ubuntu = GlanceSeed.imageID("golden-ubuntu-24.04-hardened")
    static let analytics = GlanceSeed.projectID("analytics")

    static func connect(_ sandbox: RuntimeSandbox, _ user: String) async throws -> Connection {
        try await GlanceV2System.connect(session: try sandbox.keystoneSession(user), cloudName: "sandbox-\(user)", isSandbox: true)
    }

    /// Runs one effect on the connection's adapter and answers what it posted.
    static func run(_ effect: Effect, on connection: Connection) async -> [Event] {
        let events = PostedEvents()
        await connection.adapter.run(effect, post: events.post)
        return events.all
    }

    @Test("connect describes the session: user, project, image endpoint, admin or not")
    func connectDescribesTheSession() async throws {
        try await RuntimeSandbox.with { sandbox in
            let info = try await Self.connect(sandbox, "cora").info
            #expect(info.cloud == "sandbox-cora" && info.userName == "cora" && info.projectName == "analytics")
            #expect(info.projectID == Self.analytics)
            #expect(info.endpointHost == "127.0.0.1:\(sandbox.sandbox.port)")
            #expect(info.isSandbox && !info.isAdmin)
            #expect(info.system == GlanceV2System.model)
            #expect(try await Self.connect(sandbox, "admin").info.isAdmin)
        }
    }

    @Test(".loadImages posts its progress, then the images of the scope for its request")
    func loadImages() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = await Self.run(.loadImages(request: 4, scope: .mine, projectID: GlanceSeed.projectID("imaging")),
                                        on: try await Self.connect(sandbox, "olivia"))
            guard case let .imagesLoaded(4, result)? = events.last else { Issue.record("no images: \(events)"); return }
            let names = Set(try result.get().compactMap(\.name))
            #expect(names == GlanceSeed.owned(by: "imaging").union(GlanceSeed.shared(with: "imaging").keys))
            #expect(events.dropLast().allSatisfy { if case .imagesProgress(4, _) = $0 { true } else { false } })
            #expect(events.count > 1)
        }
    }

    @Test(".loadMembers posts the members of the image, for its request and image")
    func loadMembers() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = await Self.run(.loadMembers(request: 5, imageID: Self.ubuntu), on: try await Self.connect(sandbox, "olivia"))
            guard case let .membersLoaded(5, imageID, result)? = events.first, events.count == 1 else { Issue.record("\(events)"); return }
            #expect(imageID == Self.ubuntu)
            let members = try result.get()
            #expect(Dictionary(uniqueKeysWithValues: members.map { ($0.memberID, $0.status) }) == GlanceSeed.members(of: "golden-ubuntu-24.04-hardened"))
        }
    }

    @Test(".loadMemberships posts the shares offered to the project")
    func loadMemberships() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = await Self.run(.loadMemberships(request: 6, projectID: Self.analytics), on: try await Self.connect(sandbox, "cora"))
            guard case let .membershipsLoaded(6, result)? = events.first, events.count == 1 else { Issue.record("\(events)"); return }
            let byName = Dictionary(uniqueKeysWithValues: try result.get().map { ($0.image.name ?? "", $0.status) })
            #expect(byName == GlanceSeed.shared(with: "analytics"))
        }
    }

    @Test(".updateMember posts the member as the server now has it, for its operation")
    func updateMember() async throws {
        try await RuntimeSandbox.with { sandbox in
            let cora = try await Self.connect(sandbox, "cora")
            let events = await Self.run(.updateMember(operation: 9, imageID: Self.ubuntu, memberID: Self.analytics, status: .accepted), on: cora)
            guard case let .memberUpdated(9, result)? = events.first, events.count == 1 else { Issue.record("\(events)"); return }
            let member = try result.get()
            #expect(member.imageID == Self.ubuntu && member.memberID == Self.analytics && member.status == "accepted")
            let reread = try await GlanceV2Client(session: try sandbox.keystoneSession("cora")).member(imageID: Self.ubuntu, memberID: Self.analytics)
            #expect(reread.status == "accepted")
        }
    }

    @Test(".updateMember refused by the server posts the failure with Glance's message")
    func updateMemberRefused() async throws {
        try await RuntimeSandbox.with { sandbox in
            // The owner may not answer a share on behalf of its member.
            let olivia = try await Self.connect(sandbox, "olivia")
            let events = await Self.run(.updateMember(operation: 2, imageID: Self.ubuntu, memberID: Self.analytics, status: .accepted), on: olivia)
            guard case let .memberUpdated(2, .failure(error))? = events.first else { Issue.record("\(events)"); return }
            #expect(error.httpStatus == 403)
            #expect(error.description.contains("You are not authorized to complete modify_member action."), "\(error)")
        }
    }

    @Test(".addMember and .removeMember post what the server answered, for their operations")
    func addAndRemove() async throws {
        try await RuntimeSandbox.with { sandbox in
            let olivia = try await Self.connect(sandbox, "olivia")
            let kafka = GlanceSeed.imageID("kafka-3.7-broker"), webapps = GlanceSeed.projectID("webapps")
            let added = await Self.run(.addMember(operation: 1, imageID: kafka, memberID: webapps), on: olivia)
            guard case let .memberAdded(1, result)? = added.first else { Issue.record("\(added)"); return }
            #expect(try result.get().status == "pending")
            let removed = await Self.run(.removeMember(operation: 2, imageID: kafka, memberID: webapps), on: olivia)
            guard case .memberRemoved(2, .success)? = removed.first else { Issue.record("\(removed)"); return }
            let again = await Self.run(.removeMember(operation: 3, imageID: kafka, memberID: webapps), on: olivia)
            guard case let .memberRemoved(3, .failure(error))? = again.first else { Issue.record("\(again)"); return }
            #expect(error.httpStatus == 404)
        }
    }

    @Test("through the effect runner: connected, then the members of an image, posted as events")
    func throughTheRunner() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = PostedEvents()
            let runner = EffectRunner(connector: { _, reports in
                try await GlanceV2System.connect(session: try sandbox.keystoneSession("olivia"), cloudName: "sandbox",
                                                 paging: reports.paging(PagingLimits()))
            }, activityLog: nil, post: events.post)
            runner.perform(.connect)
            #expect(await events.first { if case let .connected(info) = $0 { info.userName } else { nil } } == "olivia")
            runner.perform(.loadMembers(request: 8, imageID: Self.ubuntu))
            let members = try #require(await events.first { if case let .membersLoaded(8, _, result) = $0 { result } else { nil } }).get()
            #expect(members.count == GlanceSeed.members(of: "golden-ubuntu-24.04-hardened").count)
        }
    }
}
