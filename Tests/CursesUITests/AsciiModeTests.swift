import Console
import CursesUI
import Foundation
import MembershipKit
import GlanceScript
import Testing

/// A non-UTF-8 locale or a vt100: nothing but ASCII in borders and decorations.
@Suite("ASCII mode", .serialized)
struct AsciiModeTests {
    static func isASCII(_ frame: Frame) -> Bool { frame.text.unicodeScalars.allSatisfy(\.isASCII) }

    @Test("panes, header, footer and overlays are pure ASCII", arguments: [(120, 40), (80, 24), (60, 15)])
    func everything(size: (Int, Int)) {
        let (width, height) = size
        var state = RenderFixture.connected(width: width, height: height, settings: ConsoleSettings(readOnly: true))
        RenderFixture.key(&state, .character("R"))  // busy: spinner
        let frame = RenderFixture.render(state, width: width, height: height, unicode: false)
        RenderFixture.checkShape(frame, width: width, height: height)
        #expect(Self.isASCII(frame))
        #expect(frame.lines[1].text.hasPrefix("+- Images (5) --"))
        #expect(frame.lines[2].text.hasPrefix("| Name"))
        for overlay in [Overlay.help, .reader(.activityLog), .confirm(Console.Confirmation(title: "Remove", message: "remove x → y", confirmLabel: "Remove", changes: []))] {
            state.overlay = overlay
            state.activity = [ActivityEntry(time: RenderFixture.now, imageID: "i", imageName: "n", memberID: "m", from: "pending", to: "accepted", outcome: .done)]
            let covered = RenderFixture.render(state, width: width, height: height, unicode: false)
            RenderFixture.checkShape(covered, width: width, height: height)
            #expect(Self.isASCII(covered), "\(overlay)")
        }
    }

    @Test("transitions and ellipses use -> and ...")
    func transitions() {
        var state = RenderFixture.connected(width: 80, height: 24, admin: true)
        RenderFixture.key(&state, .tab)
        RenderFixture.key(&state, .character("a"))
        let frame = RenderFixture.render(state, width: 80, height: 24, unicode: false)
        #expect(Self.isASCII(frame))
        // The Status column, narrower beside a whole member id, shows the short form.
        #expect(frame.text.contains("-> accepted..."))
        #expect(frame.text.contains("8f3c2a1b9d7e4f60a1b2c3d4e5f60718 (you)"))
    }

    @Test("marked rows use * in ASCII")
    func mark() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .tab)
        RenderFixture.key(&state, .character(" "))
        let frame = RenderFixture.render(state, unicode: false)
        #expect(frame.text.contains("|* 11111111222233334444555566667777       pending"))
    }

    @Test("the too-small message is ASCII too")
    func tooSmall() {
        let frame = RenderFixture.render(RenderFixture.connected(), width: 50, height: 10, unicode: false)
        #expect(Self.isASCII(frame))
        #expect(frame.text.contains("50x10 (need at least 60x15)"))
    }
}
