import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// The bell for a new pending share: decided by `update`, rung by the UI thread (`.ringBell`).
@Suite("Inbox bell")
struct InboxBellTests {
    typealias F = ConsoleFixture

    static let zeta = Image(id: "img-zeta", name: "zeta", status: "active", visibility: "shared", owner: "proj-owner")

    /// The fixture's inbox with one more share.
    static func inbox(plus status: String, image: Image = zeta) -> [Membership] {
        F.memberships + [Membership(image: image, status: status, sharedAt: "2024-01-04T00:00:00Z")]
    }

    /// Refreshes (R) and answers the inbox load with `memberships`; returns the effects of that answer.
    static func refresh(_ console: inout F, memberships: Result<[Membership], MembershipError>) -> [Effect] {
        let effects = console.key(.character("R"))
        var answered: [Effect] = []
        for request in effects.membershipsRequests { answered += console.send(.membershipsLoaded(request: request, memberships)) }
        answerTheOthers(&console, effects)
        return answered
    }

    /// Answers the images and members loads among `effects`, so the next refresh may start.
    static func answerTheOthers(_ console: inout F, _ effects: [Effect]) {
        for request in effects.imagesRequests { console.send(.imagesLoaded(request: request, .success(F.images))) }
        for request in effects.membersRequests { console.send(.membersLoaded(request: request.request, imageID: request.imageID, .success(F.alphaMembers))) }
    }

    @Test("The first load of an inbox with pending shares rings nothing")
    func firstLoadIsQuiet() {
        var console = F(settings: ConsoleSettings())
        let loads = console.send(.connected(F.session()))
        let answered = console.send(.membershipsLoaded(request: loads.membershipsRequests[0], .success(F.memberships)))
        #expect(!answered.contains(.ringBell))
        #expect(console.state.inboxSeen?.keys == Set(F.memberships.map(\.image.id)))
    }

    @Test("A new pending share rings once; the same inbox again rings nothing")
    func newPendingShareRings() {
        var console = F.connected()
        #expect(Self.refresh(&console, memberships: .success(Self.inbox(plus: "pending"))).filter { $0 == .ringBell }.count == 1)
        #expect(!Self.refresh(&console, memberships: .success(Self.inbox(plus: "pending"))).contains(.ringBell))
    }

    @Test("A new share that is not pending, and a known share reset to pending, ring nothing")
    func onlyNewPendingShares() {
        var console = F.connected()
        #expect(!Self.refresh(&console, memberships: .success(Self.inbox(plus: "accepted"))).contains(.ringBell))
        var reset = Self.inbox(plus: "accepted")
        reset[1].status = "pending"   // delta: accepted → pending, known before
        #expect(!Self.refresh(&console, memberships: .success(reset)).contains(.ringBell))
    }

    @Test("A failed load keeps what was seen: the share that arrives meanwhile rings when the inbox loads again")
    func failedLoadKeepsTheBaseline() {
        var console = F.connected()
        #expect(!Self.refresh(&console, memberships: .failure(F.httpError(503, "unavailable"))).contains(.ringBell))
        // The console's own retry (2 s later) brings the inbox back.
        let retry = console.tick(3)
        #expect(retry.membershipsRequests.count == 1)
        let answered = retry.membershipsRequests.flatMap { console.send(.membershipsLoaded(request: $0, .success(Self.inbox(plus: "pending")))) }
        Self.answerTheOthers(&console, retry)
        #expect(answered.contains(.ringBell))
    }

    @Test("bell: false keeps it quiet")
    func bellOff() {
        var settings = ConsoleSettings()
        settings.bell = false
        var console = F.connected(settings: settings)
        #expect(!Self.refresh(&console, memberships: .success(Self.inbox(plus: "pending"))).contains(.ringBell))
    }

    @Test("Another cloud's first load rings nothing, though its pending shares are new to the console")
    func cloudSwitchIsQuiet() {
        var console = F.connected()
        var prod = F.session()
        prod.cloud = "prod"
        prod.connection = ConnectionID("prod")
        let loads = console.send(.connected(prod))
        let answered = console.send(.membershipsLoaded(request: loads.membershipsRequests[0], .success(Self.inbox(plus: "pending"))))
        #expect(!answered.contains(.ringBell))
        #expect(console.state.inboxSeen?.connection == ConnectionID("prod"))
    }
}
