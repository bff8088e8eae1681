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
