import Foundation
import MembershipKit
import Testing

/// config.yaml read once: every top-level key known in one place, each section handed to its reader.
@Suite("config.yaml: one reader for every section")
struct MemberdeckConfigFileTests {
    static let everySection = """
        theme: dracula
        refresh: 30
        mouse: true
        read_only: false
        keys:
          accept: [a]
        endpoints:
          - name: prod
            cloud: prod
        paging:
          max_items: 500
        """

    @Test("one reading gives every section, in the file's order, to its reader")
    func sections() throws {
        let file = try MemberdeckConfigFile.parse(Self.everySection, path: "config.yaml")
        #expect(file.entries.map(\.section) == [.theme, .refresh, .mouse, .readOnly, .keys, .endpoints, .paging])
        #expect(try EndpointsFile(reading: file, environment: [:]).endpoints.map(\.name) == ["prod"])
        #expect(try PagingSettings.limits(in: file).maximumItems == 500)
        #expect(file.value(of: .theme)?.string == "dracula")
    }

    @Test("a setting memberdeck does not know is refused with its line, whichever section's reader asks", arguments: [
        "endpoints: []\ncolour: red\n", "paging:\n  max_items: 5\ncolour: red\n",
    ])
    func unknownSetting(text: String) {
        let expected = ConfigurationError.malformedFile(
            path: "config.yaml", detail: "line \(text.split(separator: "\n").count): unknown setting 'colour' (settings: keys, refresh, theme, mouse, read_only, bell, endpoints, paging)")
        #expect(throws: expected) { try EndpointsFile.parse(text, path: "config.yaml", environment: [:]) }
        #expect(throws: expected) { try PagingSettings.parse(text, path: "config.yaml") }
    }

    @Test("a top level that is not a mapping is refused with its line")
    func notAMapping() {
        #expect(throws: YAMLReadError(path: "c.yaml", line: 1, problem: "the top level must be a mapping of settings")) {
            try MemberdeckConfigFile.parse("- endpoints\n", path: "c.yaml")
        }
    }

    @Test("an empty file, and sections left empty, are the defaults", arguments: ["", "endpoints:\npaging: ~\n", "endpoints: null\npaging:\n"])
    func emptySections(text: String) throws {
        let file = try MemberdeckConfigFile.parse(text, path: "config.yaml")
        #expect(file.value(of: .endpoints) == nil && file.value(of: .paging) == nil)
        #expect(try EndpointsFile(reading: file, environment: [:]).endpoints.isEmpty)
        #expect(try PagingSettings.limits(in: file) == PagingLimits())
    }

    @Test("a file on disk is read once with its mode; a missing one is empty")
    func fromDisk() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("config.yaml", Self.everySection)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let file = try MemberdeckConfigFile.load(path: path)
        #expect(file.mode == 0o640)
        #expect(file.entries.count == 7)
        let missing = try MemberdeckConfigFile.load(path: directory.url("missing.yaml"))
        #expect(missing.entries.isEmpty && missing.mode == nil)
    }
}
