import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite(": commands and Tab completion")
struct CommandTests {
    typealias F = ConsoleFixture

    static func prompt(_ console: F) -> Prompt? {
        if case let .prompt(prompt) = console.state.overlay { return prompt }
        return nil
    }

    static func commandText(_ console: F) -> String? {
        if case let .prompt(prompt) = console.state.overlay, prompt.kind == .command { return prompt.text }
        return nil
    }

    /// Types `:` and the text, and returns the effects of Enter.
    @discardableResult
    static func run(_ console: inout F, _ text: String) -> [Effect] {
        console.press(":")
        console.type(text)
        return console.key(.enter)
    }

    static let settings = ConsoleSettings(availableThemes: ["default", "dark", "dracula", "light"], availableClouds: ["prod", "staging", "sandbox"])

    @Test func colonOpensTheCommandLine() {
        var console = F.connected()
        console.press(":")
        #expect(Self.commandText(console) == "")
        if case let .prompt(prompt) = console.state.overlay { #expect(prompt.label == ":") }
        console.key(.escape)
        #expect(console.state.overlay == .none)
    }

    @Test(arguments: [
        ("im", "images "), ("in", "inbox "), ("i", "i"), ("re", "refresh "), ("th", "theme "), ("q", "q"), ("qu", "quit "),
        ("l", "log "), ("c", "cloud "), ("zz", "zz"), ("", ""), ("images a", "images all"), ("images ", "images "),
        ("refresh o", "refresh off"), ("members x", "members x"),
    ])
    func tabCompletes(_ typed: String, _ completed: String) {
        var console = F.connected(settings: Self.settings)
        console.press(":")
        console.type(typed)
        console.key(.tab)
        #expect(Self.commandText(console) == completed)
    }

    @Test func themeCompletesFromTheAvailableThemes() {
        var console = F.connected(settings: Self.settings)
        console.press(":")
        console.type("theme ")
        console.key(.tab)
        #expect(Self.commandText(console) == "theme ")
        console.type("d")
        console.key(.tab)
        #expect(Self.commandText(console) == "theme d")
        console.type("r")
        console.key(.tab)
        #expect(Self.commandText(console) == "theme dracula")
        console.key(.enter)
        #expect(console.state.settings.themeName == "dracula")
        #expect(console.state.flash?.text == "theme dracula")
    }

    @Test func theCommonPrefixOfSeveralCandidatesIsCompleted() {
        let settings = ConsoleSettings(availableThemes: ["solarized-dark", "solarized-light"])
        var console = F.connected(settings: settings)
        console.press(":")
        console.type("theme s")
        console.key(.tab)
        #expect(Self.commandText(console) == "theme solarized-")
    }

    @Test("Tab with nothing to add lists the choices after the text; with none, says so")
    func tabListsTheChoices() {
        var console = F.connected(settings: Self.settings)
        console.press(":")
        console.type("cloud ")
        console.key(.tab)
        #expect(Self.commandText(console) == "cloud ")
        #expect(Self.prompt(console)?.choices == "prod  staging  sandbox")
        console.type("x")
        #expect(Self.prompt(console)?.choices == nil)
        console.key(.control("u"))
        console.type("endpoint ")
        console.key(.tab)
        #expect(Self.prompt(console)?.choices == "no endpoints in config.yaml")
    }

    @Test("Up and Down walk the commands run before, newest first; Down past the newest is an empty line")
    func commandHistory() {
        var console = F.connected(settings: Self.settings)
        for command in ["theme dark", "inbox", "inbox", "members"] {
            console.press(":")
            console.type(command)
            console.key(.enter)
        }
        #expect(console.state.commandHistory == ["theme dark", "inbox", "members"])
        console.press(":")
        console.key(.up)
        #expect(Self.commandText(console) == "members")
        console.key(.up)
        console.key(.up)
        console.key(.up)
        #expect(Self.commandText(console) == "theme dark")
        console.key(.down)
        #expect(Self.commandText(console) == "inbox")
        console.key(.down)
        console.key(.down)
        #expect(Self.commandText(console) == "")
    }

    @Test func cloudCompletesAndSwitches() {
        var console = F.connected(settings: Self.settings)
        console.press(":")
        console.type("cloud st")
        console.key(.tab)
        #expect(Self.commandText(console) == "cloud staging")
        #expect(console.key(.enter) == [.switchCloud("staging")])
    }

    @Test func cloudWithAnyNameSwitchesWhenNoListIsKnown() {
        var console = F.connected()
        #expect(Self.run(&console, "cloud other") == [.switchCloud("other")])
    }

    @Test func anUnknownCloudIsRefused() {
        var console = F.connected(settings: Self.settings)
        #expect(Self.run(&console, "cloud mars").isEmpty)
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("unknown cloud 'mars'") == true)
        #expect(console.state.flash?.text.contains("prod") == true)
    }

