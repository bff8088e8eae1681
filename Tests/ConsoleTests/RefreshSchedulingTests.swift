import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Refresh scheduling")
struct RefreshSchedulingTests {
    typealias F = ConsoleFixture

    /// The fixture connected at t0 with the default 10 s interval; its clock is at t0 + 0.25.
    @Test func anAutomaticRefreshStartsOnTheTickWhenItIsDue() throws {
        var console = F.connected()
        #expect(console.state.nextRefresh == F.t0.addingTimeInterval(10))
        #expect(console.tick(9.5).isEmpty)                          // t0 + 9.75
        let effects = console.tick(0.25)                            // t0 + 10
        #expect(effects.imagesRequests.count == 1)
        #expect(effects.membershipsRequests.count == 1)
        #expect(effects.membersRequests.map(\.imageID) == [F.alpha.id])
        #expect(effects.contains(.loadRows(request: effects.imagesRequests[0], connection: console.state.session?.connection, pane: .images, parent: nil, scope: .mine)))
        #expect(effects.contains(.loadRows(request: effects.membershipsRequests[0], connection: console.state.session?.connection, pane: .memberships, parent: nil, scope: .mine)))
        #expect(console.state.nextRefresh == console.now.addingTimeInterval(10))
        #expect(console.state.loads.count == 3)
    }

