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

    /// Every character the activity log, the screen and the outputs must not write raw.
    static let bidiAndSeparators: [Unicode.Scalar] = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                                                      0x2028, 0x2029].compactMap(Unicode.Scalar.init)

    @Test("an activity log line escapes bidi controls, separators, C1 and newlines, so one entry stays one readable line")
    func activityLogLine() {
        for scalar in Self.bidiAndSeparators + ["\u{85}", "\u{9B}", "\u{1B}", "\n", "\r", "\u{7F}"] {
            let line = TerminalSanitizer.sanitize("added member \(scalar)evil\(scalar) to image")
            #expect(!line.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) is written raw: \(line)")
            #expect(line.hasPrefix("added member ") && line.hasSuffix(" to image"))
        }
        #expect(TerminalSanitizer.sanitize("share \u{202E}gnp.exe\u{2066}") == "share \\u{202e}gnp.exe\\u{2066}")
        #expect(TerminalSanitizer.sanitize("one\ntwo\u{2028}three") == "one^Jtwo\\u{2028}three")
    }

    @Test("the json and yaml notations escape the same characters, plus their own quote and backslash", arguments: [
        ("plain é 日本", "plain é 日本", "plain é 日本"),
        ("q\"b\\", "q\\\"b\\\\", "q\\\"b\\\\"),
        ("t\tn\nr\r", "t\\tn\\nr\\r", "t\\tn\\nr\\r"),
        ("\u{1B}[2J\u{7F}\u{9B}", "\\u001b[2J\\u007f\\u009b", "\\u001b[2J\\u007f\\u009b"),
        ("rtl\u{202E}x\u{2069}", "rtl\\u202ex\\u2069", "rtl\\u202ex\\u2069"),
        ("tag\u{E0041}", "tag\\udb40\\udc41", "tag\\U000e0041"),
        ("\u{FFFE}", "\u{FFFE}", "\\ufffe"),
    ])
    func quotedNotations(input: String, json: String, yaml: String) {
        #expect(TerminalSanitizer.escaped(input, as: .jsonString) == json)
        #expect(TerminalSanitizer.escaped(input, as: .yamlString) == yaml)
    }

    @Test("every notation escapes every bidi control and separator")
    func everyNotationEscapesBidi() {
        for notation in [EscapeNotation.visible, .jsonString, .yamlString] {
            let text = String(String.UnicodeScalarView(Self.bidiAndSeparators))
            let escaped = TerminalSanitizer.escaped(text, as: notation)
            #expect(!escaped.unicodeScalars.contains(where: Self.bidiAndSeparators.contains), "\(notation): \(escaped)")
        }
    }
}
