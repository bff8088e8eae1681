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
        // The fixture's first loads asked for every owner and member they showed, and (once the
        // images were on screen) every name the sources know.
        #expect(console.state.namesAsked.isSuperset(of: ["proj-owner", "proj-third", "proj-b", "proj-c", "proj-d"]))
        #expect(console.state.everyNameAsked)
        let refresh = console.key(.character("R"))
        var effects: [Effect] = []
        for request in refresh.imagesRequests { effects += console.send(.imagesLoaded(request: request, .success(F.images))) }
        for request in refresh.membershipsRequests { effects += console.send(.membershipsLoaded(request: request, .success(F.memberships))) }
        for load in refresh.membersRequests {
            effects += console.send(.membersLoaded(request: load.request, imageID: load.imageID, .success(F.alphaMembers)))
        }
        #expect(Self.asked(effects).isEmpty, "nothing new: no request")
        #expect(!effects.contains { if case .nameProjects = $0 { true } else { false } }, "every name is asked for once per connection")
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

    @Test("messages name projects: whole 32-digit ids and UUIDs only, nothing else touched")
    func namedText() {
        let id = "e5b7d4a63fc04ab1c26dae9f8a7b6c54"
        let uuid = "5e4d0023-6d0c-4e1a-9b7f-00d300000023"
        let names = [id: "finance", uuid: "lab"]
        #expect(ProjectIDNaming.named("Stop sharing alpha with \(id)?", names) == "Stop sharing alpha with finance?")
        #expect(ProjectIDNaming.named("\(uuid): done", names) == "lab: done")
        #expect(ProjectIDNaming.named("x\(id)x", names) == "x\(id)x", "inside a longer word it is not an id")
        #expect(ProjectIDNaming.named("\(id)ab", names) == "\(id)ab")
        #expect(ProjectIDNaming.named("no ids here, deadbeef", names) == "no ids here, deadbeef")
    }

    @Test("the remove dialog, the flash and the activity log name the member once its name is known")
    func dialogsFlashesAndLogName() throws {
        let member = "e5b7d4a63fc04ab1c26dae9f8a7b6c54"
        var console = F.connected(members: [ImageMember(imageID: F.alpha.id, memberID: member, status: "pending")])
        console.send(.projectsNamed([member: "finance"]))
        console.focus(.members)
        console.press("d")
        guard case let .confirm(dialog) = console.state.overlay else {
            Issue.record("no dialog: \(console.state.overlay)")
            return
        }
        #expect(dialog.message == "Stop sharing alpha with finance?")
        let operation = try #require(console.key(.character("y")).removals.first).operation
        let effects = console.send(.memberRemoved(operation: operation, .success(())))
        #expect(console.state.flash?.text == "removed finance from alpha")
        #expect(effects.recorded.first?.memberName == "finance")
        #expect(effects.recorded.first?.line.contains("finance (\(member))") == true)
    }

    @Test("N names the focused row's project: a prompt with its name so far, kept through the connection")
    func nameAProject() {
        var console = F.connected()
        console.focus(.members)
        console.send(.projectsNamed(["proj-b": "old name"]))
        console.press("N")
        guard case let .prompt(prompt) = console.state.overlay else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.label == "name project proj-b: " && prompt.text == "old name")
        console.key(.control("u"))
        console.type("finance")
        #expect(console.key(.enter) == [.aliasProject(connection: F.session().connection, id: "proj-b", name: "finance")])
        console.send(.projectAliased(id: "proj-b", name: "finance", error: nil))
        #expect(console.state.projectNames["proj-b"] == "finance" && console.state.flash?.text == "proj-b is now finance (projects.yaml)")
        console.send(.projectAliased(id: "proj-c", name: "x", error: "projects.yaml: cannot be written"))
        #expect(console.state.flash?.level == .error && console.state.projectNames["proj-c"] == nil)
        // An inbox row names its owner.
        console.focus(.memberships)
        console.press("N")
        guard case let .prompt(owner) = console.state.overlay else { return }
        #expect(owner.label.hasPrefix("name project proj-"))
    }
}
