@testable import Console
import ConsoleRuntime
import CursesUI
import Foundation
import MembershipKit
import GlanceScript
import Testing

/// Any tenant can name an image: every server string reaches the frame escaped, never raw.
@Suite("Hostile text", .serialized)
struct HostileTextTests {
    static let hostile: [(raw: String, shown: String)] = [
        ("evil\u{1b}[2Jname", "evil^[[2Jname"),
        ("a\rb", "a^Mb"),
        ("\u{202e}txt.exe", "\\u{202e}txt.exe"),
        ("tab\there", "tab^Ihere"),
        ("\u{9b}31m", "\\u{9b}31m"),
        ("new\nline", "new^Jline"),
        ("zero\u{200b}width", "zero\\u{200b}width"),
        ("bell\u{07}", "bell^G"),
    ]

    static func state(width: Int = 120, height: Int = 40) -> ConsoleState {
        let images = hostile.enumerated().map { index, pair in
            RenderFixture.image(String(format: "%08x-0000-4000-8000-000000000000", index), pair.raw, owner: "\u{1b}]0;owned\u{07}")
        }
        let memberships = images.map { Membership(image: $0, status: "pending\u{1b}[31m", sharedAt: nil) }
        let members = hostile.map { ImageMember(imageID: images[0].id, memberID: $0.raw, status: "accepted\r", createdAt: "\u{1b}[2J") }
        var state = RenderFixture.connected(width: width, height: height, images: images, memberships: memberships, members: members)
        state.session?.cloud = "cloud\u{1b}[5m"
        state.session?.userName = "user\r"
        state.session?.endpointHost = "host\u{9b}2J"
        return state
    }

    @Test("names, owners, statuses and ids are escaped in every pane", arguments: [(120, 40), (80, 24)])
    func panes(size: (Int, Int)) {
        let (width, height) = size
        var state = Self.state(width: width, height: height)
        state.focus = .members
        let frame = RenderFixture.render(state, width: width, height: height)
        RenderFixture.checkShape(frame, width: width, height: height)
        #expect(!RenderFixture.hasControlCharacters(frame.text.replacingOccurrences(of: "\n", with: "")))
        #expect(frame.text.contains("^[]0;ow…"))
        #expect(frame.text.contains("cloud^[[5m"))
        #expect(frame.text.contains("user^M@demo"))
        for (_, shown) in Self.hostile.prefix(4) where height >= 40 {
            #expect(frame.text.contains(shown), "images pane shows \(shown)")
        }
    }

    @Test("each hostile name appears escaped in the images pane")
    func everyName() {
        let frame = RenderFixture.render(Self.state(width: 160, height: 40), width: 160, height: 40)
        for (_, shown) in Self.hostile {
            #expect(frame.text.contains(shown), "missing \(shown)")
        }
        #expect(!RenderFixture.hasControlCharacters(frame.text.replacingOccurrences(of: "\n", with: "")))
    }

    @Test("flash messages, connection errors, prompts, the log and dialogs are escaped too")
    func messages() {
        var state = Self.state()
        state.flash = Flash(text: "server said \u{1b}[2J\rboom", level: .error, until: RenderFixture.now.addingTimeInterval(5))
        var frame = RenderFixture.render(state)
        #expect(frame.lines[39].text.hasPrefix("server said ^[[2J^Mboom"))
        state.flash = nil
        let change = RecordChange(operation: RowOperation(request: RowRef("x"), inFlight: "", description: ""), pane: .members, rowKey: nil, connection: nil)
        state.overlay = .prompt(Prompt(kind: .operation(label: "share evil\u{1b}[2J with (project ids, comma-separated): ", change), text: "p\u{1b}"))
        frame = RenderFixture.render(state)
        #expect(frame.lines[39].text.hasPrefix("share evil^[[2J with (project ids, comma-separated): p^["))
        state.overlay = .reader(.activityLog)
        state.activity = [ActivityEntry(time: RenderFixture.now, imageID: "i\u{1b}d", imageName: "n\u{9b}m", memberID: "m\r",
                                        from: "pending", to: "accepted", outcome: .failed, detail: "bad\u{202e}thing")]
        frame = RenderFixture.render(state)
        #expect(frame.text.contains("n\\u{9b}m (i^[d)  m^M  pending → accepted  failed: bad\\u{202e}thing"))
        state.overlay = .confirm(Console.Confirmation(title: "Remove \u{1b}[1m", message: "remove m\r from \u{202e}x", confirmLabel: "Remove", changes: []))
        frame = RenderFixture.render(state)
        #expect(frame.text.contains("Remove ^[[1m"))
        #expect(frame.text.contains("remove m^M from \\u{202e}x"))
        var failed = ConsoleState(system: GlanceV2System.model, now: RenderFixture.now)
        RenderFixture.send(&failed, .connectionFailed("connect \u{1b}[2Jrefused\r"))
        frame = RenderFixture.render(failed)
        #expect(frame.lines[0].text.contains("connect ^[[2Jrefused^M"))
        for candidate in [frame] { RenderFixture.checkShape(candidate, width: 120, height: 40) }
    }

    @Test("a key bound to a control character is shown escaped in hints and help")
    func hostileKey() {
        let settings = ConsoleSettings(keyMap: KeyMap(overrides: [.accept: [.character("\u{1b}")]]))
        var state = RenderFixture.connected(settings: settings)
        var frame = RenderFixture.render(state)
        #expect(frame.lines[39].text.contains("^[ accept"))
        state.overlay = .help
        frame = RenderFixture.render(state)
        #expect(frame.text.contains("^["))
        RenderFixture.checkShape(frame, width: 120, height: 40)
    }
}
