import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// A refresh whose answer crosses an action: the action's result wins, with no flicker back; a refresh
/// requested after the action settled applies normally, and a change made elsewhere is highlighted and logged.
@Suite("A refresh racing an action")
struct RefreshRaceTests {
    typealias F = ConsoleFixture

    static func accepted(_ imageID: String, _ memberID: String = ConsoleFixture.me) -> Result<ImageMember, MembershipError> {
        .success(ImageMember(imageID: imageID, memberID: memberID, status: "accepted"))
    }

    // MARK: Memberships

    @Test func aRefreshRequestedBeforeTheActionCannotFlipTheRowBack() throws {
        var console = F.connected()
        console.focus(.memberships)
        let refresh = console.key(.character("R"))                 // reads gamma as pending
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, Self.accepted(F.gamma.id)))
        let effects = console.send(.membershipsLoaded(request: refresh.membershipsRequests[0], .success(F.memberships)))

        let row = try #require(console.membership(F.gamma.id))
        #expect(row.status == "accepted")
        #expect(row.highlight?.kind == .settled)
        #expect(console.image(F.gamma.id)?.myStatus == "accepted")
        #expect(effects.isEmpty)
        #expect(console.state.activity.map(\.outcome) == [.done])
    }

    @Test func aStaleAnswerArrivingWhileTheActionIsInFlightKeepsTheTransition() throws {
        var console = F.connected()
        console.focus(.memberships)
        let refresh = console.key(.character("R"))
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.membershipsLoaded(request: refresh.membershipsRequests[0], .success(F.memberships)))
        #expect(console.membership(F.gamma.id)?.transition?.operationID == operation)
        #expect(console.image(F.gamma.id)?.myStatus == "pending → accepted…")
        console.send(.imagesLoaded(request: refresh.imagesRequests[0], .success(F.images)))
        #expect(console.image(F.gamma.id)?.myStatus == "pending → accepted…")

        console.send(.memberUpdated(operation: operation, Self.accepted(F.gamma.id)))
        #expect(console.membership(F.gamma.id)?.status == "accepted")
        #expect(console.image(F.gamma.id)?.myStatus == "accepted")
    }

    @Test func aRefreshRequestedWhileTheActionWasInFlightCannotUndoIt() throws {
        var console = F.connected()
        console.focus(.memberships)
        let operation = try #require(console.press("a").updates.first).operation
        let refresh = console.key(.character("R"))                 // the server may not have the change yet
        console.send(.memberUpdated(operation: operation, Self.accepted(F.gamma.id)))
        console.send(.imagesLoaded(request: refresh.imagesRequests[0], .success(F.images)))
        console.send(.membershipsLoaded(request: refresh.membershipsRequests[0], .success(F.memberships)))
        #expect(console.membership(F.gamma.id)?.status == "accepted")
        #expect(console.image(F.gamma.id)?.myStatus == "accepted")
        #expect(!console.state.activity.contains { $0.outcome == .seen })
    }

    @Test func aRefreshRequestedAfterTheActionSettledAppliesNormally() throws {
        var console = F.connected()
        console.focus(.memberships)
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, Self.accepted(F.gamma.id)))
        console.tick(2)
        let refresh = console.key(.character("R"))
        var changed = F.memberships
        changed[0].status = "rejected"                              // the owner's side changed it since
        let effects = console.send(.membershipsLoaded(request: refresh.membershipsRequests[0], .success(changed)))

        let row = try #require(console.membership(F.gamma.id))
        #expect(row.status == "rejected")
        #expect(row.highlight == Highlight(kind: .external, until: console.now.addingTimeInterval(1.5)))
        #expect(console.image(F.gamma.id)?.myStatus == "rejected")
        let seen = ActivityEntry(time: console.now, imageID: F.gamma.id, imageName: "gamma", memberID: F.me,
                                 from: "accepted", to: "rejected", outcome: .seen, place: F.place, user: F.user)
        #expect(effects == [.recordActivity(seen)])
        #expect(console.state.activity.last == seen)
    }

    @Test func aRefreshThatAgreesWithTheActionChangesNothing() throws {
        var console = F.connected()
        console.focus(.memberships)
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, Self.accepted(F.gamma.id)))
        let refresh = console.key(.character("R"))
        var agreed = F.memberships
        agreed[0].status = "accepted"
        let effects = console.send(.membershipsLoaded(request: refresh.membershipsRequests[0], .success(agreed)))
        #expect(effects.isEmpty)
        #expect(console.membership(F.gamma.id)?.highlight?.kind == .settled)
    }

    @Test func aFailedActionDoesNotProtectTheRowFromTheServersTruth() throws {
        var console = F.connected()
        console.focus(.memberships)
        let refresh = console.key(.character("R"))
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, .failure(F.httpError())))
        console.send(.membershipsLoaded(request: refresh.membershipsRequests[0], .success(F.memberships)))
        #expect(console.membership(F.gamma.id)?.status == "pending")
        #expect(console.membership(F.gamma.id)?.highlight?.kind == .failed)
        #expect(!console.state.activity.contains { $0.outcome == .seen })
    }

    @Test func aShareChangedElsewhereIsHighlightedAndLogged() throws {
        var console = F.connected()
        console.tick(1)
        let refresh = console.key(.character("R"))
        var changed = F.memberships
        changed[1].status = "rejected"                              // delta, accepted before
        let effects = console.send(.membershipsLoaded(request: refresh.membershipsRequests[0], .success(changed)))
        #expect(console.membership(F.delta.id)?.status == "rejected")
        #expect(console.membership(F.delta.id)?.highlight?.kind == .external)
        #expect(console.membership(F.gamma.id)?.highlight == nil)
        #expect(effects.recorded.map(\.outcome) == [.seen])
        #expect(effects.recorded.first?.from == "accepted")
        #expect(effects.recorded.first?.to == "rejected")
        console.tick(1.5)
        #expect(console.membership(F.delta.id)?.highlight == nil)
    }

    @Test func aChangeSeenAfterAFailedRefreshIsStillHighlighted() throws {
        var console = F.connected()
        let first = console.key(.character("R"))
        console.send(.membershipsLoaded(request: first.membershipsRequests[0], .failure(F.httpError(504, "gateway timeout"))))
        console.send(.imagesLoaded(request: first.imagesRequests[0], .success(F.images)))
        let firstMembers = try #require(first.membersRequests.first)
        console.send(.membersLoaded(request: firstMembers.request, imageID: F.alpha.id, .failure(F.httpError(504, "gateway timeout"))))
        #expect(console.state.memberships.rows.count == 3)
        #expect(console.state.members.rows.count == 3)

        let second = console.key(.character("R"))
        var memberships = F.memberships
        memberships[1].status = "rejected"
        var members = F.alphaMembers
        members[0].status = "accepted"
        console.answerImagesAndMemberships(second, memberships: memberships)
        let secondMembers = try #require(second.membersRequests.first)
        console.send(.membersLoaded(request: secondMembers.request, imageID: F.alpha.id, .success(members)))
        #expect(console.membership(F.delta.id)?.highlight?.kind == .external)
        #expect(console.member("proj-b")?.highlight?.kind == .external)
        #expect(console.state.activity.map(\.outcome) == [.seen, .seen])
        #expect(console.state.memberships.loading == .idle)
        #expect(console.state.members.loading == .idle)
    }

    @Test func theFirstLoadIsNotAChange() {
        var console = F()
        let loads = console.send(.connected(F.session()))
        let effects = console.send(.membershipsLoaded(request: loads.membershipsRequests[0], .success(F.memberships)))
        // Nothing but asking for the owners' names: no activity, no highlight.
        #expect(effects.allSatisfy { if case .nameProjects = $0 { true } else { false } })
        #expect(console.state.memberships.rows.allSatisfy { $0.highlight == nil })
    }

    // MARK: Members

    @Test func aMembersRefreshRequestedBeforeTheActionCannotFlipTheRowBack() throws {
        var console = F.connected(admin: true)
        console.focus(.members)
        let refresh = console.key(.character("R"))
        let members = try #require(refresh.membersRequests.first)
        #expect(members.imageID == F.alpha.id)
        let operation = try #require(console.press("a").updates.first).operation   // proj-b
        console.send(.memberUpdated(operation: operation, Self.accepted(F.alpha.id, "proj-b")))
        let effects = console.send(.membersLoaded(request: members.request, imageID: F.alpha.id, .success(F.alphaMembers)))
        #expect(console.member("proj-b")?.member.status == "accepted")
        #expect(console.member("proj-b")?.highlight?.kind == .settled)
        #expect(effects.isEmpty)
    }

    @Test func aMembersAnswerArrivingWhileTheActionIsInFlightKeepsTheTransition() throws {
        var console = F.connected(admin: true)
        console.focus(.members)
        let refresh = console.key(.character("R"))
        let operation = try #require(console.press("a").updates.first).operation
        let members = try #require(refresh.membersRequests.first)
        console.send(.membersLoaded(request: members.request, imageID: F.alpha.id, .success(F.alphaMembers)))
        #expect(console.member("proj-b")?.transition?.operationID == operation)
        console.send(.memberUpdated(operation: operation, Self.accepted(F.alpha.id, "proj-b")))
        #expect(console.member("proj-b")?.member.status == "accepted")
    }

    @Test func myRowInTheMembersPaneIsProtectedToo() throws {
        var console = F.connected()
        console.openMembers(of: F.gamma.id, F.myRow(F.gamma, "pending"))
        let refresh = console.key(.character("R"))
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, Self.accepted(F.gamma.id)))
        let members = try #require(refresh.membersRequests.first)
        console.send(.membersLoaded(request: members.request, imageID: F.gamma.id, .success(F.myRow(F.gamma, "pending"))))
        console.send(.membershipsLoaded(request: refresh.membershipsRequests[0], .success(F.memberships)))
        #expect(console.member(F.me)?.member.status == "accepted")
        #expect(console.membership(F.gamma.id)?.status == "accepted")
    }

    @Test func aMemberChangedElsewhereIsHighlightedAndLogged() throws {
        var console = F.connected()
        let refresh = console.key(.character("R"))
        var changed = F.alphaMembers
        changed[1].status = "rejected"                              // proj-c, accepted before
        let members = try #require(refresh.membersRequests.first)
        let effects = console.send(.membersLoaded(request: members.request, imageID: F.alpha.id, .success(changed)))
        #expect(console.member("proj-c")?.member.status == "rejected")
        #expect(console.member("proj-c")?.highlight == Highlight(kind: .external, until: console.now.addingTimeInterval(1.5)))
        #expect(console.member("proj-b")?.highlight == nil)
        #expect(effects.recorded == [ActivityEntry(time: console.now, imageID: F.alpha.id, imageName: "alpha", memberID: "proj-c",
                                                   from: "accepted", to: "rejected", outcome: .seen, place: F.place, user: F.user)])
    }

    @Test func membersAddedOrRemovedElsewhereAppearAndDisappear() throws {
        var console = F.connected()
        let refresh = console.key(.character("R"))
        let members = try #require(refresh.membersRequests.first)
        let changed = [F.alphaMembers[0], ImageMember(imageID: F.alpha.id, memberID: "proj-new", status: "pending")]
        console.send(.membersLoaded(request: members.request, imageID: F.alpha.id, .success(changed)))
        #expect(console.state.members.rows.map(\.key).sorted() == ["proj-b", "proj-new"])
    }

    @Test func aRemovalIsNotUndoneByARefreshRequestedBeforeIt() throws {
        var console = F.connected()
        console.focus(.members)
        let refresh = console.key(.character("R"))                 // still lists proj-b
        console.answerImagesAndMemberships(refresh)
        console.press("d")
        let operation = try #require(console.press("y").removals.first).operation
        console.send(.memberRemoved(operation: operation, .success(())))
        #expect(console.member("proj-b") == nil)
        let members = try #require(refresh.membersRequests.first)
        console.send(.membersLoaded(request: members.request, imageID: F.alpha.id, .success(F.alphaMembers)))
        #expect(console.member("proj-b") == nil)
        #expect(console.state.members.rows.count == 2)

        // A later refresh that lists it again (shared again elsewhere) shows it.
        let later = console.key(.character("R"))
        let again = try #require(later.membersRequests.first)
        console.send(.membersLoaded(request: again.request, imageID: F.alpha.id, .success(F.alphaMembers)))
        #expect(console.member("proj-b") != nil)
    }

    @Test func anAdditionIsNotUndoneByARefreshRequestedBeforeIt() throws {
        var console = F.connected()
        console.focus(.members)
        let refresh = console.key(.character("R"))                 // does not list proj-x yet
        console.answerImagesAndMemberships(refresh)
        console.press("+")
        console.type("proj-x")
        let operation = try #require(console.key(.enter).additions.first).operation
        console.send(.memberAdded(operation: operation, .success(ImageMember(imageID: F.alpha.id, memberID: "proj-x", status: "pending"))))
        let members = try #require(refresh.membersRequests.first)
        console.send(.membersLoaded(request: members.request, imageID: F.alpha.id, .success(F.alphaMembers)))
        #expect(console.member("proj-x")?.member.status == "pending")
        #expect(console.member("proj-x")?.transition == nil)

        // A refresh requested after the addition is the truth: removed elsewhere since.
        let later = console.key(.character("R"))
        let again = try #require(later.membersRequests.first)
        console.send(.membersLoaded(request: again.request, imageID: F.alpha.id, .success(F.alphaMembers)))
        #expect(console.member("proj-x") == nil)
    }

    @Test func aMembersAnswerForAnImageNoLongerShownIsIgnored() throws {
        var console = F.connected()
        let refresh = console.key(.character("R"))
        let members = try #require(refresh.membersRequests.first)
        #expect(members.imageID == F.alpha.id)
        console.select(F.beta.id)
        console.tick()                                              // the members pane follows: beta
        #expect(console.state.membersImageID == F.beta.id)
        console.send(.membersLoaded(request: members.request, imageID: F.alpha.id, .success(F.alphaMembers)))
        #expect(console.member("proj-b") == nil)
        #expect(console.state.members.rows.isEmpty)
    }
}
