import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Connecting and loading")
struct ConnectionTests {
    typealias F = ConsoleFixture

    @Test func connectedStartsImagesAndMembershipsLoadsWithTheSessionProject() {
        var console = F()
        let effects = console.send(.connected(F.session()))
        #expect(effects == [
            .loadRows(request: 1, connection: console.state.session?.connection, pane: .images, parent: nil, scope: .mine),
            .loadRows(request: 2, connection: console.state.session?.connection, pane: .memberships, parent: nil, scope: .mine),
        ])
        #expect(console.state.session == F.session())
        #expect(console.state.loads == [1: .records(pane: .images, parentKey: nil, requestedAt: 1), 2: .records(pane: .memberships, parentKey: nil, requestedAt: 1)])
        #expect(console.state.images.loading == .loading(count: 0))
        #expect(console.state.memberships.loading == .loading(count: 0))
        #expect(console.state.isBusy)
        #expect(console.state.nextRefresh == F.t0.addingTimeInterval(10))
    }

    @Test func connectedUsesTheSessionsProjectIDNotItsName() {
        var console = F()
        var info = F.session()
        info.projectID = "0123456789abcdef"
        let effects = console.send(.connected(info))
        #expect(effects.contains(.loadRows(request: 1, connection: console.state.session?.connection, pane: .images, parent: nil, scope: .mine)))
        #expect(effects.contains(.loadRows(request: 2, connection: console.state.session?.connection, pane: .memberships, parent: nil, scope: .mine)))
    }

    @Test func connectionFailureIsShownAndFlashed() {
        var console = F()
        let effects = console.send(.connectionFailed("cannot connect to keystone:5000: connection refused"))
        #expect(effects.isEmpty)
        #expect(console.state.connectionError == "cannot connect to keystone:5000: connection refused")
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("connection refused") == true)
        console.send(.connected(F.session()))
        #expect(console.state.connectionError == nil)
    }

    @Test("a failed login is tried again by itself, waiting 2, 4, 8… seconds (up to a minute), with no key pressed")
    func aFailedLoginIsRetried() {
        var console = F()
        console.send(.connectionFailed("cannot connect to keystone:5000: connection refused"))
        #expect(console.state.freshness.retryAt == F.t0.addingTimeInterval(2))
        #expect(console.tick(1.5).isEmpty)
        #expect(console.tick(0.5) == [.connect])
        console.send(.connectionFailed("cannot connect to keystone:5000: connection refused"))
        #expect(console.state.freshness.retryAt == console.state.now.addingTimeInterval(4))
        #expect((1...10).map { Freshness.delay(afterFailures: $0) } == [2, 4, 8, 16, 32, 60, 60, 60, 60, 60])
        // Back: logged in, no more tries, and the panes load.
        let loads = console.send(.connected(F.session()))
        #expect(console.state.freshness.retryAt == nil && console.state.connectionError == nil)
        #expect(loads.imagesRequests.count == 1 && loads.membershipsRequests.count == 1)
    }

    @Test func connectingToAnotherCloudStartsFromEmptyPanes() throws {
        var console = F.connected(settings: ConsoleSettings(availableClouds: ["test", "prod"]))
        #expect(console.state.members.rows.count == 3)
        let old = console.key(.character("R"))                     // still in flight when the cloud changes
        console.press(":")
        console.type("cloud prod")
        #expect(console.key(.enter) == [.switchCloud("prod")])
        var prod = F.session()
        prod.cloud = "prod"
        prod.projectID = "proj-prod"
        let effects = console.send(.connected(prod))
        #expect(effects == [
            .loadRows(request: try #require(effects.imagesRequests.first), connection: console.state.session?.connection, pane: .images, parent: nil, scope: .mine),
            .loadRows(request: try #require(effects.membershipsRequests.first), connection: console.state.session?.connection, pane: .memberships, parent: nil, scope: .mine),
        ])
        #expect(console.state.images.rows.isEmpty)
        #expect(console.state.members.rows.isEmpty)
        #expect(console.state.memberships.rows.isEmpty)
        #expect(console.state.membersImageID == nil)
        #expect(console.state.session?.cloud == "prod")
        #expect(console.state.flash?.text == "connected to prod")
        // The previous cloud's answers are dropped.
        console.answerImagesAndMemberships(old)
        #expect(console.state.images.rows.isEmpty)
        #expect(console.state.memberships.rows.isEmpty)
    }

    @Test("after :cloud with the members pane focused, the members of the selected image load at once (not 'select an image')")
    func membersFollowAfterSwitchingCloudFromTheMembersPane() throws {
        var console = F.connected(settings: ConsoleSettings(availableClouds: ["test", "prod"]))
        console.focus(.members)
        var prod = F.session()
        prod.cloud = "prod"
        prod.connection = ConnectionID(cloud: "prod")
        let effects = console.send(.connected(prod))
        console.answerImagesAndMemberships(effects)
        let follow = console.tick()
        let request = try #require(follow.membersRequests.first, "no members load after the switch")
        #expect(request.imageID == console.state.images.selected?.image.id)
    }

    @Test func reconnectingToTheSameCloudKeepsWhatIsShown() {
        var console = F.connected()
        let effects = console.send(.connected(F.session()))
        #expect(effects.loadCount == 2)
        #expect(console.state.images.rows.count == 5)
        #expect(console.state.members.rows.count == 3)
    }

    @Test func theFixtureIsConnectedWithEveryPaneLoaded() {
        let console = F.connected()
        #expect(console.state.images.visibleRows.map(\.image.name) == ["alpha", "beta", "delta", "epsilon", "gamma"])
        #expect(console.state.memberships.visibleRows.map(\.image.name) == ["gamma", "delta", "epsilon"])
        #expect(console.state.members.visibleRows.map(\.member.memberID) == ["proj-b", "proj-c", "proj-d"])
        #expect(console.state.membersImageID == F.alpha.id)
        #expect(console.state.loads.isEmpty)
        #expect(console.state.operations.isEmpty)
        #expect(console.state.images.loading == .idle)
        #expect(console.state.members.loading == .idle)
        #expect(console.state.memberships.loading == .idle)
        #expect(console.state.focus == .images)
        #expect(console.state.flash == nil)
    }

    @Test func imagesLoadMarksOwnImagesAndMyStatusOfSharedOnes() {
        let console = F.connected()
        #expect(console.image(F.alpha.id)?.isOwn == true)
        #expect(console.image(F.alpha.id)?.myStatus == nil)
        #expect(console.image(F.beta.id)?.isOwn == true)
        #expect(console.image(F.gamma.id)?.isOwn == false)
        #expect(console.image(F.gamma.id)?.myStatus == "pending")
        #expect(console.image(F.delta.id)?.myStatus == "accepted")
        #expect(console.image(F.epsilon.id)?.myStatus == "rejected")
    }

    @Test func imagesLoadedBeforeMembershipsGetMyStatusWhenMembershipsArrive() {
        var console = F()
        let loads = console.send(.connected(F.session()))
        console.send(.imagesLoaded(request: loads.imagesRequests[0], .success(F.images)))
        #expect(console.image(F.gamma.id)?.myStatus == nil)
        #expect(console.image(F.gamma.id)?.isOwn == false)
        console.send(.membershipsLoaded(request: loads.membershipsRequests[0], .success(F.memberships)))
        #expect(console.image(F.gamma.id)?.myStatus == "pending")
        #expect(console.image(F.delta.id)?.myStatus == "accepted")
        #expect(console.image(F.alpha.id)?.myStatus == nil)
    }

    @Test func aPublicImageOfAnotherProjectHasNoStatus() {
        let public1 = Image(id: "img-pub", name: "ubuntu", visibility: "public", owner: "proj-admin")
        let console = F.connected(images: F.images + [public1])
        #expect(console.image("img-pub")?.isOwn == false)
        #expect(console.image("img-pub")?.myStatus == nil)
    }

    @Test func imagesProgressShowsTheCountOfTheLoadInFlightOnly() {
        var console = F()
        let loads = console.send(.connected(F.session()))
        console.send(.imagesProgress(request: loads.imagesRequests[0], count: 350))
        #expect(console.state.images.loading == .loading(count: 350))
        console.send(.imagesProgress(request: 999, count: 7))
        #expect(console.state.images.loading == .loading(count: 350))
        console.send(.imagesLoaded(request: loads.imagesRequests[0], .success(F.images)))
        #expect(console.state.images.loading == .idle)
        console.send(.imagesProgress(request: loads.imagesRequests[0], count: 1))
        #expect(console.state.images.loading == .idle)
    }

    @Test func imagesLoadFailureIsShownInThePaneAndFlashed() {
        var console = F()
        let loads = console.send(.connected(F.session()))
        console.send(.imagesLoaded(request: loads.imagesRequests[0], .failure(F.httpError(503, "Glance is down"))))
        guard case let .failed(message) = console.state.images.loading else {
            Issue.record("expected a failed load, got \(console.state.images.loading)")
            return
        }
        #expect(message.contains("Glance is down"))
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("Glance is down") == true)
        #expect(console.state.flash?.text.contains("req-42") == true)
        #expect(console.state.loads[loads.imagesRequests[0]] == nil)
    }

    @Test func membershipsLoadFailureIsShownAndKeepsTheRowsItHad() {
        var console = F.connected()
        let loads = console.key(.character("R"))
        console.send(.membershipsLoaded(request: loads.membershipsRequests[0], .failure(F.httpError(500, "boom"))))
        #expect(console.state.memberships.loading == .failed(F.httpError(500, "boom").description))
        #expect(console.state.memberships.rows.count == 3)
        #expect(console.state.flash?.text.contains("boom") == true)
    }

    @Test func membersLoadFailureIsFlashedAndKeepsRowsOnARefresh() {
        var console = F.connected()
        let loads = console.key(.character("R"))
        let members = loads.membersRequests[0]
        console.send(.membersLoaded(request: members.request, imageID: members.imageID, .failure(F.httpError(504, "timed out"))))
        #expect(console.state.members.loading == .failed(F.httpError(504, "timed out").description))
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("timed out") == true)
        #expect(console.state.members.rows.count == 3)
    }

    @Test func resultsOfUnknownRequestsAreIgnored() {
        var console = F.connected()
        let before = console.state
        #expect(console.send(.imagesLoaded(request: 77, .success([]))).isEmpty)
        #expect(console.send(.membershipsLoaded(request: 78, .success([]))).isEmpty)
        #expect(console.send(.membersLoaded(request: 79, imageID: F.alpha.id, .success([]))).isEmpty)
        #expect(console.send(.memberUpdated(operation: 80, .success(F.alphaMembers[0]))).isEmpty)
        #expect(console.send(.memberAdded(operation: 81, .success(F.alphaMembers[0]))).isEmpty)
        #expect(console.send(.memberRemoved(operation: 82, .success(()))).isEmpty)
        #expect(console.state.images == before.images)
        #expect(console.state.members == before.members)
        #expect(console.state.memberships == before.memberships)
        #expect(console.state.activity.isEmpty)
    }

    @Test func aResultAnsweredTwiceIsAppliedOnce() {
        var console = F()
        let loads = console.send(.connected(F.session()))
        console.send(.imagesLoaded(request: loads.imagesRequests[0], .success(F.images)))
        console.send(.imagesLoaded(request: loads.imagesRequests[0], .success([])))
        #expect(console.state.images.rows.count == 5)
    }

    @Test func retryingShowsTheWaitUntilItIsOver() {
        var console = F.connected()
        #expect(console.send(.retrying(delay: 2, status: 413)).isEmpty)
        #expect(console.state.retryWait == RetryStatus(until: console.now.addingTimeInterval(2), status: 413))
        console.tick(1.5)
        #expect(console.state.retryWait != nil)
        console.tick(0.5)
        #expect(console.state.retryWait == nil)
    }

    @Test func resizeSetsTheSizeAndEveryPaneHeight() {
        var console = F()
        console.send(.resize(width: 80, height: 24, paneHeights: [.images: 7, .members: 3, .memberships: 4]))
        #expect(console.state.width == 80)
        #expect(console.state.height == 24)
        #expect(console.state.images.height == 7)
        #expect(console.state.members.height == 3)
        #expect(console.state.memberships.height == 4)
        console.send(.resize(width: 100, height: 30, paneHeights: [.images: 0]))
        #expect(console.state.images.height == 1)
        #expect(console.state.members.height == 3)
    }

    @Test func beforeConnectingRefreshAsksToConnectAndWritesDoNothing() {
        var console = F()
        #expect(console.key(.character("R")) == [.connect])
        #expect(console.key(.character("a")).isEmpty)
        #expect(console.key(.character("+")).isEmpty)
        #expect(console.key(.character("d")).isEmpty)
        #expect(console.tick(60).isEmpty)
        #expect(console.state.operations.isEmpty)
    }

    @Test func ticksCountForTheSpinnerAndCarryTheClock() {
        var console = F.connected()
        let count = console.state.tickCount
        console.tick(0.5)
        #expect(console.state.tickCount == count + 1)
        #expect(console.state.now == console.now)
    }

    @Test func everyEventAdvancesTheLogicalClock() {
        var console = F()
        let start = console.state.sequence
        console.send(.resize(width: 80, height: 24, paneHeights: [:]))
        console.key(.character("j"))
        console.tick()
        #expect(console.state.sequence == start + 3)
    }
}
