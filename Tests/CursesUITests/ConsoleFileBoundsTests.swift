import CursesUI
import Foundation
import GlanceScript
import Testing

/// config.yaml (console settings) and theme files go through MembershipKit's bounded YAML reader,
/// and their numbers through its numeric rules.
@Suite("Console files: bounded YAML and numbers")
struct ConsoleFileBoundsTests {
    /// Nine anchors of nine aliases each (9⁹ leaves once expanded), under `key` after `prefix`.
    static func aliasBomb(prefix: String, key: String) -> String {
        let anchors = (1...9).map { level in "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]" }
        return ([prefix, "a0: &a0 lol"] + anchors + ["\(key): *a9"]).joined(separator: "\n") + "\n"
    }

    static let deep = "refresh: 5\nkeys: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
    static let huge = "refresh: 5\n" + String(repeating: "# padding padding padding padding padding\n", count: 30_000)

    @Test("an alias bomb, a deep tree and a huge file in config.yaml are refused with the file named")
    func consoleConfig() {
        let bomb = #expect(throws: (any Error).self) { try ConsoleConfigFile.parse(Self.aliasBomb(prefix: "refresh: 5", key: "endpoints"), path: "config.yaml") }.map { "\($0)" } ?? ""
        #expect(bomb.hasPrefix("config.yaml:") && bomb.contains("more than 100000 values"), "\(bomb)")
        let deep = #expect(throws: (any Error).self) { try ConsoleConfigFile.parse(Self.deep, path: "config.yaml") }.map { "\($0)" } ?? ""
        #expect(deep.hasPrefix("config.yaml:2:") && deep.contains("deeper than 256 levels"), "\(deep)")
        let huge = #expect(throws: (any Error).self) { try ConsoleConfigFile.parse(Self.huge, path: "config.yaml") }.map { "\($0)" } ?? ""
        #expect(huge.hasPrefix("config.yaml:") && huge.contains("larger than 1024 KiB"), "\(huge)")
    }

    @Test("an alias bomb, a deep tree and a huge theme are refused with the file named")
    func theme() {
        let bomb = #expect(throws: (any Error).self) { try ThemeLoader.parse(Self.aliasBomb(prefix: "name: x", key: "description"), source: "bomb.yaml") }.map { "\($0)" } ?? ""
        #expect(bomb.hasPrefix("bomb.yaml:") && bomb.contains("more than 100000 values"), "\(bomb)")
        let deepTheme = "name: x\ndescription: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        let deep = #expect(throws: (any Error).self) { try ThemeLoader.parse(deepTheme, source: "deep.yaml") }.map { "\($0)" } ?? ""
        #expect(deep.hasPrefix("deep.yaml:2:") && deep.contains("deeper than 256 levels"), "\(deep)")
        let huge = #expect(throws: (any Error).self) { try ThemeLoader.parse("name: x\n" + String(repeating: "# padding padding padding padding\n", count: 40_000), source: "huge.yaml") }.map { "\($0)" } ?? ""
        #expect(huge.hasPrefix("huge.yaml:") && huge.contains("larger than 1024 KiB"), "\(huge)")
    }

    @Test("refresh must be a finite number of seconds from 1 to 86400 (or off), refused with its line",
          arguments: [".inf", ".nan", "1.0e+16", "86401", "0.5"])
    func refresh(value: String) {
        let text = #expect(throws: (any Error).self) { try ConsoleConfigFile.parse("theme: default\nrefresh: \(value)\n", path: "config.yaml") }.map { "\($0)" } ?? ""
        #expect(text.hasPrefix("config.yaml:2: refresh must be a number of seconds at least 1 and at most 86400 (or off)"), "\(text)")
    }

    @Test("valid refresh values still load")
    func refreshValid() throws {
        #expect(try ConsoleConfigFile.parse("refresh: 30\n", path: "c").refreshInterval == .some(30))
        #expect(try ConsoleConfigFile.parse("refresh: 86400\n", path: "c").refreshInterval == .some(86_400))
        #expect(try ConsoleConfigFile.parse("refresh: off\n", path: "c").refreshInterval == .some(nil))
    }
}
