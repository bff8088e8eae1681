import ConsoleRuntime
import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// `:sweep`: the second pane lists the shares a sweep would take back, with marks and `d`.
@Suite("Sweep view")
struct SweepViewTests {
    typealias F = ConsoleFixture
    static let viewer = GlanceV2Rows.Viewer(projectID: F.me, isAdmin: false)

    static func sweepLoad(_ effects: [Effect]) -> (request: Int, criteria: SweepCriteria)? {
        effects.lazy.compactMap { if case let .loadSweep(request, _, criteria) = $0 { (request, criteria) } else { nil } }.first
    }

    static func rows() -> [RecordRow] {
        [GlanceV2Rows.sweepRow(F.alpha, F.alphaMembers[2], reasons: ["rejected"], viewer: viewer),
         GlanceV2Rows.sweepRow(F.beta, ImageMember(imageID: F.beta.id, memberID: "proj-e", status: "pending", createdAt: "2024-01-01T00:00:00Z"),
                               reasons: ["pending 40d"], viewer: viewer)]
    }

    @Test(":sweep asks for the shares, shows them in the second pane, and d with marks takes them back after one confirmation")
    func sweepAndRemove() throws {
        var console = F.connected()
        console.type(":sweep rejected pending 30d")
        let load = try #require(Self.sweepLoad(console.key(.enter)))
        #expect(load.criteria == SweepCriteria(rejected: true, pendingOlderThan: 30 * 86_400, pendingText: "30d"))
        #expect(console.state.focus == .members)
        #expect(ConsoleUpdate.recordPaneTitle(console.state, .members) == "Sweep: rejected, pending > 30d")
        #expect(console.state.system.pane(.members).columns.map(\.title) == ["Image", "Member", "Status", "Why"])
        console.send(.rowsLoaded(request: load.request, .success(Self.rows())))
        #expect(console.state.members.rows.map(\.key) == ["img-alpha/proj-d", "img-beta/proj-e"])
        console.press(" ")
        console.press(" ")
        console.press("d")
        guard case let .confirm(confirmation) = console.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.changes.count == 2)
        let removals = console.press("y").removals
        #expect(Set(removals.map(\.memberID)) == ["proj-d", "proj-e"] && Set(removals.map(\.imageID)) == [F.alpha.id, F.beta.id])
        for removal in removals { console.send(.memberRemoved(operation: removal.operation, .success(()))) }
        #expect(console.state.members.rows.isEmpty)
        // A refresh reads the sweep again, not an image's members.
        let refresh = console.press("R")
        #expect(Self.sweepLoad(refresh) != nil && refresh.membersRequests.isEmpty)
    }

    @Test("Esc goes back to the images, whose selected row's members take the pane back")
    func leaving() throws {
        var console = F.connected()
        console.type(":sweep")
        let load = try #require(Self.sweepLoad(console.key(.enter)))
        #expect(load.criteria == SweepCriteria(rejected: true))
        console.key(.escape)
        let follow = console.tick()
        #expect(follow.membersRequests.map(\.imageID) == [F.alpha.id])
        #expect(console.state.sweep == nil && console.state.system.pane(.members).columns.first?.title == "Member ID")
        // The sweep's late answer is dropped.
        console.send(.rowsLoaded(request: load.request, .success(Self.rows())))
        #expect(console.state.members.rows.allSatisfy { !$0.key.contains("/") })
    }

    @Test("what :sweep does not understand is refused in one line; orphans need an admin")
    func refusals() {
        var console = F.connected()
        for (typed, said) in [(":sweep soon", "not 'soon'"), (":sweep pending", "pending takes a span"), (":sweep pending 3x", "pending takes a span"),
                              (":sweep orphans", "orphans needs an admin")] {
            console.type(typed)
            #expect(Self.sweepLoad(console.key(.enter)) == nil)
            #expect(console.state.flash?.text.contains(said) == true, "\(typed): \(String(describing: console.state.flash))")
            #expect(console.state.sweep == nil)
        }
        var admin = F.connected(admin: true)
        admin.type(":sweep orphans rejected")
        #expect(Self.sweepLoad(admin.key(.enter))?.criteria == SweepCriteria(rejected: true, orphans: true))
    }
}
