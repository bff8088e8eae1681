import Foundation
import GlanceScript
import Testing

/// The shape the console keeps: its core and view never name a system (each system's knowledge
/// lives in its folder under Sources/ConsoleRuntime/Systems), and the model reads no clock and does
/// no I/O (time arrives in events, work leaves as effects).
@Suite("Architecture")
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under `folder`, with its text.
    static func sources(_ folder: String) throws -> [(String, String)] {
        let base = root.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "swift" }.map { ($0.path, try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// Lines matching `pattern` (case-insensitive), as `file:line: text`.
    static func matches(_ pattern: String, in folders: [String]) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        var found: [String] = []
        for folder in folders {
            for (path, text) in try sources(folder) {
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = String(line)
                    if regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                        found.append("\(path.replacingOccurrences(of: root.path + "/", with: "")):\(number + 1): \(line)")
                    }
                }
            }
        }
        return found
    }

    @Test("no file of the console's core or view names a system")
    func noSystemNames() throws {
        #expect(!(try Self.sources("Sources/Console")).isEmpty)
        let found = try Self.matches(#"atmosphere|bonita|rackspace|glance[ _-]?v[12]|\.glance\b"#, in: ["Sources/Console", "Sources/CursesUI"])
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("the model reads no clock and does no I/O")
    func pureModel() throws {
        let found = try Self.matches(#"Date\(\)|Date\.now|FileManager|ProcessInfo|URLSession|Task *\{|Task\.sleep|DispatchQueue|fopen|\bwrite\("#,
                                     in: ["Sources/Console"])
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("the model's target depends on nothing that can reach the network: not the SDK, not NIO")
    func modelTargetHasNoSDK() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let declaration = try #require(manifest.split(separator: "\n").first { $0.contains(#".target(name: "Console""#) })
        #expect(declaration.contains(#".target(name: "Console", dependencies: ["SettingRules"])"#), "\(declaration)")
        let imports = try Self.matches(#"^import (MembershipKit|NIO|AsyncHTTPClient|CNCurses)"#, in: ["Sources/Console", "Sources/SettingRules"])
        #expect(imports.isEmpty, "\(imports.joined(separator: "\n"))")
    }
}
