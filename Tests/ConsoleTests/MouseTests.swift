import Foundation
import GlanceScript
import Testing
@testable import Console

/// Clicks and the wheel (when `mouse: true`): the loop translates them into pane rows.
@Suite("Mouse")
struct MouseTests {
    @Test("a click focuses the pane and puts the cursor on the clicked row; a click on the border only focuses")
    func click() {
        var fixture = ConsoleFixture.connected()
        #expect(fixture.state.focus == .images)
        _ = fixture.send(.clicked(pane: .memberships, row: 2))
        #expect(fixture.state.focus == .memberships)
        #expect(fixture.state.memberships.cursor == 2)
        _ = fixture.send(.clicked(pane: .images, row: nil))
        #expect(fixture.state.focus == .images)
        #expect(fixture.state.memberships.cursor == 2)
    }

    @Test("the wheel moves the cursor of the pane under the pointer, clamped to its rows")
    func wheel() {
        var fixture = ConsoleFixture.connected()
        _ = fixture.send(.scrolled(pane: .images, by: 3))
        #expect(fixture.state.images.cursor == 3)
        _ = fixture.send(.scrolled(pane: .images, by: 30))
        #expect(fixture.state.images.cursor == fixture.state.images.visible.count - 1)
        _ = fixture.send(.scrolled(pane: .images, by: -30))
        #expect(fixture.state.images.cursor == 0)
    }

    @Test("clicks are ignored while a dialog or prompt is open")
    func ignoredUnderOverlay() {
        var fixture = ConsoleFixture.connected()
        _ = fixture.send(.key(.character("?")))
        _ = fixture.send(.clicked(pane: .memberships, row: 1))
        #expect(fixture.state.focus == .images)
    }
}