    @Test(":cloud without a name lists the clouds to choose from; with none configured it says so")
    func cloudWithoutANameOpensTheList() {
        var console = F.connected(settings: Self.settings)
        #expect(Self.run(&console, "cloud").isEmpty)
        guard case let .picker(picker) = console.state.overlay else {
            Issue.record("no cloud list: \(console.state.overlay)")
            return
        }
        #expect(picker.purpose == .cloud && picker.items.map(\.id) == Self.settings.availableClouds)
        var bare = F.connected()
        #expect(Self.run(&bare, "cloud").isEmpty)
        #expect(bare.state.flash?.text == "no clouds configured (clouds.yaml or OS_* variables)")
    }

    @Test func anUnknownThemeIsRefused() {
        var console = F.connected(settings: Self.settings)
        Self.run(&console, "theme neon")
        #expect(console.state.settings.themeName == "default")
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("unknown theme 'neon'") == true)
    }

    @Test func imagesAllReloadsEveryVisibleImage() throws {
        var console = F.connected()
        console.focus(.members)
        let effects = Self.run(&console, "images all")
        let request = try #require(effects.imagesRequests.first)
        #expect(effects == [.loadRows(request: request, connection: console.state.session?.connection, pane: .images, parent: nil, scope: .all)])
        #expect(console.state.imageScope == .all)
        #expect(console.state.focus == .images)
        #expect(console.state.images.rows.isEmpty)
        #expect(console.state.images.loading == .loading(count: 0))
        let ubuntu = Image(id: "img-pub", name: "ubuntu", visibility: "public", owner: "proj-admin")
        console.send(.imagesLoaded(request: request, .success(F.images + [ubuntu])))
        #expect(console.state.images.rows.count == 6)
    }

    @Test func imagesAllReplacesAnImagesLoadInFlight() throws {
        var console = F.connected()
        let refresh = console.key(.character("R"))
        let effects = Self.run(&console, "images all")
        console.send(.imagesLoaded(request: refresh.imagesRequests[0], .success([F.alpha])))
        #expect(console.state.images.rows.isEmpty)
        console.send(.imagesLoaded(request: try #require(effects.imagesRequests.first), .success(F.images)))
        #expect(console.state.images.rows.count == 5)
    }

    @Test func imagesAndImagesMineGoBackToMine() {
        var console = F.connected()
        Self.run(&console, "images all")
        let effects = Self.run(&console, "images mine")
        #expect(console.state.imageScope == .mine)
        #expect(effects.contains(.loadRows(request: effects.imagesRequests.first ?? -1, connection: console.state.session?.connection, pane: .images, parent: nil, scope: .mine)))
        Self.run(&console, "images all")
        Self.run(&console, "images")
        #expect(console.state.imageScope == .mine)
    }

    @Test func imagesWithAWrongScopeIsRefused() {
        var console = F.connected()
        #expect(Self.run(&console, "images public").isEmpty)
        #expect(console.state.imageScope == .mine)
        #expect(console.state.images.rows.count == 5)
        #expect(console.state.flash?.level == .error)
    }

    @Test(arguments: [("inbox", PaneID.memberships), ("memberships", .memberships), ("members", .members)])
    func paneCommandsMoveTheFocus(_ command: String, _ pane: PaneID) {
        var console = F.connected()
        #expect(Self.run(&console, command).isEmpty)
        #expect(console.state.focus == pane)
    }

    @Test func logAndHelpOpenTheirOverlays() {
        var console = F.connected()
        Self.run(&console, "log")
        #expect(console.state.overlay == .reader(.activityLog))
        console.key(.escape)
        Self.run(&console, "help")
        #expect(console.state.overlay == .help)
    }

    @Test(arguments: ["q", "quit"])
    func qQuits(_ command: String) {
        var console = F.connected()
        #expect(Self.run(&console, command) == [.quit])
        #expect(console.state.shouldExit)
    }

    @Test func anUnknownCommandIsFlashed() {
        var console = F.connected()
        #expect(Self.run(&console, "frobnicate now").isEmpty)
        #expect(console.state.flash?.text == "unknown command ':frobnicate'; try :help")
        #expect(console.state.flash?.level == .error)
    }

    @Test func anEmptyCommandDoesNothing() {
        var console = F.connected()
        #expect(Self.run(&console, "").isEmpty)
        #expect(console.state.flash == nil)
        #expect(console.state.overlay == .none)
    }

    @Test func escapeLeavesWithoutRunning() {
        var console = F.connected()
        console.press(":")
        console.type("q")
        #expect(console.key(.escape).isEmpty)
        #expect(!console.state.shouldExit)
    }

    @Test func tabInTheFilterPromptDoesNotComplete() {
        var console = F.connected()
        console.press("/")
        console.type("im")
        console.key(.tab)
        if case let .prompt(prompt) = console.state.overlay { #expect(prompt.text == "im") } else { Issue.record("prompt closed") }
    }
}
