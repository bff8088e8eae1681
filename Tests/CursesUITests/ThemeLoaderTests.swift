import CursesUI
import Foundation
import GlanceScript
import Testing

@Suite("Theme files")
struct ThemeLoaderTests {
    static let shipped = ["default", "light", "high-contrast", "monochrome"]

    @Test("the shipped themes load and style every role", arguments: shipped)
    func shippedThemes(name: String) throws {
        let theme = try ThemeLoader.load(contentsOf: ThemeFiles.url(name), source: "themes/\(name).yaml")
        #expect(theme.name == name)
        // Every role is named in every shipped theme, so none depends on a fallback by accident.
        for role in Role.allCases { #expect(theme.styles[role] != nil, "\(name) styles \(role.rawValue)") }
        // The roles that must stand out differ from plain text.
        for role in [Role.selection, .statusPending, .statusInFlight, .headerBadge, .dialogButtonFocused, .flashError] {
            #expect(theme.style(for: role) != theme.style(for: .normal), "\(name): \(role.rawValue) stands out")
        }
    }

    @Test("monochrome uses no colours, only attributes")
    func monochrome() throws {
        let theme = try ThemeLoader.load(contentsOf: ThemeFiles.url("monochrome"))
        for (role, style) in theme.styles {
            #expect(style.foreground == nil && style.background == nil, "\(role.rawValue) has a colour")
        }
        #expect(theme.style(for: .selection) == Style(bold: true, reverse: true))
    }

    @Test("the built-in themes are the files, so memberdeck works without them")
    func builtins() throws {
        #expect(try ThemeLoader.load(contentsOf: ThemeFiles.url("default")) == Theme.default)
        #expect(try ThemeLoader.load(contentsOf: ThemeFiles.url("monochrome")) == Theme.monochrome)
        #expect(Theme.default.style(for: .selection) == Style(foreground: .rgb(255, 255, 255), background: .rgb(0, 0x5f, 0x87), bold: true))
        #expect(Theme.default.style(for: .statusPending) == Style(foreground: .named(3)))
    }

    @Test("colours: hex, short hex, names, bright names, numbers, default")
    func colours() throws {
        let yaml = """
        name: sample
        roles:
          normal: { fg: "#FF8000", bg: "#0f0" }
          title: { fg: bright-blue, bg: grey }
          border: { fg: 208, bg: default }
          dim: white
          own:
        """
        let theme = try ThemeLoader.parse(yaml, source: "sample.yaml")
        #expect(theme.styles[.normal] == Style(foreground: .rgb(255, 128, 0), background: .rgb(0, 255, 0)))
        #expect(theme.styles[.title] == Style(foreground: .named(12), background: .named(8)))
        #expect(theme.styles[.border] == Style(foreground: .indexed(208), background: .terminalDefault))
        #expect(theme.styles[.dim] == Style(foreground: .named(7)))
        #expect(theme.styles[.own] == .plain)
    }

    @Test("mistakes name the file and the line", arguments: [
        ("name: x\nroles:\n  selection: { bold: true }\n  selektion: { fg: red }\n", "themes/x.yaml:4: unknown role 'selektion'"),
        ("name: x\nroles:\n  title:\n    fg: \"#12345\"\n", "themes/x.yaml:4: bad colour '#12345' for fg (use \"#rrggbb\", a colour name such as red or bright-blue, 0-255, or default)"),
        ("name: x\nroles:\n  title: { fg: purple }\n", "themes/x.yaml:3: bad colour 'purple' for fg (use \"#rrggbb\", a colour name such as red or bright-blue, 0-255, or default)"),
        ("name: x\nroles:\n  title: { fg: 256 }\n", "themes/x.yaml:3: bad colour '256' for fg (use \"#rrggbb\", a colour name such as red or bright-blue, 0-255, or default)"),
        ("name: x\nroles:\n\n  title:\n    fg: #ffffff\n", "themes/x.yaml:5: fg has no colour (quote hex colours: \"#rrggbb\")"),
        ("name: x\nroles:\n  title: { bold: maybe }\n", "themes/x.yaml:3: bold must be true or false, not 'maybe'"),
        ("name: x\nroles:\n  title: { italic: true }\n", "themes/x.yaml:3: unknown style key 'italic' in 'title' (expected fg, bg, bold, underline, reverse, dim)"),
        ("name: x\ncolours: {}\n", "themes/x.yaml:2: unknown key 'colours' (expected name, description, roles)"),
        ("name: x\nroles:\n  title: [red]\n", "themes/x.yaml:3: style of 'title' must be a mapping such as { fg: red, bold: true }"),
    ])
    func errors(sample: (String, String)) {
        do {
            _ = try ThemeLoader.parse(sample.0, source: "themes/x.yaml")
            Issue.record("no error for \(sample.0)")
        } catch let error as ThemeError {
            #expect(error.description == sample.1)
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a YAML syntax error is reported with its line, on one line")
    func syntax() {
        let yaml = "name: x\nroles:\n  title: { fg: red\n  border: {}\n"
        #expect {
            try ThemeLoader.parse(yaml, source: "themes/broken.yaml")
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.line != nil && error.description.hasPrefix("themes/broken.yaml:") && !error.description.contains("\n")
        }
    }

    @Test("a theme file without a name takes the file's name")
    func nameFromFile() throws {
        let folder = try ThemeFiles.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ocean.yaml")
        try "roles:\n  title: { fg: blue }\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(try ThemeLoader.load(contentsOf: url).name == "ocean")
    }
}
