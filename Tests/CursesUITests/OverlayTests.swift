import Console
@testable import CursesUI
import Foundation
import MembershipKit
import GlanceScript
import TerminalText
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
        func keys(_ action: Action) -> String { state.settings.keyMap.keys(for: action).map(\.label).joined(separator: "/") }
        let paired = Set(HelpOverlay.pairs.flatMap { [$0.first, $0.second] })
        for action in Action.allCases where action != .toggleShare && !paired.contains(action) {
            let pattern = NSRegularExpression.escapedPattern(for: keys(action)) + "  +" + NSRegularExpression.escapedPattern(for: action.summary)
            #expect(lines.contains { $0.range(of: pattern, options: .regularExpression) != nil }, "help shows \(keys(action)) \(action.summary)")
        }
        // Opposite moves share a line: both keys, then both words.
        for pair in HelpOverlay.pairs {
            let pattern = NSRegularExpression.escapedPattern(for: keys(pair.first) + " " + keys(pair.second)) + "  +"
                + NSRegularExpression.escapedPattern(for: pair.words)
            #expect(lines.contains { $0.range(of: pattern, options: .regularExpression) != nil }, "help shows \(pair.words)")
        }
        for command in [":images all|mine", ":inbox", ":members", ":cloud [NAME]", ":endpoint NAME", ":theme NAME", ":refresh SECONDS|off", ":log", ":q"] {
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

    @Test("the log shows the newest entry first, each line wrapped whole, and scrolls with the cursor")
    func log() {
        var state = RenderFixture.connected()
        let reason = "403 Forbidden: " + String(repeating: "policy forbids it; ", count: 8) + "(request req-99)"
        state.activity = (0..<100).map { index in
            ActivityEntry(time: RenderFixture.now.addingTimeInterval(Double(index)), imageID: "img-\(index)", imageName: "name-\(index)",
                          memberID: "m", from: "pending", to: "accepted", outcome: index == 99 ? .failed : .done, detail: index == 99 ? reason : nil,
                          place: "devstack", user: "alice@demo")
        }
        RenderFixture.key(&state, .character("L"))
        let frame = RenderFixture.render(state)
        RenderFixture.checkShape(frame, width: 120, height: 40)
        let lines = RenderFixture.lines(frame)
        #expect(lines[1].contains("─ Activity log (100, newest first) ─"))
        #expect(lines[2].contains("devstack  alice@demo  name-99 (img-99)  m  pending → accepted  failed: 403 Forbidden"))
        // The outcome is never cut: the line wraps, and its end is on the next screen line.
        let end = lines.firstIndex { $0.contains("(request req-99)") } ?? 0
        #expect(end > 2)
        #expect(lines[end + 1].contains("name-98 (img-98)"))
        #expect(!frame.text.contains("…"))
        #expect(RenderFixture.role(of: "name-99", in: frame) == .selection)
        #expect(RenderFixture.role(of: "name-98", in: frame) == .dialog)
        #expect(frame.lines[38].text.contains("1/100  y copy  esc close"))
        // G goes to the oldest: the view scrolls to it.
        RenderFixture.key(&state, .character("G"))
        let bottom = RenderFixture.render(state)
        #expect(bottom.text.contains("name-0 (img-0)") && !bottom.text.contains("name-99 "))
        #expect(RenderFixture.role(of: "name-0 ", in: bottom) == .selection)
        state.activity = []
        #expect(RenderFixture.render(state).text.contains("no activity yet"))
    }

    @Test("describe: every field in full, long values wrapped under their column, loading and failure said")
    func describe() {
        var state = RenderFixture.connected()
        let hash = String(repeating: "0123456789abcdef", count: 8)
        state.overlay = .reader(Reader(kind: .describe(request: 1), title: "golden", items: [RecordField("id", "1f0c"), RecordField("os_hash_value", hash)],
                                       isLoading: true))
        var frame = RenderFixture.render(state)
        RenderFixture.checkShape(frame, width: 120, height: 40)
        #expect(frame.text.contains("─ golden ─") && frame.text.contains("reading the whole record…"))
        let joined = RenderFixture.lines(frame).map { $0.replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces) }
        let start = joined.firstIndex { $0.hasPrefix("os_hash_value") } ?? 0
        // The value continues on the next line, under itself, and nothing of it is lost.
        let pieces = [joined[start].dropFirst("os_hash_value".count), Substring(joined[start + 1])]
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(pieces.joined() == hash)
        state.overlay = .reader(Reader(kind: .describe(request: 1), title: "golden", items: [RecordField("id", "1f0c")],
                                       note: "only the listed fields: 404 Not Found"))
        frame = RenderFixture.render(state)
        #expect(RenderFixture.role(of: "only the listed fields", in: frame) == .error)
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

@Suite("Clipboard and line breaking")
struct ClipboardAndLinesTests {
    @Test("OSC 52 carries the text base64-encoded, so nothing in it reaches the terminal raw; in tmux it is also wrapped for passthrough")
    func osc52() {
        #expect(Clipboard.sequence("img-1") == "\u{1b}]52;c;aW1nLTE=\u{07}")
        // A hostile id cannot end the sequence early or send its own.
        let hostile = Clipboard.sequence("x\u{07}\u{1b}]52;c;evil\u{07}")
        #expect(hostile.filter { $0 == "\u{07}" }.count == 1 && hostile.filter { $0 == "\u{1b}" }.count == 1)
        #expect(Clipboard.output("img-1", insideTmux: false) == Clipboard.sequence("img-1"))
        #expect(Clipboard.output("img-1", insideTmux: true)
                == Clipboard.sequence("img-1") + "\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aW1nLTE=\u{07}\u{1b}\\")
    }

    @Test("lines break after the last space that fits, keep inner spaces, cut a run without one, and lose nothing else")
    func lines() {
        #expect(TextFit.lines("a  b  c", width: 4) == ["a  b", "c"])
        #expect(TextFit.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFit.lines("", width: 4) == [""])
        #expect(TextFit.lines("漢字漢字", width: 3) == ["漢", "字", "漢", "字"])
        let text = "2026-12-01T10:00:00Z  devstack  alice@demo  golden (f00)  proj  pending → accepted  failed: 403 Forbidden"
        for width in 1...40 {
            let pieces = TextFit.lines(text, width: width)
            #expect(pieces.allSatisfy { DisplayWidth.of($0) <= width })
            #expect(pieces.joined().replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
        }
    }
}
