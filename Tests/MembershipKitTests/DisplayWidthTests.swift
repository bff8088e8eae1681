import Testing
import TerminalText

/// Terminal column widths (wcwidth under a UTF-8 locale). Serialized because the locale is process-wide.
@Suite("Display width", .serialized)
struct DisplayWidthTests {
    init() { TerminalLocale.adopt() }

    @Test("column widths", arguments: [
        ("", 0), ("abc", 3), ("日本", 4), ("e\u{301}", 1), ("café", 4), ("한국어", 6), ("ｱ", 1), ("ＡＢ", 4), ("😀", 2), ("a b", 3),
    ])
    func widths(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test("truncate keeps text that fits")
    func truncateFits() {
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("日本", to: 4) == "日本")
    }

    @Test("truncate cuts to the width, ellipsis included", arguments: [
        ("abcdef", 4, "abc…"),
        ("日本語", 5, "日本…"),
        ("日本語", 4, "日…"),
        ("abc", 1, "…"),
        ("abc", 0, ""),
        ("abc", -1, ""),
    ])
    func truncateCuts(text: String, columns: Int, expected: String) {
        let out = DisplayWidth.truncate(text, to: columns)
        #expect(out == expected)
        #expect(DisplayWidth.of(out) <= max(columns, 0))
    }

    @Test("truncate never splits a combining mark from its letter's column budget")
    func truncateCombining() {
        let out = DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2)
        #expect(DisplayWidth.of(out) <= 2)
        #expect(out.hasSuffix("…"))
    }

    @Test("pad fills to exactly the width", arguments: [
        ("ab", 4, "ab  "),
        ("日本", 5, "日本 "),
        ("abcdef", 4, "abc…"),
        ("日本語", 5, "日本…"),
        ("日本語", 4, "日… "),
        ("", 2, "  "),
    ])
    func pad(text: String, columns: Int, expected: String) {
        let out = DisplayWidth.pad(text, to: columns)
        #expect(out == expected)
        #expect(DisplayWidth.of(out) == columns)
    }

    @Test("what reaches the terminal has no emoji presentation selector, so every terminal draws the emoji as it is measured")
    func variationSelector() {
        let shown = TerminalSanitizer.sanitize("données-météo-🌦\u{FE0F} ❤\u{FE0F}")
        #expect(shown == "données-météo-🌦 ❤")
        #expect(DisplayWidth.of(shown) == 17)
        // json keeps the server's exact string.
        #expect(TerminalSanitizer.escaped("🌦\u{FE0F}", as: .jsonString).unicodeScalars.contains("\u{FE0F}"))
    }
}
