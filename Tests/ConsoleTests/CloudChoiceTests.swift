import Foundation
import Testing
@testable import Console

/// Several clouds and none named: the console offers them instead of exiting.
@Suite("Choosing a cloud")
struct CloudChoiceTests {
    static func settings(choose: Bool) -> ConsoleSettings {
        var settings = ConsoleSettings(availableClouds: ["devstack", "prod"])
        settings.chooseCloudFirst = choose
        return settings
    }

    static func picker(_ state: ConsoleState) -> Picker? {
        if case let .picker(picker) = state.overlay { return picker }
        return nil
    }

    @Test("with one cloud configured the console connects at once")
    func connectsAtOnce() {
        var state = ConsoleState(settings: Self.settings(choose: false), now: Date())
        #expect(ConsoleUpdate.start(&state) == [.connect])
        #expect(state.overlay == .none)
    }

    @Test("with several and none named it lists them; typing finds one, Enter connects there, and retries go there too")
    func pickAndConnect() throws {
        var state = ConsoleState(settings: Self.settings(choose: true), now: Date())
        #expect(ConsoleUpdate.start(&state).isEmpty)
        let picker = try #require(Self.picker(state))
        #expect(picker.purpose == .cloud && !picker.isLoading && picker.items.map(\.label) == ["devstack", "prod"])
        #expect(state.connectionError == "several clouds are configured: choose one")
        for character in "pro" { _ = ConsoleUpdate.update(&state, .key(.character(character))) }
        #expect(Self.picker(state)?.visible.map(\.id) == ["prod"])
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [.switchCloud("prod")])
        #expect(state.overlay == .none && state.chosenCloud == "prod")
        // The login fails: the scheduled try goes to the chosen cloud, not to the configured default.
        _ = ConsoleUpdate.update(&state, .connectionFailed("cannot connect to keystone"))
        let due = try #require(state.freshness.retryAt)
        #expect(ConsoleUpdate.update(&state, .tick(due.addingTimeInterval(0.1))).contains(.switchCloud("prod")))
        #expect(ConsoleUpdate.update(&state, .key(.character("R"))) == [.switchCloud("prod")])
    }

    @Test("Esc leaves no cloud chosen: the header says how to choose, R and :cloud open the list again")
    func cancelled() throws {
        var state = ConsoleState(settings: Self.settings(choose: true), now: Date())
        _ = ConsoleUpdate.start(&state)
        #expect(ConsoleUpdate.update(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == .none && state.connectionError == "no cloud chosen: :cloud opens the list")
        #expect(ConsoleUpdate.update(&state, .key(.character("R"))).isEmpty)
        #expect(Self.picker(state)?.purpose == .cloud)
        _ = ConsoleUpdate.update(&state, .key(.escape))
        _ = ConsoleUpdate.update(&state, .key(.character(":")))
        for character in "cloud" { _ = ConsoleUpdate.update(&state, .key(.character(character))) }
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(Self.picker(state)?.items.count == 2)
        #expect(ConsoleUpdate.update(&state, .key(.down)).isEmpty)
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [.switchCloud("prod")])
    }

    @Test(":cloud alone lists the clouds when connected too, marking the current one")
    func cloudCommandAlone() {
        var console = ConsoleFixture.connected(settings: ConsoleSettings(availableClouds: ["test", "prod"]))
        console.press(":")
        console.type("cloud")
        console.key(.enter)
        #expect(Self.picker(console.state)?.items.map(\.detail) == ["(connected)", ""])
        console.key(.escape)
        #expect(console.state.overlay == .none && console.state.connectionError == nil)
    }
}
