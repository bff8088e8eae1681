import Console
import CursesUI
import Foundation
import MembershipKit
import GlanceScript
import Testing
import TerminalText

/// Rows change in place: `pending → accepted…` while in flight, then a short highlight.
@Suite("Transitions", .serialized)
struct TransitionRenderTests {
    /// Focus on memberships, cursor on gamma (pending), `a` pressed; returns the operation id.
    static func accepting(width: Int = 120, height: Int = 40) -> (ConsoleState, Int) {
        var state = RenderFixture.connected(width: width, height: height)
        RenderFixture.key(&state, .tab)
        RenderFixture.key(&state, .tab)
        let effects = RenderFixture.send(&state, .key(.character("a")))
        guard let operation = effects.updates.first?.operation else { return (state, -1) }
        return (state, operation)
    }

    @Test("an accepted share shows its transition in flight in every pane that shows it")
    func inFlight() {
        let (state, _) = Self.accepting()
        let frame = RenderFixture.render(state)
        RenderFixture.checkShape(frame, width: 120, height: 40)
        // Narrow status columns keep the destination: `→ accepted…`.
        let inbox = RenderFixture.line(frame, containing: "gamma                   c0ffee00") ?? ""
        #expect(inbox.hasSuffix("││  → accepted…  gamma                   c0ffee00 12m │"))
        #expect(frame.lines.contains { $0.spans.contains { $0.text.contains("→ accepted…") } })
        let images = RenderFixture.line(frame, containing: "c3c3c3c3") ?? ""
        #expect(images.contains("c0ffee00 → accept…│"))
        #expect(frame.lines[7].spans.contains { $0.text.hasPrefix("→ accept…") && $0.role == .statusInFlight })
    }

    @Test("a wide status column shows the whole transition: pending → accepted…")
    func inFlightFull() {
        // An admin may change any member's status.
        var state = RenderFixture.connected(width: 80, height: 24, admin: true)
        RenderFixture.key(&state, .tab)  // members of alpha; cursor on 1111… (pending)
        RenderFixture.key(&state, .character("a"))
        let frame = RenderFixture.render(state, width: 80, height: 24)
        let row = RenderFixture.line(frame, containing: "11111111222233334444555566667777") ?? ""
        #expect(row.contains("11111111222233334444555566667777       pending → accepted…"))
        #expect(RenderFixture.roles(onLineWith: "pending → accepted…", in: frame).contains(.selection))
    }

    @Test("after the answer the row is highlighted (settled) in its new place; the cursor keeps its own, on the next share")
    func settled() {
        var (state, operation) = Self.accepting()
        RenderFixture.send(&state, .memberUpdated(operation: operation, .success(
            ImageMember(imageID: RenderFixture.images[2].id, memberID: RenderFixture.me, status: "accepted"))))
        let frame = RenderFixture.render(state)
        let spans = frame.lines.first { $0.text.contains("accepted     gamma") }?.spans ?? []
        #expect(spans.contains { $0.text.contains("gamma") && $0.role == .highlightSettled })
        #expect(!spans.contains { $0.role == .selection })
        #expect(RenderFixture.roles(onLineWith: "accepted     delta", in: frame).contains(.selection))
        // The highlight fades with time.
        RenderFixture.send(&state, .tick(state.now.addingTimeInterval(5)))
        let later = RenderFixture.render(state)
        #expect(!RenderFixture.roles(onLineWith: "accepted     gamma", in: later).contains(.highlightSettled))
    }

    @Test("a refused change goes back to its status with the failure highlight")
    func failed() {
        var (state, operation) = Self.accepting()
        RenderFixture.send(&state, .memberUpdated(operation: operation, .failure(.http(HTTPFailure(
            status: 403, message: "forbidden", requestID: "req-1", method: "PUT", url: "http://glance/v2")))))
        let frame = RenderFixture.render(state)
        let line = RenderFixture.line(frame, containing: "gamma                   c0ffee00") ?? ""
        #expect(line.contains("││  pending      gamma"))
        #expect(RenderFixture.roles(onLineWith: "pending      gamma", in: frame).contains(.highlightFailed))
        #expect(frame.lines[39].spans.allSatisfy { $0.role == .flashError })
    }

    @Test("adding… and removing… in the members pane")
    func addingAndRemoving() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .character("+"))
        for character in "newproj" { RenderFixture.key(&state, .character(character)) }
        var frame = RenderFixture.render(state)
        #expect(frame.lines[39].text.hasPrefix("share alpha with (project names or ids, comma-separated): newproj"))
        #expect(frame.cursor?.column == DisplayWidth.of("share alpha with (project names or ids, comma-separated): newproj"))
        RenderFixture.key(&state, .enter)
        frame = RenderFixture.render(state)
        #expect(RenderFixture.line(frame, containing: "newproj")?.contains("  newproj" + String(repeating: " ", count: 32) + "adding…") == true)
        #expect(RenderFixture.role(of: "adding…", in: frame) == .statusInFlight)
        RenderFixture.key(&state, .tab)  // members; cursor on 1111…
        RenderFixture.key(&state, .character("d"))
        RenderFixture.key(&state, .character("y"))
        frame = RenderFixture.render(state)
        #expect(RenderFixture.line(frame, containing: "11111111222233334444555566667777")?.contains("removing…") == true)
    }
}
