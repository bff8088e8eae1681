import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Remove with d and its confirmation")
struct RemoveTests {
    typealias F = ConsoleFixture

    static func dialog(_ console: F) -> Console.Confirmation? {
        if case let .confirm(confirmation) = console.state.overlay { return confirmation }
        return nil
    }

    /// alpha's members pane focused, cursor on proj-b, the dialog open.
    static func asking() -> F {
        var console = F.connected()
        console.focus(.members)
        console.press("d")
        return console
    }

    @Test func dOpensADialogWithTheFocusOnCancel() throws {
        let console = Self.asking()
        let dialog = try #require(Self.dialog(console))
        #expect(dialog.focusOnConfirm == false)
        #expect(dialog.removals == [MemberRemoval(imageID: F.alpha.id, memberID: "proj-b")])
        #expect(dialog.message == "Stop sharing alpha with proj-b?")
        #expect(dialog.title == "Remove")
        #expect(dialog.confirmLabel == "Remove")
        #expect(console.state.operations.isEmpty)
    }

    @Test func enterAloneCancels() {
        var console = Self.asking()
        #expect(console.key(.enter).isEmpty)
        #expect(console.state.overlay == .none)
        #expect(console.state.operations.isEmpty)
        #expect(console.member("proj-b")?.isRemoving == false)
    }

    @Test(arguments: [KeyPress.escape, .character("n"), .character("N")])
    func escapeOrNCancels(_ key: KeyPress) {
        var console = Self.asking()
        #expect(console.key(key).isEmpty)
        #expect(console.state.overlay == .none)
        #expect(console.state.operations.isEmpty)
    }

    @Test(arguments: [KeyPress.tab, .backTab, .left, .right, .character("h"), .character("l")])
    func movingTheFocusThenEnterConfirms(_ key: KeyPress) throws {
        var console = Self.asking()
        #expect(console.key(key).isEmpty)
        #expect(Self.dialog(console)?.focusOnConfirm == true)
        let effects = console.key(.enter)
        let removal = try #require(effects.removals.first)
        #expect(effects.removals.count == 1)
        #expect(removal.imageID == F.alpha.id)
        #expect(removal.memberID == "proj-b")
        #expect(console.state.overlay == .none)
        #expect(console.member("proj-b")?.isRemoving == true)
        #expect(console.state.operations[removal.operation]?.kind == .remove(imageID: F.alpha.id, memberID: "proj-b"))
    }

    @Test func tabTwiceIsBackOnCancel() {
        var console = Self.asking()
        console.key(.tab)
        console.key(.tab)
        #expect(Self.dialog(console)?.focusOnConfirm == false)
        #expect(console.key(.enter).isEmpty)
        #expect(console.state.operations.isEmpty)
    }

    @Test(arguments: [Character("y"), "Y"])
    func yConfirmsWhereverTheFocusIs(_ key: Character) {
        var console = Self.asking()
        let effects = console.press(key)
        #expect(effects.removals.map(\.memberID) == ["proj-b"])
        #expect(console.member("proj-b")?.isRemoving == true)
    }

    @Test func otherKeysAreIgnoredByTheDialog() {
        var console = Self.asking()
        #expect(console.press("q").isEmpty)
        #expect(console.press("j").isEmpty)
        #expect(!console.state.shouldExit)
        #expect(Self.dialog(console) != nil)
        #expect(console.selectedKey == "proj-b")
    }

