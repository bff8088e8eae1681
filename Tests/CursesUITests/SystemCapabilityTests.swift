import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import ConsoleRuntime
@testable import CursesUI
import MembershipKit

/// What each system can do decides what the console offers: the footer's hints, `?` help and `:`
/// completion come from its `SystemModel`; a click in a scrolled pane lands on the clicked row.
@Suite("Per system: hints, help, completion and clicks")
struct SystemCapabilityTests {
    /// One system with enough rows in its first pane to scroll.
    struct SystemCase: CustomTestStringConvertible, Sendable {
        var model: SystemModel
        /// Rows of the first pane (record systems); nil for images and shares.
        var rows: [RecordRow]?
        /// Words its hints must show, and words they must not.
        var hinted: [PaneID: [String]]
        var notHinted: [String]
        /// Commands its help lists, and commands it must not.
        var commands: [String]
        var noCommands: [String]
        var testDescription: String { model.name }
    }

    static let cases: [SystemCase] = [
        SystemCase(model: GlanceV2System.model, rows: nil,
                   hinted: [.images: ["enter open", "+ share", "a accept"], .members: ["a accept", "r reject", "p pending", "+ share", "d remove", "space mark"]],
                   notHinted: ["can share"], commands: [":images all|mine", ":inbox [all]|:members"], noCommands: []),
        SystemCase(model: GlanceV1System.model,
                   rows: (0..<60).map { GlanceV1System.imageRow(GlanceV1Image(id: String(format: "img-%02d", $0), name: String(format: "image-%02d", $0))) },
                   hinted: [.images: ["enter open"], .members: ["+ add member", "d remove", "c can share"]],
                   notHinted: ["a accept", "+ share", "space mark"], commands: [], noCommands: [":images", ":inbox"]),
        SystemCase(model: AtmosphereSystem.model,
                   rows: (0..<60).flatMap { AtmosphereSystem.imageRows(AtmosphereImage(id: $0, uuid: "u-\($0)", name: String(format: "image-%02d", $0))) },
                   hinted: [.images: ["enter open"], .members: ["+ add group", "d remove"]],
                   notHinted: ["a accept", "+ share", "c can share", "space mark"], commands: [], noCommands: [":images", ":inbox"]),
        SystemCase(model: BonitaSystem.model,
                   rows: (0..<60).map { BonitaSystem.userRow(BonitaUser(id: $0, userName: String(format: "user-%02d", $0))) },
                   hinted: [.images: ["enter open"], .members: ["+ add membership", "d remove"]],
                   notHinted: ["a accept", "+ share", "c can share", "space mark"], commands: [], noCommands: [":images", ":inbox", ":members"]),
    ]

    /// A console connected to the system at 120×40, its first pane loaded.
    static func connected(_ system: SystemCase) -> ConsoleState {
        guard let rows = system.rows else { return RenderFixture.connected(images: manyImages) }
        var state = ConsoleState(system: system.model, now: RenderFixture.now)
        RenderFixture.send(&state, .resize(width: 120, height: 40, paneHeights: Layout.rowCapacity(width: 120, height: 40)))
        let session = SessionInfo(cloud: "ep", region: "r", userName: "olivia", projectName: "imaging", projectID: "p", endpointHost: "h:1",
                                  system: system.model)
        for case let .loadRows(request, _, pane, _, _) in RenderFixture.send(&state, .connected(session)) {
            RenderFixture.send(&state, .rowsLoaded(request: request, .success(pane == .images ? rows : [])))
        }
        return state
    }

    static let manyImages = (0..<60).map { RenderFixture.image(String(format: "img-%02d", $0), String(format: "image-%02d", $0)) }

    @Test("the hints show what the system has in the focused pane, in its words, and nothing it lacks", arguments: cases)
    func hints(_ system: SystemCase) {
        var state = Self.connected(system)
        for pane in [PaneID.images, .members] {
            state.focus = pane
            let footer = RenderFixture.render(state).lines[39].text
            for word in system.hinted[pane] ?? [] { #expect(footer.contains(word), "\(pane): \(footer)") }
            for word in system.notHinted { #expect(!footer.contains(word), "\(pane): \(footer)") }
        }
    }

    @Test("? lists only the system's actions and its own commands", arguments: cases)
    func help(_ system: SystemCase) {
        var state = Self.connected(system)
        RenderFixture.key(&state, .character("?"))
        let text = RenderFixture.render(state).text
        for action in Action.allCases where action.isCapability {
            let listed = text.contains(system.model.word(action))
            #expect(listed == system.model.has(action), "\(action): listed \(listed)")
        }
        for command in system.commands { #expect(text.contains(command), "\(command)") }
        for command in system.noCommands { #expect(!text.contains(command), "\(command)") }
        #expect(text.contains(":endpoint NAME"))
    }

    @Test(": completes the system's own commands and none it lacks", arguments: cases)
    func completion(_ system: SystemCase) {
        var state = Self.connected(system)
        RenderFixture.key(&state, .character(":"))
        for character in "im" { RenderFixture.key(&state, .character(character)) }
        RenderFixture.key(&state, .tab)
        guard case let .prompt(prompt) = state.overlay else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text == (system.model.command("images") != nil ? "images " : "im"))
    }

    @Test("a click in a scrolled first pane selects the clicked row", arguments: cases)
    func clickScrolled(_ system: SystemCase) throws {
        var state = Self.connected(system)
        RenderFixture.key(&state, .character("G"))
        let top = state.scrollTop(of: .images)
        #expect(top > 0, "the pane did not scroll")
        let rect = try #require(Layout.panes(width: 120, height: 40)[.images])
        // The fourth row on screen: below the border and the column header.
        let event = try #require(MouseMapping.event(x: rect.column + 3, y: rect.row + 2 + 3, button: .click, width: 120, height: 40, state: state))
        RenderFixture.send(&state, event)
        let frame = RenderFixture.render(state)
        let clicked = frame.lines[rect.row + 2 + 3]
        #expect(clicked.spans.contains { $0.role == .selection }, "the clicked line is not the selected one: \(clicked.text)")
        #expect(state.focus == .images)
    }
}
