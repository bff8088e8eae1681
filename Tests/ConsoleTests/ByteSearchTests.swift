import Testing
@testable import Console

/// The byte search behind `/`: it must agree with a plain substring test on lowercased text,
/// whatever the bytes (multi-byte characters, a repeated first byte, the match at either end).
@Suite("Byte search for /")
struct ByteSearchTests {
    @Test("agrees with String.contains on lowercased text, over a seeded set of texts and needles")
    func agreesWithContains() {
        let texts = ["", "a", "aaab", "ubuntu-24.04-golden", "テスト画像\u{1}owner", "🚀 launch image", "abcabd", "x\u{1}golden", "ÄÖÜ-straße"]
        let needles = ["", "a", "ab", "abd", "aab", "golden", "テスト", "画像\u{1}o", "🚀", "launch image ", "straße", "\u{1}", "zz",
                       "ubuntu-24.04-golden-and-more"]
        for text in texts {
            for needle in needles {
                let lowered = text.lowercased()
                let expected = needle.isEmpty || lowered.utf8.count >= needle.utf8.count && lowered.utf8.elementsEqualSomewhere(Array(needle.lowercased().utf8))
                #expect(ByteSearch.contains(lowered, Array(needle.lowercased().utf8)) == expected, "\(text) ~ \(needle)")
            }
        }
    }

    @Test("a filter matches case-insensitively, and /! inverts")
    func filterMatches() {
        let filter = RowFilter(text: "GOLD")
        #expect(filter.matches(["Ubuntu-Golden"]))
        #expect(!filter.matches(["debian"]))
        #expect(RowFilter(text: "gold", inverted: true).matches(["debian"]))
        #expect(!RowFilter(text: "gold", inverted: true).matches(["golden"]))
        #expect(RowFilter(text: "ÄÖ").matches(["x-äö-y"]))
    }
}

private extension String.UTF8View {
    /// A naive substring search, the reference the byte search is checked against.
    func elementsEqualSomewhere(_ needle: [UInt8]) -> Bool {
        let bytes = Array(self)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
}

@Suite("Filtering a pane whose rows change")
struct PaneFilterIndexTests {
    static func row(_ index: Int, _ name: String) -> RecordRow {
        RecordRow(key: "k\(index)", cells: [name, "id-\(index)"], ref: RowRef("k\(index)"))
    }

    @Test("after each change of a row's text, and after enough to rebuild the index, the filter shows what a plain search shows")
    func filterFollowsChanges() {
        var pane = PaneState<RecordRow>()
        pane.setRows((0..<200).map { Self.row($0, $0 % 3 == 0 ? "Golden-\($0)" : "plain-\($0)") })
        pane.setFilter(RowFilter(text: "gold"))
        for step in 0..<600 {
            // A fixed walk over the rows, so that a failure repeats.
            let index = (step * 37 + step / 7) % 200
            let name = (step * 13) % 5 < 2 ? "GOLDEN-\(step)" : "lead-\(step)"
            pane.update(key: "k\(index)") { $0.cells[0] = name }
            let expected = pane.rows.filter { $0.cells.contains { $0.lowercased().contains("gold") } }.map(\.key)
            #expect(Set(pane.visibleRows.map(\.key)) == Set(expected), "step \(step)")
        }
        pane.setFilter(RowFilter(text: "gold", inverted: true))
        #expect(Set(pane.visibleRows.map(\.key)) == Set(pane.rows.filter { !$0.cells[0].lowercased().contains("gold") }.map(\.key)))
        pane.setFilter(RowFilter(text: "id-1\u{1}"))
        #expect(pane.visibleRows.isEmpty, "no match spans two texts")
    }
}

/// The 8-byte span of a row's texts in the search bytes, and the search a row outside them gets.
@Suite("Search spans")
struct SearchSpanTests {
    @Test("a range within 4 GiB round-trips; one past it, or the marker, has no range")
    func ranges() {
        #expect(SearchSpan(0..<0)?.range == 0..<0)
        #expect(SearchSpan(12..<40)?.range == 12..<40)
        #expect(SearchSpan(0..<Int(UInt32.max) - 1)?.range == 0..<Int(UInt32.max) - 1)
        #expect(SearchSpan(0..<Int(UInt32.max)) == nil)
        #expect(SearchSpan(Int(UInt32.max) + 1..<Int(UInt32.max) + 9) == nil)
        #expect(SearchSpan.outside.range == nil)
    }

    @Test("a row outside the search bytes is searched in its own texts, lowered, as the bytes would be")
    func rowOutsideIsSearchedInItsTexts() {
        let row = RecordRow(key: "k", cells: ["Ubuntu-24.04-GOLDEN", "ÄÖÜ-Straße", "id-1"], ref: RowRef("k"))
        for (needle, expected) in [("golden", true), ("äöü-str", true), ("id-1", true), ("den\u{1}äö", false), ("fedora", false), ("", true)] {
            #expect(PaneState<RecordRow>.rowTextContains(row, Array(needle.utf8)) == expected, "\(needle)")
        }
    }
}