    @Test func successRemovesTheRow() throws {
        var console = Self.asking()
        let operation = try #require(console.press("y").removals.first).operation
        let effects = console.send(.memberRemoved(operation: operation, .success(())))
        #expect(console.member("proj-b") == nil)
        #expect(console.state.members.rows.map(\.key) == ["proj-c", "proj-d"])
        #expect(console.state.operations.isEmpty)
        #expect(effects.recorded == [ActivityEntry(time: console.now, imageID: F.alpha.id, imageName: "alpha", memberID: "proj-b",
                                                   from: "pending", to: "removed", outcome: .done, place: F.place, user: F.user)])
        #expect(console.state.flash?.text == "removed proj-b from alpha")
        #expect(console.selectedKey == "proj-c")
    }

    @Test func failureRestoresTheRow() throws {
        var console = Self.asking()
        let operation = try #require(console.press("y").removals.first).operation
        let effects = console.send(.memberRemoved(operation: operation, .failure(F.httpError(403, "not the owner"))))
        let row = try #require(console.member("proj-b"))
        #expect(row.isRemoving == false)
        #expect(row.member.status == "pending")
        #expect(row.highlight == Highlight(kind: .failed, until: console.now.addingTimeInterval(1.5)))
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("not the owner") == true)
        #expect(effects.recorded.map(\.outcome) == [.failed])
        #expect(effects.recorded.first?.detail?.contains("not the owner") == true)
    }

    @Test func aFailureForAnImageNoLongerShownLeavesTheOtherImagesRowsAlone() throws {
        // proj-b is a member of two of my images; the removal from alpha fails while beta is shown.
        var console = F.connected()
        console.focus(.members)
        console.press("d")
        let operation = try #require(console.press("y").removals.first).operation
        console.openMembers(of: F.beta.id, [ImageMember(imageID: F.beta.id, memberID: "proj-b", status: "accepted")])
        let effects = console.send(.memberRemoved(operation: operation, .failure(F.httpError())))
        #expect(console.member("proj-b")?.highlight == nil)
        #expect(console.member("proj-b")?.isRemoving == false)
        #expect(console.member("proj-b")?.member.status == "accepted")
        // The log does not borrow the other image's status for alpha's member.
        #expect(effects.recorded.first?.from != "accepted")
        #expect(effects.recorded.first?.imageID == F.alpha.id)
    }

    @Test func aRowBeingRemovedTakesNoOtherAction() throws {
        var console = F.connected(admin: true)
        console.focus(.members)
        console.press("d")
        console.press("y")
        #expect(console.press("d").isEmpty)
        #expect(Self.dialog(console) == nil)
        #expect(console.press("a").isEmpty)
        #expect(console.state.operations.count == 1)
    }

    @Test func markedRowsAreRemovedTogether() throws {
        var console = F.connected()
        console.focus(.members)
        console.press(" ")
        console.press(" ")
        console.press("d")
        let dialog = try #require(Self.dialog(console))
        #expect(dialog.message == "Stop sharing alpha with 2 projects: proj-b and proj-c?")
        #expect(dialog.title == "Remove")
        #expect(dialog.removals.map(\.memberID) == ["proj-b", "proj-c"])
        let removals = console.press("y").removals
        #expect(removals.map(\.memberID) == ["proj-b", "proj-c"])
        #expect(console.state.members.marked.isEmpty)
        console.send(.memberRemoved(operation: removals[0].operation, .success(())))
        #expect(console.state.flash == nil)
        console.send(.memberRemoved(operation: removals[1].operation, .failure(F.httpError(500, "database locked"))))
        #expect(console.state.flash?.text.hasPrefix("1 removed, 1 failed: remove proj-c from alpha: ") == true)
        #expect(console.state.flash?.text.contains("database locked") == true)
        #expect(console.state.members.rows.map(\.key) == ["proj-c", "proj-d"])
        #expect(console.member("proj-c")?.isRemoving == false)
    }

    @Test(arguments: [PaneID.images, .memberships])
    func dOutsideTheMembersPaneIsRefused(_ pane: PaneID) {
        var console = F.connected()
        console.focus(pane)
        #expect(console.press("d").isEmpty)
        #expect(Self.dialog(console) == nil)
        #expect(console.state.flash?.text == "remove: focus the members pane")
    }

    @Test func dOnAnImageSharedWithMeIsRefused() {
        var console = F.connected()
        console.openMembers(of: F.gamma.id, F.myRow(F.gamma, "pending"))
        #expect(console.press("d").isEmpty)
        #expect(Self.dialog(console) == nil)
        #expect(console.state.flash?.text == "only the image's owner can remove members")
    }

    @Test func dOnAnEmptyMembersPaneDoesNothing() {
        var console = F.connected(members: [])
        console.focus(.members)
        #expect(console.press("d").isEmpty)
        #expect(Self.dialog(console) == nil)
    }
}
