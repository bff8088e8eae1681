import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Key map and remapping")
struct KeyMapTests {
    typealias F = ConsoleFixture

    @Test func everyActionHasADefaultKeyAndNoKeyIsBoundTwice() {
        let map = KeyMap()
        for action in Action.allCases {
            #expect(!map.keys(for: action).isEmpty, "\(action) has no key")
            for key in map.keys(for: action) { #expect(map.action(for: key) == action) }
        }
        let all = KeyMap.defaults.values.flatMap { $0 }
        #expect(Set(all).count == all.count)
    }

    @Test func theDefaultsFollowTheIssue() {
        let map = KeyMap()
        let expected: [(KeyPress, Action)] = [
            (.character("a"), .accept), (.character("r"), .reject), (.character("p"), .pending),
            (.character("+"), .share), (.character("d"), .remove), (.character(" "), .mark),
            (.character("/"), .filter), (.character(":"), .command), (.character("?"), .help),
            (.character("s"), .sort), (.character("R"), .refresh), (.character("L"), .log), (.character("q"), .quit),
            (.character("j"), .down), (.character("k"), .up), (.character("g"), .top), (.character("G"), .bottom),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.tab, .nextPane), (.backTab, .previousPane),
            (.character("h"), .paneLeft), (.character("l"), .paneRight), (.enter, .open), (.escape, .back),
            (.up, .up), (.down, .down), (.function(5), .refresh), (.function(10), .quit), (.function(1), .help),
        ]
        for (key, action) in expected { #expect(map.action(for: key) == action, "\(key.label)") }
        #expect(map.action(for: .character("x")) == nil)
        #expect(map.label(for: .accept) == "a")
        #expect(map.label(for: .mark) == "space")
    }

    @Test func aRemappedKeyTriggersTheActionAndTheOldOneNoLonger() {
        let map = KeyMap(overrides: [.accept: [.character("y"), .control("a")]])
        #expect(map.action(for: .character("y")) == .accept)
        #expect(map.action(for: .control("a")) == .accept)
        #expect(map.action(for: .character("a")) == nil)
        #expect(map.keys(for: .accept) == [.character("y"), .control("a")])
        #expect(map.label(for: .accept) == "y")
    }

    @Test func aKeyGivenToAnotherActionLeavesItsOldAction() {
        let map = KeyMap(overrides: [.reject: [.character("a")]])
        #expect(map.action(for: .character("a")) == .reject)
        #expect(map.action(for: .character("r")) == nil)
        #expect(map.keys(for: .accept).isEmpty)
        #expect(map.label(for: .accept) == nil)
        #expect(map.keys(for: .reject) == [.character("a")])
    }

    @Test func swappingTwoKeysWorks() {
        let map = KeyMap(overrides: [.accept: [.character("r")], .reject: [.character("a")]])
        #expect(map.action(for: .character("r")) == .accept)
        #expect(map.action(for: .character("a")) == .reject)
    }

    @Test func theConsoleUsesTheRemappedKey() throws {
        let settings = ConsoleSettings(keyMap: KeyMap(overrides: [.accept: [.character("y")]]))
        var console = F.connected(settings: settings)
        console.focus(.memberships)
        #expect(console.press("a").isEmpty)
        #expect(console.state.operations.isEmpty)
        let update = try #require(console.press("y").updates.first)
        #expect(update.status == .accepted)
        #expect(update.imageID == F.gamma.id)
    }

    @Test func theOldDefaultKeyRunsTheActionItWasGivenTo() throws {
        let settings = ConsoleSettings(keyMap: KeyMap(overrides: [.reject: [.character("a")]]))
        var console = F.connected(settings: settings)
        console.focus(.memberships)
        #expect(console.press("r").isEmpty)
        #expect(try #require(console.press("a").updates.first).status == .rejected)
    }

    @Test func remappedMovementAndQuit() {
        let settings = ConsoleSettings(keyMap: KeyMap(overrides: [.down: [.character("n")], .quit: [.control("q")]]))
        var console = F.connected(settings: settings)
        console.press("j")
        #expect(console.selectedKey == F.alpha.id)
        console.press("n")
        #expect(console.selectedKey == F.beta.id)
        #expect(console.press("q").isEmpty)
        #expect(!console.state.shouldExit)
        #expect(console.key(.control("q")) == [.quit])
        #expect(console.state.shouldExit)
    }

    @Test func theHelpOverlayClosesWithTheRemappedHelpKey() {
        let settings = ConsoleSettings(keyMap: KeyMap(overrides: [.help: [.character("H")]]))
        var console = F.connected(settings: settings)
        console.press("?")
        #expect(console.state.overlay == .none)
        console.press("H")
        #expect(console.state.overlay == .help)
        console.press("?")
        #expect(console.state.overlay == .help)
        console.press("H")
        #expect(console.state.overlay == .none)
    }

    @Test func anEmptyOverrideUnbindsTheAction() {
        let map = KeyMap(overrides: [.quit: []])
        #expect(map.action(for: .character("q")) == nil)
        #expect(map.action(for: .function(10)) == nil)
        #expect(map.keys(for: .quit).isEmpty)
    }

    @Test(arguments: [
        ("space", KeyPress.character(" ")), ("enter", .enter), ("Return", .enter), ("esc", .escape), ("tab", .tab),
        ("shift-tab", .backTab), ("btab", .backTab), ("up", .up), ("PgDn", .pageDown), ("pgup", .pageUp), ("home", .home),
        ("end", .end), ("f5", .function(5)), ("F12", .function(12)), ("ctrl-r", .control("r")), ("Ctrl-A", .control("a")),
        ("backspace", .backspace), ("del", .delete), ("a", .character("a")), ("A", .character("A")), ("?", .character("?")),
        ("+", .character("+")), ("f", .character("f")),
    ])
    func keyNamesFromTheConfigParse(_ name: String, _ key: KeyPress) {
        #expect(KeyPress(name: name) == key)
    }

    @Test(arguments: ["", "ctrl-", "ctrl-1", "ctrl-ab", "f0", "f25", "foo", " "])
    func wrongKeyNamesAreRefused(_ name: String) {
        #expect(KeyPress(name: name) == nil)
    }

    @Test func keyLabelsAreReadable() {
        #expect(KeyPress.character(" ").label == "space")
        #expect(KeyPress.control("r").label == "ctrl-r")
        #expect(KeyPress.function(5).label == "f5")
        #expect(KeyPress.backTab.label == "shift-tab")
        #expect(KeyPress.pageDown.label == "pgdn")
        #expect(KeyPress.character("G").label == "G")
    }

    @Test func onlyWritesAreMutating() {
        #expect(Set(Action.allCases.filter(\.isMutating)) == [.accept, .reject, .pending, .share, .remove, .toggleShare])
        #expect(Action(rawValue: "page-down") == .pageDown)
        #expect(Action.pending.summary == "reset to pending")
    }
}
