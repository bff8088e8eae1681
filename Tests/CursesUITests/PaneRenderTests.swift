import Console
import ConsoleRuntime
import CursesUI
import Foundation
import MembershipKit
import GlanceScript
import Testing

/// The three panes as text, at the two sizes operators use most.
@Suite("Panes", .serialized)
struct PaneRenderTests {
    @Test("120×40: images left, members and memberships right, every line 120 columns")
    func wide() {
        let frame = RenderFixture.render(RenderFixture.connected())
        RenderFixture.checkShape(frame, width: 120, height: 40)
        let lines = RenderFixture.lines(frame)
        #expect(lines[1] == "┌─ Images (5) " + String(repeating: "─", count: 51) + "┐┌─ Members of alpha (3) " + String(repeating: "─", count: 29) + "┐")
        #expect(lines[2] == "│ Name                     ID       Visibility Owner    Share    ││  Member ID                              Status     │")
        #expect(lines[3] == "│ alpha                    a1a1a1a1 shared     (mine)            ││  11111111222233334444555566667777       pending    │")
        #expect(lines[5] == "│ delta                    d4d4d4d4 shared     c0ffee00 accepted ││  8f3c2a1b9d7e4f60a1b2c3d4e5f60718 (you) rejected   │")
        #expect(lines[6] == "│ epsilon                  e5e5e5e5 community  c0ffee00 rejected ││                                                    │")
        #expect(lines[18] == "│" + String(repeating: " ", count: 64) + "│┌─ Memberships (3) " + String(repeating: "─", count: 34) + "┐")
        #expect(lines[19].hasSuffix("││  Status       Image                   Owner    Age │"))
        #expect(lines[20].hasSuffix("││  pending      gamma                   c0ffee00 12m │"))
        #expect(lines[21].hasSuffix("││  accepted     delta                   c0ffee00 5d  │"))
        #expect(lines[22].hasSuffix("││  rejected     epsilon                 c0ffee00 40s │"))
        // The bottom borders say where the cursor is.
        #expect(lines[38] == "└" + String(repeating: "─", count: 58) + " 1/5 ─┘└" + String(repeating: "─", count: 46) + " 1/3 ─┘")
    }

    @Test("80×24: the panes stacked, as an exact snapshot")
    func narrowSnapshot() {
        let frame = RenderFixture.render(RenderFixture.connected(width: 80, height: 24), width: 80, height: 24)
        RenderFixture.checkShape(frame, width: 80, height: 24)
        let expected = """
         memberdeck  devstack/RegionOne  alice@demo  glance.example.co…  updated 0s ago 
        ┌─ Images (5) ─────────────────────────────────────────────────────────────────┐
        │ Name                                 ID       Visibility Owner    Share      │
        │ alpha                                a1a1a1a1 shared     (mine)              │
        │ beta                                 b2b2b2b2 private    (mine)              │
        │ delta                                d4d4d4d4 shared     c0ffee00 accepted   │
        │ epsilon                              e5e5e5e5 community  c0ffee00 rejected   │
        │ gamma                                c3c3c3c3 shared     c0ffee00 pending    │
        │                                                                              │
        └──────────────────────────────────────────────────────────────────────── 1/5 ─┘
        ┌─ Members of alpha (3) ───────────────────────────────────────────────────────┐
        │  Member ID                              Status               Updated         │
        │  11111111222233334444555566667777       pending              2026-11-22 15:41│
        │  22222222333344445555666677778888       accepted             2026-11-21 10:15│
        │  8f3c2a1b9d7e4f60a1b2c3d4e5f60718 (you) rejected             2026-11-19 00:00│
        └──────────────────────────────────────────────────────────────────────── 1/3 ─┘
        ┌─ Memberships (3) ────────────────────────────────────────────────────────────┐
        │  Status       Image                                             Owner    Age │
        │  pending      gamma                                             c0ffee00 12m │
        │  accepted     delta                                             c0ffee00 5d  │
        │  rejected     epsilon                                           c0ffee00 40s │
        │                                                                              │
        └──────────────────────────────────────────────────────────────────────── 1/3 ─┘
        enter open  + share  a accept  / filter  : command  ? help  q quit              
        """
        #expect(frame.text == expected)
    }

