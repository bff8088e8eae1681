import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Cursor movement and scrolling")
struct CursorTests {
    typealias F = ConsoleFixture

    /// 30 images of mine named img00…img29; the images pane shows 10 rows.
    static func many() -> F {
        let images = (0..<30).map { Image(id: String(format: "id%02d", $0), name: String(format: "img%02d", $0), owner: F.me) }
        return F.connected(images: images, memberships: [], members: [])
    }

    @Test func jAndKMoveOneRowAndStopAtTheEnds() {
        var console = Self.many()
        console.press("k")
        #expect(console.state.images.cursor == 0)
        console.press("j")
        console.press("j")
        #expect(console.state.images.cursor == 2)
        console.key(.down)
        #expect(console.state.images.cursor == 3)
        console.key(.up)
        console.press("k")
        #expect(console.state.images.cursor == 1)
        #expect(console.selectedKey == "id01")
    }

    @Test func gAndGJumpToTheEndsAndScroll() {
        var console = Self.many()
        console.press("G")
        #expect(console.state.images.cursor == 29)
        #expect(console.state.images.top == 20)
        console.press("j")
        #expect(console.state.images.cursor == 29)
        console.press("g")
        #expect(console.state.images.cursor == 0)
        #expect(console.state.images.top == 0)
        console.key(.end)
        #expect(console.state.images.cursor == 29)
        console.key(.home)
        #expect(console.state.images.cursor == 0)
    }

    @Test func pageDownAndUpMoveByThePaneHeight() {
        var console = Self.many()
        console.key(.pageDown)
        #expect(console.state.images.cursor == 9)
        #expect(console.state.images.top == 0)
        console.key(.pageDown)
        #expect(console.state.images.cursor == 18)
        #expect(console.state.images.top == 9)
        console.key(.pageDown)
        console.key(.pageDown)
        #expect(console.state.images.cursor == 29)
        #expect(console.state.images.top == 20)
        console.key(.pageUp)
        #expect(console.state.images.cursor == 20)
        #expect(console.state.images.top == 20)
        console.key(.pageUp)
        #expect(console.state.images.cursor == 11)
        #expect(console.state.images.top == 11)
        console.key(.control("b"))
        console.key(.control("b"))
        #expect(console.state.images.cursor == 0)
        #expect(console.state.images.top == 0)
        console.key(.control("f"))
        #expect(console.state.images.cursor == 9)
    }

    @Test func thePageFollowsTheHeightFromResize() {
        var console = Self.many()
        console.send(.resize(width: 80, height: 24, paneHeights: [.images: 4, .members: 3, .memberships: 3]))
        console.key(.pageDown)
        #expect(console.state.images.cursor == 3)
        console.key(.pageDown)
        #expect(console.state.images.cursor == 6)
        #expect(console.state.images.top == 3)
    }

    @Test func aPaneOfOneRowStillPages() {
        var console = Self.many()
        console.send(.resize(width: 80, height: 24, paneHeights: [.images: 1]))
        console.key(.pageDown)
        #expect(console.state.images.cursor == 1)
        #expect(console.state.images.top == 1)
    }

    @Test func scrollingKeepsTheCursorOnScreenWithTheLeastMovement() {
        var console = Self.many()
        for _ in 0..<12 { console.press("j") }
        #expect(console.state.images.cursor == 12)
        #expect(console.state.images.top == 3)
        for _ in 0..<3 { console.press("k") }
        #expect(console.state.images.cursor == 9)
        #expect(console.state.images.top == 3)
        for _ in 0..<7 { console.press("k") }
        #expect(console.state.images.top == 2)
    }

    @Test func shrinkingThePaneKeepsTheCursorVisible() {
        var console = Self.many()
        for _ in 0..<9 { console.press("j") }
        #expect(console.state.images.top == 0)
        console.send(.resize(width: 80, height: 24, paneHeights: [.images: 5]))
        #expect(console.state.images.cursor == 9)
        #expect(console.state.images.top == 5)
        console.send(.resize(width: 120, height: 40, paneHeights: [.images: 20]))
        #expect(console.state.images.top == 5)
        #expect(console.state.images.cursor == 9)
    }

    @Test func aShorterListAfterAReloadKeepsTheCursorInside() {
        var console = Self.many()
        console.press("G")
        let refresh = console.key(.character("R"))
        console.answerImagesAndMemberships(refresh, images: [Image(id: "id00", name: "img00", owner: F.me)], memberships: [])
        #expect(console.state.images.cursor == 0)
        #expect(console.state.images.top == 0)
        #expect(console.selectedKey == "id00")
    }

    @Test func theCursorFollowsItsRowWhenAReloadInsertsRowsBeforeIt() {
        var console = F.connected()
        console.select(F.delta.id)
        let refresh = console.key(.character("R"))
        let more = [Image(id: "img-aa", name: "aa", owner: F.me), Image(id: "img-ab", name: "ab", owner: F.me)] + F.images
        console.answerImagesAndMemberships(refresh, images: more)
        #expect(console.selectedKey == F.delta.id)
        #expect(console.state.images.cursor == 4)
    }

    @Test func movingInAnEmptyPaneIsHarmless() {
        var console = F.connected(memberships: [])
        console.focus(.memberships)
        for key in [KeyPress.character("j"), .character("k"), .character("G"), .character("g"), .pageDown, .pageUp] {
            console.key(key)
            #expect(console.state.memberships.cursor == 0)
            #expect(console.state.memberships.top == 0)
            #expect(console.state.memberships.selected == nil)
        }
    }

    @Test func eachPaneHasItsOwnCursor() {
        var console = F.connected()
        console.focus(.members)
        console.press("G")
        #expect(console.selectedKey == "proj-d")
        console.focus(.memberships)
        console.press("j")
        #expect(console.selectedKey == F.delta.id)
        #expect(console.state.images.cursor == 0)
        #expect(console.state.members.cursor == 2)
    }
}
