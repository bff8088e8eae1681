import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Read-only mode")
struct ReadOnlyTests {
    typealias F = ConsoleFixture

    struct Case: Sendable, CustomTestStringConvertible {
        var pane: PaneID
        var key: Character
        var testDescription: String { "'\(key)' in \(pane)" }
    }

    static let cases: [Case] = [PaneID.images, .members, .memberships].flatMap { pane in
        (["a", "r", "p", "+", "d"] as [Character]).map { Case(pane: pane, key: $0) }
    }

    @Test(arguments: cases)
    func everyMutatingActionIsRefusedWithAMessage(_ c: Case) {
        var console = F.connected(settings: ConsoleSettings(readOnly: true), admin: true)
        #expect(console.state.isReadOnly)
        console.focus(c.pane)
        if c.pane == .images { console.select(F.gamma.id) }
        let before = console.state
        let effects = console.press(c.key)
        #expect(effects.isEmpty)
        #expect(console.state.operations.isEmpty)
        #expect(console.state.overlay == .none)
        #expect(console.state.members == before.members)
        #expect(console.state.memberships == before.memberships)
        #expect(console.state.images == before.images)
        #expect(console.state.flash?.level == .warning)
        #expect(console.state.flash?.text.hasPrefix("read-only: ") == true)
        #expect(console.state.flash?.text.contains("is disabled") == true)
    }

    @Test func remappedMutatingKeysAreRefusedToo() {
        let keys = KeyMap(overrides: [.accept: [.control("a")]])
        var console = F.connected(settings: ConsoleSettings(keyMap: keys, readOnly: true))
        console.focus(.memberships)
        #expect(console.key(.control("a")).isEmpty)
        #expect(console.state.flash?.text == "read-only: accept is disabled")
    }

    @Test func markedRowsAreNotChangedEither() {
        var console = F.connected(settings: ConsoleSettings(readOnly: true))
        console.focus(.memberships)
        console.press(" ")
        console.press(" ")
        #expect(console.press("a").isEmpty)
        #expect(console.state.memberships.rows.allSatisfy { $0.transition == nil })
    }

    @Test func readingStillWorks() {
        var console = F.connected(settings: ConsoleSettings(readOnly: true))
        console.press("j")
        #expect(console.selectedKey == F.beta.id)
        #expect(console.key(.character("R")).loadCount == 3)
        console.press("s")
        #expect(console.state.images.sortColumn == 1)
        console.press("/")
        console.type("gam")
        console.key(.enter)
        #expect(console.state.images.visibleRows.map(\.key) == [F.gamma.id])
        console.key(.tab)
        #expect(console.state.focus == .members)
        console.press("q")
        #expect(console.state.shouldExit)
    }

    @Test func aSharePromptLeftOpenCannotShareOnceReadOnly() {
        // Settings cannot change at run time today, but the prompt checks again before it sends anything.
        var console = F.connected()
        console.press("+")
        console.type("proj-x")
        console.state.settings.readOnly = true
        #expect(console.key(.enter).isEmpty)
        #expect(console.state.operations.isEmpty)
    }
}
