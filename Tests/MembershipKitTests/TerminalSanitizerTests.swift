import Testing
import TerminalText

/// Server-supplied text made safe for a terminal.
@Suite("Terminal sanitizer")
struct TerminalSanitizerTests {
    @Test("control, bidi and invisible characters become visible text", arguments: [
        ("\u{1B}[31mred", "^[[31mred"),
        ("a\rb", "a^Mb"),
        ("a\nb\tc", "a^Jb^Ic"),
        ("\u{0}", "^@"),
        ("del\u{7F}", "del^?"),
        ("\u{9B}2J", "\\u{9b}2J"),
        ("\u{85}", "\\u{85}"),
        ("abc\u{202E}fed", "abc\\u{202e}fed"),
        ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
        ("\u{200F}", "\\u{200f}"),
        ("in\u{200B}visible", "in\\u{200b}visible"),
        ("\u{FEFF}bom", "\\u{feff}bom"),
        ("soft\u{AD}hyphen", "soft\\u{ad}hyphen"),
    ])
    func sanitized(input: String, expected: String) {
        #expect(TerminalSanitizer.sanitize(input) == expected)
    }

    @Test("plain text is unchanged", arguments: [
        "cirros-0.6.2-x86_64-disk", "Ubuntu 24.04 LTS (Noble)", "日本語のイメージ", "Ελληνικά", "café e\u{301}", "😀 👍🏽 🇫🇷", "", "~!@#$%^&*()_+{}|:\"<>?",
    ])
    func plainUnchanged(text: String) {
        #expect(TerminalSanitizer.sanitize(text) == text)
    }

    @Test("no escape character survives sanitising")
    func noEscapeSurvives() {
        let hostile = "\u{1B}]0;title\u{07}\u{1B}[2J\u{9B}31m\r\u{8}\u{202E}"
        let out = TerminalSanitizer.sanitize(hostile)
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
    }

    @Test("bytes that are not UTF-8 become U+FFFD, then are sanitised")
    func invalidBytes() {
        #expect(TerminalSanitizer.sanitize(bytes: [0xFF, 0x41, 0x1B]) == "\u{FFFD}A^[")
        #expect(TerminalSanitizer.sanitize(bytes: Array("ok".utf8)) == "ok")
    }
}
