@testable import Console
import ConsoleRuntime
@testable import CursesUI
import Foundation
import MembershipKit
import GlanceScript
import Testing
import TerminalText

@Suite("Header and footer", .serialized)
struct HeaderFooterTests {
    @Test("the header names cloud, region, user@project and endpoint")
    func header() {
        let frame = RenderFixture.render(RenderFixture.connected())
        #expect(frame.lines[0].text.hasPrefix(" memberdeck  devstack/RegionOne  alice@demo  glance.example.com:9292 "))
        #expect(frame.lines[0].spans.allSatisfy { $0.role == .header })
    }

    @Test("badges: sandbox, READ-ONLY in its own role, admin")
    func badges() {
        let state = RenderFixture.connected(settings: ConsoleSettings(readOnly: true), sandbox: true, admin: true)
        let frame = RenderFixture.render(state)
        let header = frame.lines[0].text
        #expect(header.hasSuffix(" sandbox   READ-ONLY   admin  updated 0s ago "))
        #expect(RenderFixture.role(of: "READ-ONLY", in: frame) == .headerBadge)
        let plain = RenderFixture.render(RenderFixture.connected()).lines[0].text
        #expect(!plain.contains("READ-ONLY") && !plain.contains("sandbox") && !plain.contains("admin"))
    }