    @Test("the focused pane's cursor row is the selection; other panes show theirs unfocused")
    func selectionRoles() {
        var state = RenderFixture.connected()
        var frame = RenderFixture.render(state)
        #expect(RenderFixture.roles(onLineWith: "a1a1a1a1", in: frame).contains(.selection))
        #expect(RenderFixture.role(of: "Images (5)", in: frame) == .titleFocused)
        #expect(RenderFixture.role(of: "Memberships (3)", in: frame) == .title)
        #expect(frame.lines[1].spans.first?.role == .borderFocused)
        let gammaRow = RenderFixture.roles(onLineWith: "gamma                   c0ffee00", in: frame)
        #expect(gammaRow.contains(.selectionUnfocused))
        #expect(!gammaRow.contains(.selection))
        // A row that is not the cursor keeps its status colours.
        #expect(frame.lines[21].spans.contains { $0.text.contains("accepted") && $0.role == .statusAccepted })
        RenderFixture.key(&state, .tab)
        RenderFixture.key(&state, .tab)
        frame = RenderFixture.render(state)
        #expect(RenderFixture.role(of: "Memberships (3)", in: frame) == .titleFocused)
        #expect(RenderFixture.roles(onLineWith: "gamma                   c0ffee00", in: frame).contains(.selection))
        #expect(RenderFixture.roles(onLineWith: "a1a1a1a1", in: frame).contains(.selectionUnfocused))
    }

