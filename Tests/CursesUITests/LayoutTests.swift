import Console
import ConsoleRuntime
import CursesUI
import GlanceScript
import Testing

@Suite("Layout")
struct LayoutTests {
    @Test("wide terminals put images on the left, members over memberships on the right")
    func sideBySide() {
        let panes = Layout.panes(width: 120, height: 40)
        #expect(panes[.images] == Rect(row: 1, column: 0, width: 66, height: 38))
        #expect(panes[.members] == Rect(row: 1, column: 66, width: 54, height: 17))
        #expect(panes[.memberships] == Rect(row: 18, column: 66, width: 54, height: 21))
        #expect(Layout.rowCapacity(width: 120, height: 40) == [.images: 35, .members: 14, .memberships: 18])
    }

    @Test("narrow terminals stack the panes: images 40%, members 25%, memberships the rest")
    func stacked() {
        let panes = Layout.panes(width: 80, height: 24)
        #expect(panes[.images] == Rect(row: 1, column: 0, width: 80, height: 9))
        #expect(panes[.members] == Rect(row: 10, column: 0, width: 80, height: 6))
        #expect(panes[.memberships] == Rect(row: 16, column: 0, width: 80, height: 7))
        #expect(Layout.rowCapacity(width: 80, height: 24) == [.images: 6, .members: 3, .memberships: 4])
    }

    @Test("panes cover the body exactly, between header and footer, at many sizes", arguments: [
        (60, 15), (80, 24), (99, 30), (100, 30), (120, 40), (200, 60), (61, 16),
    ])
    func coverage(size: (Int, Int)) {
        let (width, height) = size
        let panes = Layout.panes(width: width, height: height)
        var covered = Array(repeating: Array(repeating: 0, count: width), count: height)
        for rect in panes.values {
            for row in rect.row..<(rect.row + rect.height) {
                for column in rect.column..<(rect.column + rect.width) { covered[row][column] += 1 }
            }
        }
        #expect(covered[0].allSatisfy { $0 == 0 })
        #expect(covered[height - 1].allSatisfy { $0 == 0 })
        for row in 1..<(height - 1) { #expect(covered[row].allSatisfy { $0 == 1 }, "row \(row)") }
        // Every pane shows at least one data row at the smallest supported size.
        #expect(Layout.rowCapacity(width: width, height: height).values.allSatisfy { $0 >= 1 })
    }

    @Test("below 60×15 the whole frame is one polite message", arguments: [(59, 15), (60, 14), (30, 8), (20, 3)])
    func tooSmall(size: (Int, Int)) {
        let (width, height) = size
        let frame = RenderFixture.render(RenderFixture.connected(), width: width, height: height)
        RenderFixture.checkShape(frame, width: width, height: height)
        let words = frame.lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        #expect(words == "terminal too small: \(width)×\(height) (need at least 60×15)")
        #expect(!frame.text.contains("Images"))
    }

    @Test("the too-small message is centred")
    func tooSmallCentred() {
        let frame = RenderFixture.render(ConsoleState(system: GlanceV2System.model, now: RenderFixture.now), width: 59, height: 14)
        let lines = RenderFixture.lines(frame)
        // 47 columns in 59: 6 spaces each side; line 6 of 14.
        #expect(lines[6] == String(repeating: " ", count: 6) + "terminal too small: 59×14 (need at least 60×15)" + String(repeating: " ", count: 6))
        #expect(lines[5].trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test("a zero-sized terminal gives an empty frame")
    func zero() {
        let frame = ConsoleRenderer.render(ConsoleState(system: GlanceV2System.model, now: RenderFixture.now), width: 0, height: 0, unicode: true)
        #expect(frame.lines.isEmpty)
    }
}

extension Rect: CustomTestStringConvertible {
    public var testDescription: String { "Rect(row: \(row), column: \(column), width: \(width), height: \(height))" }
}
