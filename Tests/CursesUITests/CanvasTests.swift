@testable import CursesUI
import GlanceScript
import Testing
import TerminalText

/// The cell grid under every frame: exact widths, wide characters never split.
@Suite("Canvas and text fitting", .serialized)
struct CanvasTests {
    init() { _ = RenderFixture.localeIsUTF8 }

    @Test("writing stops at the limit; a wide character that does not fit leaves a space")
    func wideAtEdge() {
        var canvas = Canvas(width: 5, height: 1)
        let used = canvas.write("ab漢字", row: 0, column: 0, role: .normal)
        #expect(used == 5)
        #expect(canvas.lines()[0].text == "ab漢 ")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalves() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("漢字漢", row: 0, column: 0, role: .normal)
        canvas.write("|", row: 0, column: 1, role: .border)  // right half of the first
        canvas.write("|", row: 0, column: 2, role: .border)  // left half of the second
        let line = canvas.lines()[0]
        #expect(line.text == " || 漢")
        #expect(DisplayWidth.of(line.text) == 6)
        var shifted = Canvas(width: 6, height: 1)
        shifted.write("漢字漢", row: 0, column: 0, role: .normal)
        shifted.write("字", row: 0, column: 1, role: .dim)
        #expect(shifted.lines()[0].text == " 字 漢")
    }

    @Test("spans merge runs of the same role")
    func spans() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.write("ab", row: 0, column: 0, role: .title)
        canvas.write("cd", row: 0, column: 2, role: .title)
        canvas.write("e", row: 0, column: 4, role: .dim)
        #expect(canvas.lines()[0].spans == [Span("abcd", .title), Span("e", .dim), Span("   ", .normal)])
    }

    @Test("truncation measures columns and uses the frame's ellipsis")
    func truncate() {
        #expect(TextFit.truncate("abcdef", to: 4, ellipsis: "…") == "abc…")
        #expect(TextFit.truncate("abcdef", to: 4, ellipsis: "...") == "a...")
        #expect(TextFit.truncate("abcdef", to: 2, ellipsis: "...") == "..")
        #expect(TextFit.truncate("漢字漢字", to: 6, ellipsis: "…") == "漢字…")
        #expect(TextFit.truncate("漢字漢字", to: 8, ellipsis: "…") == "漢字漢字")
        #expect(TextFit.truncate("e\u{301}e\u{301}e\u{301}", to: 2, ellipsis: "…") == "e\u{301}…")
        #expect(TextFit.takeLast("abcdef", 3) == "def")
    }

    @Test("wrapping breaks at spaces, and cuts words longer than a line")
    func wrap() {
        #expect(TextFit.wrap("remove proj-a from image alpha", to: 12) == ["remove", "proj-a from", "image alpha"])
        #expect(TextFit.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFit.wrap("", to: 4) == [""])
    }

    @Test("columns: optional ones are dropped before essential ones shrink")
    func columnPlan() {
        let specs = [
            ColumnSpec(title: "ID", minimum: 12, preferred: 32, dropRank: nil),
            ColumnSpec(title: "Status", minimum: 11, preferred: 12, dropRank: nil, flexible: true),
            ColumnSpec(title: "Created", minimum: 16, preferred: 16, dropRank: 2),
            ColumnSpec(title: "Updated", minimum: 16, preferred: 16, dropRank: 1),
        ]
        #expect(ColumnPlan.place(specs, width: 100).map(\.width) == [32, 33, 16, 16])
        #expect(ColumnPlan.place(specs, width: 68).map(\.spec) == [0, 1, 3])
        #expect(ColumnPlan.place(specs, width: 50) == [PlacedColumn(spec: 0, offset: 0, width: 32), PlacedColumn(spec: 1, offset: 33, width: 17)])
        #expect(ColumnPlan.place(specs, width: 30).map(\.width) == [18, 11])
        // Narrower than the minimums: cut at the edge, never wider than asked.
        let tiny = ColumnPlan.place(specs, width: 15)
        #expect(tiny.last.map { $0.offset + $0.width } ?? 0 <= 15)
    }

    @Test("timestamps and ages")
    func times() {
        #expect(TimeText.minutes("2026-11-22T15:40:32Z") == "2026-11-22 15:40")
        #expect(TimeText.minutes("2026-11-22T15:40:32.123456+02:00") == "2026-11-22 13:40")
        #expect(TimeText.minutes("2000-02-29 23:59:59") == "2000-02-29 23:59")
        #expect(TimeText.minutes("1969-12-31T23:59:00Z") == "1969-12-31 23:59")
        #expect(TimeText.minutes("not a date\u{1b}") == "not a date^[")
        #expect(TimeText.minutes(nil) == "")
        #expect(TimeText.age(seconds: 40) == "40s")
        #expect(TimeText.age(seconds: 12 * 60 + 5) == "12m")
        #expect(TimeText.age(seconds: 5 * 3600 + 59) == "5h")
        #expect(TimeText.age(seconds: 3 * 86_400 + 10) == "3d")
        #expect(TimeText.age(seconds: -30) == "0s")
    }
}
