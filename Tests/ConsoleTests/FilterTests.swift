import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Filter with /")
struct FilterTests {
    typealias F = ConsoleFixture

    static func filterPrompt(_ console: F) -> Prompt? {
        if case let .prompt(prompt) = console.state.overlay, case .filter = prompt.kind { return prompt }
        return nil
    }

    @Test func slashOpensAFilterPromptForTheFocusedPane() {
        var console = F.connected()
        console.focus(.memberships)
        console.press("/")
        #expect(Self.filterPrompt(console)?.kind == .filter(.memberships))
        #expect(Self.filterPrompt(console)?.label == "/")
    }

    @Test func theFilterAppliesAsYouType() {
        var console = F.connected()
        console.press("/")
        console.press("e")
        #expect(console.state.images.visibleRows.map(\.image.name) == ["alpha", "beta", "delta", "epsilon", "gamma"])
        console.type("ps")
        #expect(console.state.images.visibleRows.map(\.image.name) == ["epsilon"])
        console.key(.backspace)
        console.key(.backspace)
        console.press("l")
        #expect(console.state.images.visibleRows.map(\.image.name) == ["delta"])
        #expect(console.state.images.filter == RowFilter(text: "el"))
        #expect(console.state.images.rows.count == 5)
    }

    @Test(arguments: ["GAMMA", "Gam", "gAmMa"])
    func theFilterIgnoresCase(_ text: String) {
        var console = F.connected()
        console.press("/")
        console.type(text)
        #expect(console.state.images.visibleRows.map(\.key) == [F.gamma.id])
    }

    @Test func theFilterMatchesIDs() {
        var console = F.connected()
        console.press("/")
        console.type("IMG-DEL")
        #expect(console.state.images.visibleRows.map(\.key) == [F.delta.id])
    }

    @Test func theFilterMatchesStatusesInEveryPane() {
        var console = F.connected()
        console.press("/")
        console.type("rejected")                                   // my status of epsilon
        console.key(.enter)
        #expect(console.state.images.visibleRows.map(\.key) == [F.epsilon.id])

        console.focus(.members)
        console.press("/")
        console.type("Accepted")
        console.key(.enter)
        #expect(console.state.members.visibleRows.map(\.key) == ["proj-c"])

        console.focus(.memberships)
        console.press("/")
        console.type("pending")
        console.key(.enter)
        #expect(console.state.memberships.visibleRows.map(\.key) == [F.gamma.id])
    }

    @Test func theFilterMatchesMemberIDs() {
        var console = F.connected()
        console.focus(.members)
        console.press("/")
        console.type("PROJ-D")
        #expect(console.state.members.visibleRows.map(\.key) == ["proj-d"])
    }

    @Test func bangInvertsTheFilter() {
        var console = F.connected()
        console.focus(.memberships)
        console.press("/")
        console.type("!pending")
        #expect(console.state.memberships.filter == RowFilter(text: "pending", inverted: true))
        #expect(console.state.memberships.visibleRows.map(\.key) == [F.delta.id, F.epsilon.id])
    }

    @Test func aLoneBangHidesNothing() {
        var console = F.connected()
        console.press("/")
        console.press("!")
        #expect(console.state.images.visibleRows.count == 5)
        console.type("gamma")
        #expect(console.state.images.visibleRows.count == 4)
    }

    @Test func enterKeepsTheFilterAndSlashReopensIt() {
        var console = F.connected()
        console.press("/")
        console.type("!gam")
        console.key(.enter)
        #expect(console.state.overlay == .none)
        #expect(console.state.images.visibleRows.count == 4)
        console.press("/")
        #expect(Self.filterPrompt(console)?.text == "!gam")
        #expect(console.state.images.visibleRows.count == 4)
    }

    @Test func escapeInThePromptClearsTheFilter() {
        var console = F.connected()
        console.press("/")
        console.type("gam")
        console.key(.escape)
        #expect(console.state.overlay == .none)
        #expect(console.state.images.filter == nil)
        #expect(console.state.images.visibleRows.count == 5)
    }

    @Test func escapeAfterwardsClearsTheFilterToo() {
        var console = F.connected()
        console.press("/")
        console.type("gam")
        console.key(.enter)
        console.key(.escape)
        #expect(console.state.images.filter == nil)
        #expect(console.state.images.visibleRows.count == 5)
        #expect(console.state.focus == .images)
    }

    @Test func escapeInMembersClearsTheFilterBeforeLeavingThePane() {
        var console = F.connected()
        console.focus(.members)
        console.press("/")
        console.type("proj-c")
        console.key(.enter)
        console.key(.escape)
        #expect(console.state.members.filter == nil)
        #expect(console.state.focus == .members)
        console.key(.escape)
        #expect(console.state.focus == .images)
    }

    @Test func erasingEverythingRemovesTheFilter() {
        var console = F.connected()
        console.press("/")
        console.type("ga")
        console.key(.backspace)
        console.key(.backspace)
        #expect(console.state.images.filter == nil)
        #expect(Self.filterPrompt(console) != nil)
        console.key(.backspace)
        #expect(console.state.overlay == .none)
        #expect(console.state.images.visibleRows.count == 5)
    }

    @Test func theCursorStaysOnItsRowWhenItIsStillShown() {
        var console = F.connected()
        console.select(F.epsilon.id)
        console.press("/")
        console.type("ep")
        #expect(console.selectedKey == F.epsilon.id)
        console.key(.escape)
        #expect(console.selectedKey == F.epsilon.id)
        #expect(console.state.images.cursor == 3)
    }

    @Test func aFilterMatchingNothingLeavesNoSelection() {
        var console = F.connected()
        console.press("/")
        console.type("zzz")
        #expect(console.state.images.visibleRows.isEmpty)
        #expect(console.state.images.selected == nil)
        console.key(.enter)
        #expect(console.press("a").isEmpty)
        #expect(console.key(.enter).isEmpty)
    }

    @Test func eachPaneHasItsOwnFilter() {
        var console = F.connected()
        console.press("/")
        console.type("gam")
        console.key(.enter)
        console.focus(.memberships)
        #expect(console.state.memberships.filter == nil)
        #expect(console.state.memberships.visibleRows.count == 3)
        console.press("/")
        #expect(Self.filterPrompt(console)?.text == "")
    }

    @Test func theFilterHoldsAcrossARefresh() {
        var console = F.connected()
        console.press("/")
        console.type("gam")
        console.key(.enter)
        let refresh = console.key(.character("R"))
        console.answerImagesAndMemberships(refresh)
        #expect(console.state.images.visibleRows.map(\.key) == [F.gamma.id])
    }

    @Test func aRowThatStopsMatchingLeavesTheFilteredView() throws {
        var console = F.connected()
        console.focus(.memberships)
        console.press("/")
        console.type("pending")
        console.key(.enter)
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "accepted"))))
        #expect(console.state.memberships.visibleRows.isEmpty)
    }

    @Test func rowFilterParsing() {
        #expect(RowFilter(typed: "") == nil)
        #expect(RowFilter(typed: "!") == nil)
        #expect(RowFilter(typed: "abc") == RowFilter(text: "abc"))
        #expect(RowFilter(typed: "!abc") == RowFilter(text: "abc", inverted: true))
        #expect(RowFilter(typed: "!abc")?.typed == "!abc")
        #expect(RowFilter(text: "Ab").matches(["xaBy"]))
        #expect(!RowFilter(text: "Ab").matches(["xy", "b"]))
        #expect(!RowFilter(text: "ab", inverted: true).matches(["cab"]))
        #expect(RowFilter(text: "ab", inverted: true).matches(["cb"]))
    }
}
