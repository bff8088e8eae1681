import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Quitting")
struct QuitTests {
    typealias F = ConsoleFixture

    @Test(arguments: [KeyPress.character("q"), .function(10)])
    func quitsAtOnceWhenIdle(_ key: KeyPress) {
        var console = F.connected()
        #expect(console.key(key) == [.quit])
        #expect(console.state.shouldExit)
    }

    @Test func loadsInFlightDoNotHoldTheExit() {
        var console = F.connected()
        console.key(.character("R"))
        #expect(console.press("q") == [.quit])
    }

    @Test func quitsBeforeConnecting() {
        var console = F()
        #expect(console.press("q") == [.quit])
    }

    @Test func waitsForOperationsInFlightAndSaysWhich() throws {
        var console = F.connected()
        console.focus(.memberships)
        let operation = try #require(console.press("a").updates.first).operation
        #expect(console.press("q").isEmpty)
        #expect(!console.state.shouldExit)
        #expect(console.state.quitRequestedAt == console.now)
        let flash = try #require(console.state.flash)
        #expect(flash.level == .warning)
        #expect(flash.text == "waiting up to 3 s for 1 operation(s): gamma: pending → accepted")

        #expect(console.tick().isEmpty)
        #expect(!console.state.shouldExit)
        console.send(.memberUpdated(operation: operation, .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "accepted"))))
        #expect(console.tick() == [.quit])
        #expect(console.state.shouldExit)
        // The answer was recorded before leaving.
        #expect(console.state.activity.map(\.outcome) == [.done])
    }

    @Test func givesUpAfterThreeSecondsOfTicks() throws {
        var console = F.connected()
        console.focus(.members)
        console.press("d")
        console.press("y")
        console.press("q")
        #expect(console.state.flash?.text.contains("remove proj-b from alpha") == true)
        #expect(console.tick(1).isEmpty)
        #expect(console.tick(1.5).isEmpty)
        #expect(console.tick(0.5) == [.quit])
        #expect(console.state.shouldExit)
    }

    @Test func aSecondQDoesNotRestartTheWait() throws {
        var console = F.connected()
        console.focus(.memberships)
        console.press("a")
        console.press("q")
        console.tick(2)
        console.press("q")
        #expect(console.tick(1) == [.quit])
    }

    @Test func namesEveryPendingOperation() {
        var console = F.connected()
        console.focus(.memberships)
        console.press("a")
        console.press("j")
        console.press("r")
        console.focus(.members)
        console.press("+")
        console.type("proj-x")
        console.key(.enter)
        console.press("q")
        let text = console.state.flash?.text ?? ""
        #expect(text.hasPrefix("waiting up to 3 s for 3 operation(s): "))
        #expect(text.contains("gamma: pending → accepted"))
        #expect(text.contains("delta: accepted → rejected"))
        #expect(text.contains("share alpha with proj-x"))
    }

    @Test func quitFromTheCommandLineWaitsToo() {
        var console = F.connected()
        console.focus(.memberships)
        console.press("a")
        console.press(":")
        console.type("q")
        #expect(console.key(.enter).isEmpty)
        #expect(console.state.quitRequestedAt != nil)
    }
}
