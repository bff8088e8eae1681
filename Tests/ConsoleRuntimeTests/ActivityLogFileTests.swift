import Console
import ConsoleRuntime
import Foundation
import Testing

/// The activity log file: what an operator reads later (`less`, `tail -f`), so each entry must stay
/// one line that server text cannot reorder, recolour or split, and the file must be private.
@Suite("Activity log file")
struct ActivityLogFileTests {
    static func entry(_ imageName: String = "golden", memberID: String = "analytics", detail: String? = nil) -> ActivityEntry {
        ActivityEntry(time: Date(timeIntervalSince1970: 1_788_249_600), imageID: "img-1", imageName: imageName, memberID: memberID,
                      from: "pending", to: "accepted", outcome: detail == nil ? .done : .failed, detail: detail)
    }

    @Test("each entry is appended as one line, after what the file held")
    func appendsOneLinePerEntry() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let log = ActivityLogFile(path: scratch.path + "/activity.log")
        log.append(Self.entry("alpha"))
        log.append(Self.entry("beta", detail: "403 Forbidden: no"))
        // A second writer (the next run of the console) appends too.
        ActivityLogFile(path: log.path).append(Self.entry("gamma"))
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(text == [Self.entry("alpha"), Self.entry("beta", detail: "403 Forbidden: no"), Self.entry("gamma")].map { $0.line + "\n" }.joined())
    }

    @Test("the file is created 0600 and its missing folders 0700")
    func privatePermissions() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let folder = scratch.path + "/state/memberdeck"
        let log = ActivityLogFile(path: folder + "/activity.log")
        log.append(Self.entry())
        #expect(try ScratchDirectory.permissions(of: log.path) == 0o600)
        #expect(try ScratchDirectory.permissions(of: folder) == 0o700)
        #expect(try ScratchDirectory.permissions(of: scratch.path + "/state") == 0o700)
    }

    @Test("control characters from the server become visible text: one entry stays one line", arguments: [
        ("evil\u{1B}[2J\u{1B}[31mred", "evil^[[2J^[[31mred"),
        ("line\nbreak\rreturn\ttab", "line^Jbreak^Mreturn^Itab"),
        ("bell\u{07}del\u{7F}", "bell^Gdel^?"),
    ])
    func escapesControlCharacters(name: String, shown: String) throws {
        let line = try Self.loggedLine(imageName: name)
        #expect(line.contains("  \(shown) (img-1)  "))
    }

    @Test("C1 controls, bidi controls, separators and invisible characters are escaped, so a line cannot be reordered or recoloured",
          arguments: [
              ("csi-\u{9B}31m", "csi-\\u{9b}31m"),
              ("next\u{85}line", "next\\u{85}line"),
              ("bidi-\u{202E}gnp.exe", "bidi-\\u{202e}gnp.exe"),
              ("\u{2066}isolate\u{2069}", "\\u{2066}isolate\\u{2069}"),
              ("mark\u{200F}", "mark\\u{200f}"),
              ("para\u{2029}graph", "para\\u{2029}graph"),
              ("zero\u{200B}width", "zero\\u{200b}width"),
          ])
    func escapesBidiAndC1(name: String, shown: String) throws {
        let line = try Self.loggedLine(imageName: name)
        #expect(line.contains("  \(shown) (img-1)  "))
    }

    @Test("the server's message on a failure is escaped as well")
    func escapesTheServersMessage() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let log = ActivityLogFile(path: scratch.path + "/activity.log")
        log.append(Self.entry(detail: "403 Forbidden: \u{1B}]0;pwned\u{07}\u{202E}no\r\nforged line"))
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(text.hasSuffix("failed: 403 Forbidden: ^[]0;pwned^G\\u{202e}no^M^Jforged line\n"))
    }

    /// Appends an entry for an image called `imageName` to a fresh log and reads the file back,
    /// checking that nothing a terminal would obey was written and that it is one line.
    static func loggedLine(imageName: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let log = ActivityLogFile(path: scratch.path + "/activity.log")
        log.append(entry(imageName))
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(text.filter { $0 == "\n" }.count == 1, sourceLocation: sourceLocation)
        let line = String(text.dropLast())
        let obeyed = line.unicodeScalars.filter { scalar in
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || [0x200B, 0x200E, 0x200F, 0x2028, 0x2029].contains(value)
        }
        #expect(obeyed.isEmpty, "raw controls in the log: \(obeyed.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        return line
    }
}