    @Test("a spinner turns with the ticks while work is in flight")
    func spinner() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .character("R"))  // refresh: loads in flight
        #expect(state.isBusy)
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        var frame = RenderFixture.render(state)
        #expect(frame.lines[0].text.hasSuffix(" \(frames[state.tickCount % 10])  updated 0s ago "))
        RenderFixture.send(&state, .tick(RenderFixture.now.addingTimeInterval(0.1)))
        frame = RenderFixture.render(state)
        #expect(frame.lines[0].text.hasSuffix(" \(frames[state.tickCount % 10])  updated 0s ago "))
        let ascii = RenderFixture.render(state, unicode: false)
        #expect(ascii.lines[0].text.hasSuffix(" \(["|", "/", "-", "\\"][state.tickCount % 4])  updated 0s ago "))
        #expect(!RenderFixture.render(RenderFixture.connected()).lines[0].text.contains("⠙"))
    }

    @Test("the header says how current the panes are: updated N ago; STALE with the next try after a failed reload; back to current after one succeeds")
    func freshness() {
        // Refresh off: the tries below are the console's own, not the refresh interval's.
        var state = RenderFixture.connected(settings: ConsoleSettings(refreshInterval: nil))
        RenderFixture.send(&state, .tick(RenderFixture.now.addingTimeInterval(75)))
        #expect(RenderFixture.render(state).lines[0].text.hasSuffix(" updated 1m ago "))
        // The reload fails (the server went away): the panes keep their rows, the header says STALE.
        let reload = RenderFixture.send(&state, .key(.character("R")))
        for case let .loadRows(request, _, _, _, _) in reload {
            RenderFixture.send(&state, .rowsLoaded(request: request, .failure(Failure("cannot connect to glance.example.com:9292: connection refused"))))
        }
        var frame = RenderFixture.render(state)
        #expect(frame.lines[0].text.hasSuffix(" STALE 1m  retry in 2s "))
        #expect(RenderFixture.role(of: "STALE", in: frame) == .flashError)
        #expect(frame.text.contains("alpha"), "the rows stay")
        // Two seconds later the console tries again by itself, and the answer makes it current.
        let retry = RenderFixture.send(&state, .tick(state.now.addingTimeInterval(2)))
        #expect(retry.contains { if case .loadRows(_, _, .images, _, _) = $0 { true } else { false } })
        // The images answer first: the inbox is still the one that failed, so still stale.
        for case let .loadRows(request, _, pane, _, _) in retry where pane == .images {
            RenderFixture.send(&state, .rowsLoaded(request: request, .success([])))
        }
        #expect(RenderFixture.render(state).lines[0].text.contains(" STALE "))
        for case let .loadRows(request, _, pane, _, _) in retry where pane == .memberships {
            RenderFixture.send(&state, .rowsLoaded(request: request, .success([])))
        }
        frame = RenderFixture.render(state)
        #expect(frame.lines[0].text.hasSuffix(" updated 0s ago "))
    }

    @Test("a retry wait counts down, rounded up, and says why", arguments: [
        (413, "over limit, retry in 3s"), (503, "unavailable, retry in 3s"), (502, "retry in 3s"),
    ])
    func retry(status: Int, text: String) {
        var state = RenderFixture.connected()
        state.retryWait = RetryStatus(until: state.now.addingTimeInterval(2.2), status: status)
        let frame = RenderFixture.render(state)
        #expect(frame.lines[0].text.hasSuffix(" \(text)  updated 0s ago "))
        #expect(RenderFixture.role(of: text, in: frame) == .flashWarning)
    }

    @Test("before connecting: connecting…, or the error in the error role")
    func connecting() {
        var state = ConsoleState(system: GlanceV2System.model, now: RenderFixture.now)
        #expect(RenderFixture.render(state).lines[0].text.hasPrefix(" memberdeck  connecting… "))
        RenderFixture.send(&state, .connectionFailed("cannot reach keystone.example.com:5000"))
        let frame = RenderFixture.render(state)
        #expect(frame.lines[0].text.hasPrefix(" memberdeck  cannot reach keystone.example.com:5000 "))
        #expect(RenderFixture.role(of: "cannot reach", in: frame) == .error)
    }

    @Test("footer hints follow the focused pane")
    func hints() {
        var state = RenderFixture.connected()
        #expect(RenderFixture.render(state).lines[39].text.hasPrefix("enter open  + share  a accept  / filter  : command  ? help  q quit "))
        RenderFixture.key(&state, .tab)
        #expect(RenderFixture.render(state).lines[39].text.hasPrefix(
            "a accept  r reject  p pending  + share  d remove  space mark  w shared with it  / filter  : command  ? help  q quit "))
        RenderFixture.key(&state, .tab)
        #expect(RenderFixture.render(state).lines[39].text.hasPrefix(
            "a accept  r reject  p pending  space mark  enter open  / filter  : command  ? help  q quit "))
        let frame = RenderFixture.render(state)
        #expect(RenderFixture.role(of: "space", in: frame) == .footerKey)
        #expect(frame.lines[39].spans.contains { $0.text.hasPrefix(" mark") && $0.role == .footer })
    }

    @Test("hints come from the live key map")
    func remapped() {
        let settings = ConsoleSettings(keyMap: KeyMap(overrides: [.accept: [.character("y")], .quit: [.control("q")]]))
        let frame = RenderFixture.render(RenderFixture.connected(settings: settings))
        let footer = frame.lines[39].text
        #expect(footer.contains("y accept"))
        #expect(!footer.contains("a accept"))
        #expect(footer.contains("ctrl-q quit"))
    }

    @Test("hints that do not fit are dropped whole, from the end; ? help and q quit are the last to go")
    func narrowHints() {
        var state = RenderFixture.connected(width: 60, height: 15)
        RenderFixture.key(&state, .tab)
        let footer = RenderFixture.render(state, width: 60, height: 15).lines[14].text
        #expect(footer == "a accept  r reject  p pending  + share  ? help  q quit      ")
    }

    @Test("a long prompt label is cut but keeps its ': ', so the typed text never runs into it")
    func longPromptLabel() {
        let glyphs = Glyphs(unicode: true)
        let label = "share very-long-image-name-very-long-image-name-end with (project ids, comma-separated): "
        let cut = FooterView.promptLabel(label, width: 40, glyphs: glyphs)
        #expect(cut.hasSuffix("…: ") && DisplayWidth.of(cut) <= 40)
        #expect(FooterView.promptLabel("add: ", width: 40, glyphs: glyphs) == "add: ")
    }

    @Test("read-only dims the mutating hints")
    func readOnly() {
        var state = RenderFixture.connected(settings: ConsoleSettings(readOnly: true))
        RenderFixture.key(&state, .tab)
        let frame = RenderFixture.render(state)
        let spans = frame.lines[39].spans
        for word in ["a", " accept", "r", " reject", "+", " share", "d", " remove"] {
            #expect(spans.contains { $0.text.contains(word) && $0.role == .dim }, "\(word) is dimmed")
        }
        #expect(spans.contains { $0.text == "space" && $0.role == .footerKey })
        #expect(spans.contains { $0.text == "/" && $0.role == .footerKey })
    }

    @Test("a prompt replaces the hints and puts the cursor after the text")
    func prompt() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .character("/"))
        RenderFixture.key(&state, .character("u"))
        RenderFixture.key(&state, .character("b"))
        let frame = RenderFixture.render(state)
        #expect(frame.lines[39].text.hasPrefix("/ub "))
        #expect(frame.cursor?.row == 39 && frame.cursor?.column == 3)
        #expect(frame.lines[39].spans.first?.role == .prompt)
        #expect(frame.lines[1].text.hasPrefix("┌─ Images (0/5) /ub ─"))
        let long = Prompt(kind: .command, text: String(repeating: "x", count: 300))
        state.overlay = .prompt(long)
        let overflow = RenderFixture.render(state)
        RenderFixture.checkShape(overflow, width: 120, height: 40)
        #expect(overflow.cursor?.column == 119)
        #expect(RenderFixture.render(RenderFixture.connected()).cursor == nil)
    }

    @Test("flash messages show in their level's role")
    func flash() {
        var state = RenderFixture.connected()
        for (level, role) in [(Flash.Level.info, Role.flashInfo), (.warning, .flashWarning), (.error, .flashError)] {
            state.flash = Flash(text: "gamma: pending → accepted", level: level, until: state.now.addingTimeInterval(4))
            let frame = RenderFixture.render(state)
            #expect(frame.lines[39].text.hasPrefix("gamma: pending → accepted "))
            #expect(frame.lines[39].spans.allSatisfy { $0.role == role })
        }
        let ascii = RenderFixture.render(state, unicode: false)
        #expect(ascii.lines[39].text.hasPrefix("gamma: pending -> accepted "))
    }
}

@Suite("Header: partial listings")
struct PartialHeaderTests {
    @Test("PARTIAL shows in the badge role after a listing stopped early")
    func partialBadge() {
        var state = RenderFixture.connected()
        state.truncation = Truncation(PagingTruncation(what: "images", reason: .pageLimit(5_000), kept: 12))
        let frame = RenderFixture.render(state)
        #expect(frame.lines[0].text.contains(" PARTIAL "))
        #expect(RenderFixture.role(of: "PARTIAL", in: frame) == .headerBadge)
        #expect(!RenderFixture.render(RenderFixture.connected()).lines[0].text.contains("PARTIAL"))
    }

    @Test("the images pane's bottom border says why, and keeps saying it after the flash has gone")
    func partialNote() {
        var state = RenderFixture.connected()
        state.truncation = Truncation(PagingTruncation(what: "images", reason: .itemLimit(30), kept: 30))
        state.flash = nil
        let frame = RenderFixture.render(state)
        #expect(frame.lines.contains { $0.text.contains("partial: stopped at 30 images (paging.max_items)") })
        let clean = RenderFixture.render(RenderFixture.connected())
        #expect(!clean.lines.contains { $0.text.contains("partial:") })
    }
}
