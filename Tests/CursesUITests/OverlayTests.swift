import Console
import CursesUI
import Foundation
import MembershipKit
import GlanceScript
import Testing

@Suite("Overlays", .serialized)
struct OverlayTests {
    @Test("help lists every action with its keys, and the commands", arguments: [(120, 40), (80, 24)])
    func help(size: (Int, Int)) {
        let (width, height) = size
        var state = RenderFixture.connected(width: width, height: height)
        RenderFixture.key(&state, .character("?"))
        #expect(state.overlay == .help)
        let frame = RenderFixture.render(state, width: width, height: height)
        RenderFixture.checkShape(frame, width: width, height: height)
        let lines = RenderFixture.lines(frame)
        // Glance v2 has no can_share: its key is not offered.
        #expect(!frame.text.contains(Action.toggleShare.summary))
        for action in Action.allCases where action != .toggleShare {
            let keys = state.settings.keyMap.keys(for: action).map(\.label).joined(separator: "/")
            let pattern = NSRegularExpression.escapedPattern(for: keys) + "  +" + NSRegularExpression.escapedPattern(for: action.summary)
            #expect(lines.contains { $0.range(of: pattern, options: .regularExpression) != nil }, "help shows \(keys) \(action.summary)")
        }
        for command in [":images all|mine", ":inbox", ":members", ":cloud NAME", ":endpoint NAME", ":theme NAME", ":refresh SECONDS|off", ":log", ":q"] {
            #expect(frame.text.contains(command), "help shows \(command)")
        }
        #expect(frame.text.contains("─ Help ─"))
        #expect(frame.lines[height - 1].text.hasPrefix("esc close "))
        #expect(!frame.text.contains("enlarge the terminal"))
        #expect(RenderFixture.role(of: "reset to pending", in: frame) == .dialog)
    }

    @Test("help shows remapped keys and read-only dims mutating actions")
    func helpRemapped() {
        let settings = ConsoleSettings(keyMap: KeyMap(overrides: [.accept: [.character("y"), .control("a")]]), readOnly: true)
        var state = RenderFixture.connected(settings: settings)
        state.overlay = .help
        let frame = RenderFixture.render(state)
        #expect(frame.text.contains("y/ctrl-a"))
        #expect(RenderFixture.role(of: "accept (off)", in: frame) == .dim)
        #expect(RenderFixture.role(of: "page down", in: frame) == .dialog)
    }

    @Test("at the minimum size help says there is more")
    func helpTiny() {
        var state = RenderFixture.connected(width: 60, height: 15)
        state.overlay = .help
        let frame = RenderFixture.render(state, width: 60, height: 15)
        RenderFixture.checkShape(frame, width: 60, height: 15)
        #expect(frame.text.contains("enlarge the terminal"))
    }

    @Test("the log shows the latest entries, newest at the bottom")
    func log() {
        var state = RenderFixture.connected()
        state.activity = (0..<100).map { index in
            ActivityEntry(time: RenderFixture.now.addingTimeInterval(Double(index)), imageID: "img-\(index)", imageName: "name-\(index)",
                          memberID: "m", from: "pending", to: "accepted", outcome: index == 99 ? .failed : .done, detail: index == 99 ? "denied" : nil)
        }
        state.overlay = .log
        let frame = RenderFixture.render(state)
        RenderFixture.checkShape(frame, width: 120, height: 40)
        let lines = RenderFixture.lines(frame)
        #expect(lines[1].contains("─ Activity log (100) ─"))
        #expect(lines[37].contains("name-99 (img-99)  m  pending → accepted  failed: denied"))
        #expect(lines[36].contains("name-98 (img-98)"))
        #expect(!frame.text.contains("name-50 "))
        #expect(RenderFixture.role(of: "name-99", in: frame) == .error)
        #expect(RenderFixture.role(of: "name-98", in: frame) == .dialog)
        state.activity = []
        #expect(RenderFixture.render(state).text.contains("no activity yet"))
    }

    @Test("remove asks first, with the focus on Cancel; Tab moves it to the confirm button")
    func confirm() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .tab)
        RenderFixture.key(&state, .character("d"))
        guard case let .confirm(dialog) = state.overlay else {
            Issue.record("no dialog: \(state.overlay)")
            return
        }
        var frame = RenderFixture.render(state)
        RenderFixture.checkShape(frame, width: 120, height: 40)
        #expect(frame.text.contains(dialog.title))
        #expect(frame.text.contains("[ Cancel ]   [ \(dialog.confirmLabel) ]"))
        #expect(RenderFixture.role(of: "[ Cancel ]", in: frame) == .dialogButtonFocused)
        #expect(RenderFixture.role(of: "[ \(dialog.confirmLabel) ]", in: frame) == .dialogButton)
        #expect(RenderFixture.role(of: dialog.title, in: frame) == .dialogTitle)
        #expect(frame.lines[39].text.hasPrefix("tab switch  enter choose  y yes  esc cancel "))
        RenderFixture.key(&state, .tab)
        frame = RenderFixture.render(state)
        #expect(RenderFixture.role(of: "[ Cancel ]", in: frame) == .dialogButton)
        #expect(RenderFixture.role(of: "[ \(dialog.confirmLabel) ]", in: frame) == .dialogButtonFocused)
    }

    @Test("a long message wraps inside the dialog")
    func confirmWraps() {
        var state = RenderFixture.connected(width: 80, height: 24)
        let message = (1...30).map { "member-\($0)" }.joined(separator: " ")
        state.overlay = .confirm(Console.Confirmation(title: "Remove 30 members", message: message, confirmLabel: "Remove", changes: []))
        let frame = RenderFixture.render(state, width: 80, height: 24)
        RenderFixture.checkShape(frame, width: 80, height: 24)
        for index in [1, 15, 30] { #expect(frame.text.contains("member-\(index)")) }
        #expect(frame.text.contains("[ Cancel ]   [ Remove ]"))
    }
}
