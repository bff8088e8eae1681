import Console
import CursesUI
import Foundation
import MembershipKit
import GlanceScript
import Testing
import TerminalText

/// CJK, emoji and combining marks: the column after a name starts at the same display column on
/// every row, and no wide character is ever split at an edge.
@Suite("Wide characters", .serialized)
struct WideCharacterTests {
    static let names = [
        "plain-ascii",
        "日本語イメージ",
        "🚀 rocket",
        "中文名字很长很长很长很长很长很长很长很长很长",
        "école",
        "e\u{301}cole combining",
        "한국어 이미지",
        "🇯🇵 flag",
        "données-météo-🌦\u{FE0F}",
    ]

    static func state(width: Int, height: Int) -> ConsoleState {
        let images = names.enumerated().map { index, name in
            RenderFixture.image(String(format: "%08x-0000-4000-8000-000000000000", index + 1), name, owner: RenderFixture.owner)
        }
        let memberships = images.map { Membership(image: $0, status: "pending", sharedAt: "2026-11-18T10:00:00Z") }
        return RenderFixture.connected(width: width, height: height, images: images, memberships: memberships)
    }

    @Test("the ID column starts at the same display column on every images row", arguments: [(120, 40), (80, 24), (60, 15)])
    func alignedImages(size: (Int, Int)) {
        let (width, height) = size
        let frame = RenderFixture.render(Self.state(width: width, height: height), width: width, height: height)
        RenderFixture.checkShape(frame, width: width, height: height)
        var columns: Set<Int> = []
        for index in 0..<Self.names.count {
            let id = String(format: "%08x", index + 1)
            guard let line = RenderFixture.lines(frame).first(where: { $0.contains(id) }) else { continue }
            if let column = RenderFixture.column(of: id, in: line) { columns.insert(column) }
        }
        #expect(columns.count == 1, "ID column starts at \(columns.sorted())")
    }

    @Test("the Owner column of memberships stays aligned after wide image names")
    func alignedMemberships() {
        let frame = RenderFixture.render(Self.state(width: 120, height: 40))
        // The right-hand column of the lines below the members pane.
        let rows = RenderFixture.lines(frame).dropFirst(19).compactMap { line -> String? in
            guard let border = line.range(of: "││") else { return nil }
            let right = String(line[border.upperBound...])
            return right.contains("pending") ? right : nil
        }
        #expect(rows.count == Self.names.count)
        let columns = Set(rows.compactMap { RenderFixture.column(of: "c0ffee00", in: $0) })
        #expect(columns.count == 1)
    }

    @Test("a long CJK name is cut with an ellipsis and padded, never split")
    func truncatedWide() {
        let frame = RenderFixture.render(Self.state(width: 120, height: 40))
        let line = RenderFixture.line(frame, containing: "中文名字") ?? ""
        #expect(line.contains("…"))
        // The name column is 24 wide: 11 wide characters (22) and the ellipsis make 23, plus a pad space.
        #expect(line.contains("│ 中文名字很长很长很长很…  00000004"))
    }

    @Test("combining marks stay with their letter and take no column")
    func combining() {
        let frame = RenderFixture.render(Self.state(width: 120, height: 40))
        let line = RenderFixture.line(frame, containing: "combining") ?? ""
        #expect(line.contains("e\u{301}cole combining"))
        #expect(DisplayWidth.of(line) == 120)
    }

    @Test("an overlay edge over wide characters leaves spaces, not half characters", arguments: [(80, 24), (61, 20), (120, 40)])
    func overlayOverWide(size: (Int, Int)) {
        let (width, height) = size
        // Names of wide characters only, so any box edge falls inside one of them.
        let wide = String(repeating: "漢", count: 60)
        let images = (0..<40).map { RenderFixture.image(String(format: "%08x-0000-4000-8000-000000000000", $0), wide, owner: RenderFixture.owner) }
        let memberships = images.map { Membership(image: $0, status: "pending", sharedAt: "2026-11-18T10:00:00Z") }
        var state = RenderFixture.connected(width: width, height: height, images: images, memberships: memberships)
        for overlay in [Overlay.help, .reader(.activityLog), .confirm(Console.Confirmation(title: "Remove 漢字", message: String(repeating: "漢字 ", count: 30),
                                                                             confirmLabel: "Remove", changes: []))] {
            state.overlay = overlay
            for offset in 0..<3 {
                // Shift the boxes by a column to hit both halves of the wide characters.
                let frame = RenderFixture.render(state, width: width + offset, height: height)
                RenderFixture.checkShape(frame, width: width + offset, height: height)
            }
        }
    }

    @Test("the frame is exact at every width from 60 to 130 with wide names")
    func everyWidth() {
        let state = Self.state(width: 100, height: 30)
        for width in 60...130 {
            RenderFixture.checkShape(RenderFixture.render(state, width: width, height: 30), width: width, height: 30)
        }
    }
}