    @Test func refreshesNeverOverlap() throws {
        var console = F.connected()
        let first = console.tick(9.75)
        #expect(first.loadCount == 3)
        // The first refresh hangs: no other starts, however long it takes.
        for _ in 0..<12 { #expect(console.tick(2.5).isEmpty) }
        console.answerImagesAndMemberships(first)
        #expect(console.tick().isEmpty)                            // the members load is still out
        let members = try #require(first.membersRequests.first)
        console.send(.membersLoaded(request: members.request, imageID: members.imageID, .success(F.alphaMembers)))
        let next = console.tick()
        #expect(next.loadCount == 3)
    }

    @Test func aRefreshWaitsForTheMembersLoadOfTheCursor() {
        var console = F.connected()
        console.key(.character("j"))                                // beta
        console.tick(9.5)                                           // follows the cursor: loads beta's members
        #expect(console.state.loads.count == 1)
        #expect(console.tick(0.25).isEmpty)                         // due, but a load is in flight
        let request = console.state.loads.keys.first ?? -1
        console.send(.membersLoaded(request: request, imageID: F.beta.id, .success([])))
        let effects = console.tick()
        #expect(effects.loadCount == 3)
        #expect(effects.membersRequests.map(\.imageID) == [F.beta.id])
    }

    @Test func RefreshesNowAndPostponesTheNextAutomaticOne() {
        var console = F.connected()
        console.tick(5)
        let effects = console.key(.character("R"))
        #expect(effects.loadCount == 3)
        #expect(console.state.nextRefresh == console.now.addingTimeInterval(10))
        #expect(console.state.images.loading == .idle)              // rows stay on screen while reloading
        console.answerImagesAndMemberships(effects)
        #expect(console.state.images.rows.count == 5)
    }

    @Test func RWhileLoadsAreInFlightSaysSoAndStartsNothing() {
        var console = F.connected()
        console.key(.character("R"))
        let again = console.key(.character("R"))
        #expect(again.isEmpty)
        #expect(console.state.flash?.text == "a refresh is already in progress")
        #expect(console.state.loads.count == 3)
    }

    @Test func F5RefreshesToo() {
        var console = F.connected()
        #expect(console.key(.function(5)).loadCount == 3)
    }

    @Test func refreshOffStopsAutomaticRefreshes() {
        var console = F.connected()
        console.press(":")
        console.type("refresh off")
        console.key(.enter)
        #expect(console.state.settings.refreshInterval == nil)
        #expect(console.state.nextRefresh == nil)
        #expect(console.state.flash?.text == "auto-refresh off")
        for _ in 0..<10 { #expect(console.tick(10).isEmpty) }
        // R still works.
        #expect(console.key(.character("R")).loadCount == 3)
    }

    @Test func refreshSecondsChangesTheInterval() {
        var console = F.connected()
        console.press(":")
        console.type("refresh 3")
        console.key(.enter)
        #expect(console.state.settings.refreshInterval == 3)
        #expect(console.state.nextRefresh == console.now.addingTimeInterval(3))
        #expect(console.state.flash?.text == "auto-refresh every 3 s")
        #expect(console.tick(2.75).isEmpty)
        let effects = console.tick(0.25)
        #expect(effects.loadCount == 3)
        #expect(console.state.nextRefresh == console.now.addingTimeInterval(3))
    }

    @Test func refreshOffThenOnAgain() {
        var console = F.connected()
        for command in ["refresh off", "refresh 20"] {
            console.press(":")
            console.type(command)
            console.key(.enter)
        }
        #expect(console.tick(19.75).isEmpty)
        #expect(console.tick(0.25).loadCount == 3)
    }

    @Test(arguments: ["refresh 0", "refresh 0.5", "refresh soon", "refresh", "refresh -4"])
    func aWrongIntervalIsRefused(_ command: String) {
        var console = F.connected()
        console.press(":")
        console.type(command)
        console.key(.enter)
        #expect(console.state.settings.refreshInterval == 10)
        #expect(console.state.nextRefresh == F.t0.addingTimeInterval(10))
        #expect(console.state.flash?.level == .error)
    }

    @Test func noAutomaticRefreshWhenTheSettingsTurnItOff() {
        var console = F.connected(settings: ConsoleSettings(refreshInterval: nil))
        #expect(console.state.nextRefresh == nil)
        for _ in 0..<10 { #expect(console.tick(10).isEmpty) }
    }

    @Test func noRefreshBeforeConnecting() {
        var console = F()
        for _ in 0..<5 { #expect(console.tick(10).isEmpty) }
        #expect(console.state.nextRefresh == nil)
    }

    @Test func aRefreshReloadsTheImagesScopeInUse() {
        var console = F.connected()
        console.press(":")
        console.type("images all")
        let first = console.key(.enter)
        console.send(.imagesLoaded(request: first.imagesRequests[0], .success(F.images)))
        let effects = console.key(.character("R"))
        #expect(effects.contains(.loadRows(request: effects.imagesRequests[0], connection: console.state.session?.connection, pane: .images, parent: nil, scope: .all)))
    }
}

@Suite("Waits a server asks for")
struct ServerWaitTests {
    typealias F = ConsoleFixture

    static func overLimit(_ seconds: Double) -> MembershipError {
        .http(HTTPFailure(status: 413, message: "OverLimit Retry...", requestID: nil, method: "GET", url: "https://rax/v2/images",
                          retryAfter: seconds))
    }

    @Test("a refusal naming a long wait says it, counts it down in the header, and the next try waits for it")
    func longWaitOnALoad() throws {
        var console = F.connected()
        let loads = console.key(.character("R"))
        let request = try #require(loads.imagesRequests.first)
        console.send(.imagesLoaded(request: request, .failure(Self.overLimit(120))))
        #expect(console.state.flash?.text.contains("the server asks to wait 120 s before trying again") == true)
        #expect(console.state.retryWait == RetryStatus(until: console.now.addingTimeInterval(120), status: 413))
        let retry = try #require(console.state.freshness.retryAt)
        #expect(retry >= console.now.addingTimeInterval(120), "not after the usual 2 s")
        #expect(console.tick(60).imagesRequests.isEmpty)
    }

    @Test("an operation refused with a wait rolls back, names the wait, and the header counts it down")
    func longWaitOnAnOperation() throws {
        var console = F.connected()
        console.focus(.memberships)
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, .failure(Self.overLimit(90))))
        #expect(console.state.flash?.text.hasSuffix("the server asks to wait 90 s before trying again") == true)
        #expect(console.state.retryWait?.until == console.now.addingTimeInterval(90))
        console.tick(91)
        #expect(console.state.retryWait == nil)
    }
}
