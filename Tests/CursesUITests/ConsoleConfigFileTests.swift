import CursesUI
import MembershipKit
import GlanceScript
import Testing

/// The console's settings come from the config.yaml MembershipKit read, which alone knows the top-level keys.
@Suite("Console settings from the one config.yaml reader")
struct ConsoleConfigFileTests {
    @Test("the console interprets its own keys and leaves endpoints and paging to their readers")
    func ownKeysOnly() throws {
        let text = "mouse: true\nread_only: true\npaging:\n  max_items: 0\nendpoints: not-a-list\ntheme: dracula\n"
        let file = try MemberdeckConfigFile.parse(text, path: "config.yaml")
        let settings = try ConsoleConfigFile(reading: file)
        #expect(settings.mouse && settings.readOnly && settings.theme == "dracula")
        #expect(throws: ConfigurationError.self) { try PagingSettings.limits(in: file) }
        #expect(throws: ConfigurationError.self) { try EndpointsFile(reading: file, environment: [:]) }
    }

    @Test("bell is on unless config.yaml says bell: false; anything but a boolean names the line")
    func bell() throws {
        #expect(try ConsoleConfigFile.parse("mouse: true\n", path: "config.yaml").bell)
        #expect(try !ConsoleConfigFile.parse("bell: false\n", path: "config.yaml").bell)
        let error = #expect(throws: ConsoleConfigFile.LoadError.self) { try ConsoleConfigFile.parse("mouse: true\nbell: loud\n", path: "config.yaml") }
        #expect(error?.description == "config.yaml:2: bell must be true or false")
    }

    @Test("an unknown setting is refused as the console always said, naming the file and line")
    func unknownSetting() {
        let error = #expect(throws: ConsoleConfigFile.LoadError.self) { try ConsoleConfigFile.parse("mouse: true\ncolour: red\n", path: "config.yaml") }
        #expect(error?.description == "config.yaml:2: unknown setting 'colour' (settings: keys, refresh, theme, mouse, read_only, bell, endpoints, paging)")
    }
}
