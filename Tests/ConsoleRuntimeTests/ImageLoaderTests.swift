import Console
@testable import ConsoleRuntime
import Foundation
import MembershipKit
import Sandbox
import Testing

/// The reads behind Glance v2's images and memberships panes, against the sandbox's Glance v2.
/// Demo data: olivia's project (imaging) owns the golden images; cora's (analytics) is offered
/// shares of every status.
@Suite("Glance v2 image loader")
struct ImageLoaderTests {
    static func loader(_ sandbox: RuntimeSandbox, _ user: String, transport: (any HTTPTransport)? = nil,
                       events: PostedEvents) throws -> ImageLoader {
        ImageLoader(glance: GlanceV2Client(session: try sandbox.keystoneSession(user, transport: transport)))
    }

    @Test("mine: the images my project owns, then those shared with it whatever their status, each once")
    func mine() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = PostedEvents()
            let images = try await Self.loader(sandbox, "olivia", events: events)
                .images(scope: .mine, projectID: GlanceSeed.projectID("imaging"), progress: events.progress(request: 7))
            let owned = GlanceSeed.owned(by: "imaging"), shared = Set(GlanceSeed.shared(with: "imaging").keys)
            #expect(Set(images.compactMap(\.name)) == owned.union(shared))
            #expect(Set(images.map(\.id)).count == images.count)
            // Owned first.
            #expect(images.prefix(owned.count).allSatisfy { owned.contains($0.name ?? "") })
            let progress = events.matching { if case let .rowsProgress(request, count) = $0 { (request, count) } else { nil } }
            #expect(!progress.isEmpty && progress.allSatisfy { $0.0 == 7 })
            #expect((progress.map(\.1).max() ?? 0) >= images.count)
        }
    }

    @Test("all: everything the project may see, public images and shares of every status, not others' private images")
    func all() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = PostedEvents()
            let images = try await Self.loader(sandbox, "cora", events: events)
                .images(scope: .all, projectID: GlanceSeed.projectID("analytics"), progress: events.progress(request: 3))
            let names = Set(images.compactMap(\.name))
            #expect(names.isSuperset(of: ["ubuntu-24.04-server", "cirros-0.6.2", "alpine-3.20-minimal"]))
            #expect(names.isSuperset(of: GlanceSeed.shared(with: "analytics").keys))
            for (name, _) in GlanceSeed.privateImages { #expect(!names.contains(name)) }
            let progress = events.matching { if case let .rowsProgress(request, count) = $0 { (request, count) } else { nil } }
            #expect(progress.last.map { $0 == (3, images.count) } == true)
        }
    }

    @Test("all includes the community images of other projects, as README and ImageScope.all promise")
    func allIncludesCommunityImages() async throws {
        try await RuntimeSandbox.with { sandbox in
            let images = try await Self.loader(sandbox, "cora", events: PostedEvents())
                .images(scope: .all, projectID: GlanceSeed.projectID("analytics"), progress: { _ in })
            #expect(Set(images.compactMap(\.name)).isSuperset(of: ["fedora-41-workstation", "astro-ciao-4.16"]))
        }
    }

    @Test("memberships: every share offered to my project with its status and the date it was shared")
    func memberships() async throws {
        try await RuntimeSandbox.with { sandbox in
            let memberships = try await Self.loader(sandbox, "cora", events: PostedEvents())
                .memberships(projectID: GlanceSeed.projectID("analytics"), isAdmin: false, cache: ShareDateCache())
            let byName = Dictionary(uniqueKeysWithValues: memberships.map { ($0.image.name ?? "", $0.status) })
            #expect(byName == GlanceSeed.shared(with: "analytics"))
            #expect(memberships.allSatisfy { $0.sharedAt?.hasPrefix("2026-") == true })
        }
    }

    @Test("the share dates are read once: a second load with the same cache reads no member, a changed status is read again")
    func shareDatesAreCached() async throws {
        try await RuntimeSandbox.with { sandbox in
            let transport = try CountingTransport.make()
            let loader = try Self.loader(sandbox, "cora", transport: transport, events: PostedEvents())
            let analytics = GlanceSeed.projectID("analytics"), cache = ShareDateCache()
            let first = try await loader.memberships(projectID: analytics, isAdmin: false, cache: cache)
            #expect(transport.memberReads == first.count)
            let second = try await loader.memberships(projectID: analytics, isAdmin: false, cache: cache)
            #expect(transport.memberReads == first.count)
            #expect(second == first)
            // cora accepts one pending share: only that one is read again.
            let kafka = GlanceSeed.imageID("kafka-3.7-broker")
            _ = try await loader.glance.updateMember(imageID: kafka, memberID: analytics, status: .accepted)
            let third = try await loader.memberships(projectID: analytics, isAdmin: false, cache: cache)
            #expect(transport.memberReads == first.count + 1)
            #expect(third.first { $0.image.id == kafka }?.status == "accepted")
        }
    }

    @Test("an admin's inbox holds only the shares offered to the admin's own project, though Glance ignores member_status for admins")
    func adminInbox() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adminProject = GlanceSeed.projectID("admin")
            let loader = try Self.loader(sandbox, "admin", events: PostedEvents())
            // The listings name every shared image of every project, under every status.
            let pending = try await loader.glance.listImages(ImageQuery(visibility: "shared", memberStatus: "pending"))
            #expect(pending.count > GlanceSeed.shared(with: "admin").count)
            let before = try await loader.memberships(projectID: adminProject, isAdmin: true, cache: ShareDateCache())
            #expect(before.count == GlanceSeed.shared(with: "admin").count)
            #expect(Dictionary(before.map { ($0.image.name ?? "", $0.status) }, uniquingKeysWith: { first, _ in first }) == GlanceSeed.shared(with: "admin"))
            // olivia offers an image to the admin's project: it is in the inbox once, pending, with its date.
            let olivia = GlanceV2Client(session: try sandbox.keystoneSession("olivia"))
            let ubuntu = GlanceSeed.imageID("golden-ubuntu-24.04-hardened")
            _ = try await olivia.addMember(imageID: ubuntu, memberID: adminProject)
            let after = try await loader.memberships(projectID: adminProject, isAdmin: true, cache: ShareDateCache())
            let offered = after.filter { $0.image.id == ubuntu }
            #expect(offered.count == 1 && offered.first?.status == "pending" && offered.first?.sharedAt?.hasPrefix("20") == true)
            #expect(after.count == before.count + 1)
        }
    }

    @Test("an admin's inbox fails, rather than guess, when a share cannot be read (not a 404)")
    func adminInboxFailsOnUnreadableShare() async throws {
        try await RuntimeSandbox.with { sandbox in
            let transport = try CountingTransport.make(failsMemberReads: true)
            let loader = try Self.loader(sandbox, "admin", transport: transport, events: PostedEvents())
            await #expect(throws: MembershipError.self) {
                _ = try await loader.memberships(projectID: GlanceSeed.projectID("admin"), isAdmin: true, cache: ShareDateCache())
            }
        }
    }
}