    @Test("status cells, own images and my member row have their roles")
    func cellRoles() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .down)  // cursor off alpha
        let frame = RenderFixture.render(state)
        let alpha = frame.lines[3].spans
        #expect(alpha.contains { $0.text.hasPrefix("(mine)") && $0.role == .own })
        let delta = frame.lines[5].spans
        #expect(delta.contains { $0.text.hasPrefix("accepted") && $0.role == .statusAccepted })
        #expect(frame.lines[6].spans.contains { $0.text.hasPrefix("rejected") && $0.role == .statusRejected })
        #expect(frame.lines[7].spans.contains { $0.text.hasPrefix("pending") && $0.role == .statusPending })
        #expect(RenderFixture.role(of: "(you)", in: frame) == .own)
        #expect(RenderFixture.role(of: "Name", in: frame) == .columnHeader)
    }

    @Test("titles count visible rows and show the filter and a non-default sort")
    func titles() {
        var state = RenderFixture.connected()
        state.images.setFilter(RowFilter(text: "ta"))
        var frame = RenderFixture.render(state)
        #expect(frame.lines[1].text.hasPrefix("┌─ Images (2/5) /ta ─"))
        #expect(frame.text.contains("│ beta "))
        #expect(!frame.text.contains("│ gamma "))
        state.images.setFilter(RowFilter(text: "ta", inverted: true))
        state.images.setSort(column: 3, descending: true)
        frame = RenderFixture.render(state)
        #expect(frame.lines[1].text.hasPrefix("┌─ Images (3/5) /!ta [sorted by Owner desc] ─"))
        state.images.setFilter(RowFilter(text: "zzz"))
        frame = RenderFixture.render(state)
        #expect(frame.text.contains("│ nothing matches /zzz "))
    }

    @Test("`:images all` is named in the title")
    func allImages() {
        var state = RenderFixture.connected()
        state.imageScope = .all
        #expect(RenderFixture.render(state).lines[1].text.hasPrefix("┌─ All images (5) ─"))
    }

    @Test("loading shows progress instead of an empty pane")
    func loading() {
        var state = ConsoleState(system: GlanceV2System.model, now: RenderFixture.now)
        let effects = RenderFixture.send(&state, .connected(RenderFixture.session()))
        var frame = RenderFixture.render(state)
        #expect(frame.text.contains("│ loading… "))
        guard let request = effects.imagesRequests.first else {
            Issue.record("no images load")
            return
        }
        RenderFixture.send(&state, .imagesProgress(request: request, count: 350))
        frame = RenderFixture.render(state)
        #expect(frame.lines[3].text.hasPrefix("│ images 350… "))
        #expect(RenderFixture.role(of: "images 350…", in: frame) == .dim)
        #expect(state.isBusy)
    }

    @Test("a pane that failed to load shows the message in the error role; empty panes say so")
    func failedAndEmpty() {
        var state = RenderFixture.connected(memberships: [], members: [])
        var frame = RenderFixture.render(state)
        #expect(frame.text.contains("no shares offered to your project"))
        #expect(frame.text.contains("no members"))
        #expect(RenderFixture.role(of: "no members", in: frame) == .dim)
        state.members.loading = .failed("HTTP 403: You are not permitted (request req-42)")
        frame = RenderFixture.render(state)
        #expect(frame.text.contains("HTTP 403: You are not permitted (request req-42)"))
        #expect(RenderFixture.role(of: "HTTP 403", in: frame) == .error)
        let empty = RenderFixture.render(RenderFixture.connected(images: [], memberships: []))
        #expect(empty.text.contains("│ no images "))
        #expect(empty.text.contains("select an image"))
    }

    @Test("the bottom border counts the marked rows and says where the cursor is")
    func markedAndPosition() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .tab)
        RenderFixture.key(&state, .character(" "))
        RenderFixture.key(&state, .character(" "))
        let frame = RenderFixture.render(state)
        #expect(RenderFixture.lines(frame)[17].hasSuffix(" 2 marked  3/3 ─┘"))
    }

    @Test("my member row shows the whole project id before (you): the column is measured with it")
    func myMemberIDIsWhole() {
        let frame = RenderFixture.render(RenderFixture.connected())
        #expect(frame.text.contains("\(RenderFixture.me) (you)"))
    }

    @Test("an image that is not shared: the members pane says why it has none, dimmed")
    func unsharedImageHasNoMembers() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .character("j"))                              // beta, private
        #expect(RenderFixture.send(&state, .tick(RenderFixture.now.addingTimeInterval(1))).isEmpty)
        let frame = RenderFixture.render(state)
        #expect(frame.text.contains("private image: only shared images have members"))
        #expect(RenderFixture.role(of: "private image", in: frame) == .dim)
    }

    @Test("before the session exists the panes say connecting")
    func notConnected() {
        let frame = RenderFixture.render(ConsoleState(system: GlanceV2System.model, now: RenderFixture.now))
        RenderFixture.checkShape(frame, width: 120, height: 40)
        #expect(frame.text.contains("│ connecting… "))
    }

    @Test("members show updated, then created times as the pane widens; ids stay whole")
    func timestamps() {
        var frame = RenderFixture.render(RenderFixture.connected(width: 160, height: 40), width: 160, height: 40)
        RenderFixture.checkShape(frame, width: 160, height: 40)
        #expect(RenderFixture.line(frame, containing: "Member ID")?.contains("Status       Updated         │") == true)
        #expect(RenderFixture.line(frame, containing: "11111111222233334444555566667777")?.contains("       pending      2026-11-22 15:41│") == true)
        frame = RenderFixture.render(RenderFixture.connected(width: 200, height: 40), width: 200, height: 40)
        RenderFixture.checkShape(frame, width: 200, height: 40)
        let row = RenderFixture.line(frame, containing: "11111111222233334444555566667777") ?? ""
        #expect(row.contains("2026-11-22 15:40 2026-11-22 15:41"))
    }

    @Test("marked rows carry the mark and the marked role")
    func marks() {
        var state = RenderFixture.connected()
        RenderFixture.key(&state, .tab)
        RenderFixture.key(&state, .character(" "))  // marks the first member, moves down
        let frame = RenderFixture.render(state)
        let line = RenderFixture.line(frame, containing: "11111111222233334444555566667777") ?? ""
        #expect(line.contains("│● 11111111222233334444555566667777"))
        #expect(RenderFixture.roles(onLineWith: "11111111222233334444555566667777", in: frame).contains(.marked))
        #expect(RenderFixture.roles(onLineWith: "22222222333344445555666677778888", in: frame).contains(.selection))
    }

    @Test("only the rows on screen are drawn; the cursor stays visible at the bottom of 10,000")
    func scrolling() {
        let images = (0..<10_000).map { RenderFixture.image(String(format: "%08d-0000-4000-8000-000000000000", $0), String(format: "image-%05d", $0)) }
        var state = RenderFixture.connected(images: images)
        RenderFixture.key(&state, .character("G"))
        let frame = RenderFixture.render(state)
        RenderFixture.checkShape(frame, width: 120, height: 40)
        #expect(frame.text.contains("│ image-09999 "))
        #expect(!frame.text.contains("│ image-00000 "))
        #expect(frame.lines[1].text.hasPrefix("┌─ Images (10000) ─"))
        #expect(RenderFixture.roles(onLineWith: "image-09999", in: frame).contains(.selection))
        // The last data row of the pane (row 37) holds the cursor.
        #expect(frame.lines[37].text.hasPrefix("│ image-09999 "))
    }

    @Test("a pane whose scroll position lags a resize still shows its cursor")
    func staleScroll() {
        var state = RenderFixture.connected(width: 120, height: 40)
        RenderFixture.key(&state, .character("G"))  // cursor on the 5th image with a tall pane
        // The terminal shrank but no resize event has arrived yet.
        let frame = RenderFixture.render(state, width: 80, height: 16)
        RenderFixture.checkShape(frame, width: 80, height: 16)
        #expect(RenderFixture.roles(onLineWith: "gamma      ", in: frame).contains(.selection))
    }

    @Test("project names replace ids as they arrive: the Owner column, member rows (mine still says you), the inbox")
    func projectNames() {
        var state = RenderFixture.connected()
        let before = RenderFixture.render(state).text
        #expect(before.contains("11111111222233334444555566667777"))
        RenderFixture.send(&state, .projectsNamed([
            "11111111222233334444555566667777": "finance", RenderFixture.me: "demo", RenderFixture.owner: "imaging",
        ]))
        let frame = RenderFixture.render(state)
        RenderFixture.checkShape(frame, width: 120, height: 40)
        #expect(frame.text.contains("finance") && !frame.text.contains("11111111222233334444555566667777"))
        #expect(frame.text.contains("demo (you)"))
        #expect(frame.text.contains("imaging"), "the Owner column of images shared with me, and the inbox")
        #expect(frame.text.contains("22222222333344445555666677778888"), "an id no one named stays as it is")
    }
}
