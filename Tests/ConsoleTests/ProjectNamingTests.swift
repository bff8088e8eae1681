import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// Names for the project ids the panes show: asked once per id after the rows are on screen,
/// shown as they arrive, and offered by Tab in the share prompt.
@Suite("Project names in the console")
struct ProjectNamingTests {
    typealias F = ConsoleFixture

    static func asked(_ effects: [Effect]) -> [String] {
        effects.flatMap { effect -> [String] in
            if case let .nameProjects(_, ids) = effect { return ids }
            return []
        }
    }

    @Test("the owners and members a load shows are asked for once; a refresh with nothing new asks nothing")
    func askedOncePerID() throws {
        var console = F.connected()
        // The fixture's first loads asked for every owner and member they showed.
        #expect(console.state.namesAsked.isSuperset(of: ["proj-owner", "proj-third", "proj-b", "proj-c", "proj-d"]))
        let refresh = console.key(.character("R"))
        var effects: [Effect] = []
        for request in refresh.imagesRequests { effects += console.send(.imagesLoaded(request: request, .success(F.images))) }
        for request in refresh.membershipsRequests { effects += console.send(.membershipsLoaded(request: request, .success(F.memberships))) }
        for load in refresh.membersRequests {
            effects += console.send(.membersLoaded(request: load.request, imageID: load.imageID, .success(F.alphaMembers)))
        }
        #expect(Self.asked(effects).isEmpty, "nothing new: no request")
        // A new owner appears: only it is asked for.
        var newcomer = F.gamma
        newcomer.id = "img-new"
        newcomer.owner = "proj-new"
        let again = console.key(.character("R"))
        effects = []
        for request in again.imagesRequests { effects += console.send(.imagesLoaded(request: request, .success(F.images + [newcomer]))) }
        #expect(Self.asked(effects) == ["proj-new"])
    }

    @Test("names arrive after the rows and replace nothing but what is drawn; Tab in the share prompt completes them")
    func namesArriveAndComplete() throws {
        var console = F.connected()
        console.send(.projectsNamed(["proj-b": "finance", "proj-c": "field-ops", "proj-owner": "imaging"]))
        #expect(console.state.projectNames["proj-b"] == "finance")
        #expect(console.state.records.pane(.members).rows.first?.cells.first == "proj-b", "the rows keep the ids")
        console.press("+")
        console.type("fi")
        console.key(.tab)
        guard case let .prompt(prompt) = console.state.overlay else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text == "fi" && prompt.choices == "field-ops  finance")
        console.type("n")
        console.key(.tab)
        guard case let .prompt(completed) = console.state.overlay else { return }
        #expect(completed.text == "finance")
        console.type(", ima")
        console.key(.tab)
        guard case let .prompt(second) = console.state.overlay else { return }
        #expect(second.text == "finance, imaging")
    }

    @Test("another cloud forgets the names: its Keystone may know ids this one could not name")
    func switchingForgets() {
        var console = F.connected()
        console.send(.projectsNamed(["proj-b": "finance"]))
        var other = F.session()
        other.cloud = "prod"
        other.connection = ConnectionID(cloud: "prod")
        console.send(.connected(other))
        #expect(console.state.projectNames.isEmpty && console.state.namesAsked.isEmpty)
    }
}
