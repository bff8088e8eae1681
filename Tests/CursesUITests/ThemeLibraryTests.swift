import CursesUI
import Foundation
import GlanceScript
import Testing

@Suite("Theme library")
struct ThemeLibraryTests {
    @Test("the repository's themes are found by walking up from the executable")
    func repository() throws {
        let library = ThemeLibrary(environment: ["HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent/config"])
        let names = library.availableNames()
        for name in ["default", "light", "high-contrast", "monochrome"] { #expect(names.contains(name)) }
        #expect(try library.load(named: "light").name == "light")
        #expect(ThemeLibrary.repositoryThemes(from: ThemeFiles.folder.appendingPathComponent("..").appendingPathComponent("Sources"))?.standardizedFileURL.path
            == ThemeFiles.folder.standardizedFileURL.path)
    }

    @Test("$XDG_CONFIG_HOME/memberdeck/themes wins over the share folder and the repository")
    func precedence() throws {
        let root = try ThemeFiles.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("config/memberdeck/themes")
        let share = root.appendingPathComponent("prefix/share/memberdeck/themes")
        let bin = root.appendingPathComponent("prefix/bin")
        for folder in [config, share, bin] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try "name: mine\nroles:\n  title: { fg: red }\n".write(to: config.appendingPathComponent("light.yaml"), atomically: true, encoding: .utf8)
        try "name: shared\nroles:\n  title: { fg: blue }\n".write(to: share.appendingPathComponent("ocean.yaml"), atomically: true, encoding: .utf8)
        let library = ThemeLibrary(environment: ["HOME": root.path, "XDG_CONFIG_HOME": root.appendingPathComponent("config").path],
                                   executableURL: bin.appendingPathComponent("memberdeck"), additionalDirectories: [ThemeFiles.folder])
        #expect(library.directories.first?.standardizedFileURL.path == config.standardizedFileURL.path)
        #expect(try library.load(named: "light").name == "mine")
        #expect(try library.load(named: "ocean").name == "shared")
        #expect(try library.load(named: "high-contrast").name == "high-contrast")
        #expect(library.availableNames() == ["default", "high-contrast", "light", "monochrome", "ocean"])
    }

    @Test("without any files the built-in themes remain")
    func builtinOnly() throws {
        let library = ThemeLibrary(directories: [URL(fileURLWithPath: "/nonexistent")])
        #expect(library.availableNames() == ["default", "monochrome"])
        #expect(try library.load(named: "default") == Theme.default)
        #expect(library.theme(named: "nope") == Theme.default)
    }

    @Test("unknown names, path tricks and broken files are errors")
    func errors() throws {
        let folder = try ThemeFiles.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: bad\nroles:\n  selektion: {}\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let library = ThemeLibrary(directories: [folder])
        #expect(throws: ThemeError.self) { try library.load(named: "nope") }
        #expect(throws: ThemeError.self) { try library.load(named: "../bad") }
        #expect(library.url(forTheme: "../bad") == nil)
        do {
            _ = try library.load(named: "bad")
            Issue.record("a broken theme loaded")
        } catch let error as ThemeError {
            #expect(error.description == "\(folder.appendingPathComponent("bad.yaml").path):3: unknown role 'selektion'")
        }
        // The forgiving lookup falls back to the built-in default.
        #expect(library.theme(named: "bad") == Theme.default)
    }
}
