import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Share with +")
struct ShareTests {
    typealias F = ConsoleFixture

    static func sharePrompt(of console: F) -> Prompt? {
        if case let .prompt(prompt) = console.state.overlay, case .operation = prompt.kind, prompt.label.hasPrefix("share ") { return prompt }
        return nil
    }

    @Test func plusOnAnImageIOwnOpensThePrompt() throws {
        var console = F.connected()
        #expect(console.press("+").isEmpty)
        let prompt = try #require(Self.sharePrompt(of: console))
        #expect(prompt.label == "share alpha with (project names or ids, comma-separated): ")
        #expect(prompt.text == "")
        #expect(prompt.label.contains("alpha"))
    }

    @Test func plusInTheMembersPaneSharesItsImage() throws {
        var console = F.connected()
        console.focus(.members)
        console.press("+")
        #expect(Self.sharePrompt(of: console)?.label == "share alpha with (project names or ids, comma-separated): ")
    }

    @Test func plusOnAnImageSharedWithMeIsRefused() {
        var console = F.connected()
        console.select(F.gamma.id)
        #expect(console.press("+").isEmpty)
        #expect(console.state.overlay == .none)
        #expect(console.state.flash?.level == .warning)
        #expect(console.state.flash?.text.contains("owner") == true)
    }

    @Test func anAdminMayShareAnyImage() {
        var console = F.connected(admin: true)
        console.select(F.gamma.id)
        console.press("+")
        #expect(Self.sharePrompt(of: console)?.label == "share gamma with (project names or ids, comma-separated): ")
    }

    @Test func plusWithoutImagesSaysSelectOne() {
        var console = F.connected(images: [])
        console.press("+")
        #expect(console.state.overlay == .none)
        #expect(console.state.flash?.text == "select an image")
    }

    @Test func eachProjectIDIsAddedAtOnceAsAnAddingRow() throws {
        var console = F.connected()
        console.press("+")
        console.type("proj-x, proj-y proj-x")
        let effects = console.key(.enter)
        #expect(console.state.overlay == .none)
        let additions = effects.additions
        #expect(additions.map(\.memberID) == ["proj-x", "proj-y"])
        #expect(additions.allSatisfy { $0.imageID == F.alpha.id })
        #expect(Set(additions.map(\.operation)).count == 2)
        for addition in additions {
            let row = try #require(console.member(addition.memberID))
            #expect(row.member.status == "pending")
            #expect(row.transition == Transition(from: "", to: .pending, operationID: addition.operation))
            #expect(console.state.operations[addition.operation]?.kind == .add(imageID: F.alpha.id, memberID: addition.memberID))
        }
        #expect(console.state.members.rows.count == 5)
    }

    @Test func successReplacesTheAddingRowWithTheServersMember() throws {
        var console = F.connected()
        console.press("+")
        console.type("proj-x")
        let operation = try #require(console.key(.enter).additions.first).operation
        let member = ImageMember(imageID: F.alpha.id, memberID: "proj-x", status: "pending", createdAt: "2024-03-01T00:00:00Z")
        let effects = console.send(.memberAdded(operation: operation, .success(member)))
        let row = try #require(console.member("proj-x"))
        #expect(row.member == member)
        #expect(row.transition == nil)
        #expect(row.highlight == Highlight(kind: .settled, until: console.now.addingTimeInterval(1.5)))
        #expect(console.state.members.rows.count == 4)
        #expect(effects.recorded == [ActivityEntry(time: console.now, imageID: F.alpha.id, imageName: "alpha", memberID: "proj-x",
                                                   from: "none", to: "pending", outcome: .done, place: F.place, user: F.user)])
        #expect(console.state.flash?.text == "shared alpha with proj-x")
        #expect(console.state.operations.isEmpty)
    }

    @Test func failureRemovesTheAddingRowAndFlashes() throws {
        var console = F.connected()
        console.press("+")
        console.type("nonexistent")
        let operation = try #require(console.key(.enter).additions.first).operation
        let effects = console.send(.memberAdded(operation: operation, .failure(F.httpError(404, "project nonexistent not found"))))
        #expect(console.member("nonexistent") == nil)
        #expect(console.state.members.rows.count == 3)
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("project nonexistent not found") == true)
        #expect(console.state.flash?.text.contains("nonexistent") == true)
        #expect(effects.recorded.map(\.outcome) == [.failed])
    }

    @Test func sharingSeveralReportsOneSummary() throws {
        var console = F.connected()
        console.press("+")
        console.type("proj-x,proj-y,proj-z")
        let additions = console.key(.enter).additions
        #expect(additions.count == 3)
        console.send(.memberAdded(operation: additions[0].operation,
                                  .success(ImageMember(imageID: F.alpha.id, memberID: "proj-x", status: "pending"))))
        console.send(.memberAdded(operation: additions[1].operation, .failure(F.httpError(409, "already a member"))))
        #expect(console.state.flash == nil)
        console.send(.memberAdded(operation: additions[2].operation,
                                  .success(ImageMember(imageID: F.alpha.id, memberID: "proj-z", status: "pending"))))
        #expect(console.state.flash?.text.hasPrefix("2 shared, 1 failed: share alpha with proj-y: ") == true)
        #expect(console.state.flash?.text.contains("already a member") == true)
        #expect(console.state.members.rows.map(\.key).sorted() == ["proj-b", "proj-c", "proj-d", "proj-x", "proj-z"])
    }

    @Test func anExistingMemberIsNotDuplicatedNorRemovedOnFailure() throws {
        var console = F.connected()
        console.press("+")
        console.type("proj-c")
        let operation = try #require(console.key(.enter).additions.first).operation
        #expect(console.state.members.rows.count == 3)
        console.send(.memberAdded(operation: operation, .failure(F.httpError(409, "Member already exists"))))
        #expect(console.member("proj-c")?.member.status == "accepted")
        #expect(console.state.members.rows.count == 3)
    }

    @Test func sharingAnotherImageFromTheImagesPaneShowsItsMembers() throws {
        var console = F.connected()
        console.select(F.beta.id)                                   // before the tick that would follow it
        let shown = console.press("+")
        console.type("proj-x")
        let effects = console.key(.enter)
        let load = try #require(shown.membersRequests.first)
        #expect(load.imageID == F.beta.id)
        let addition = try #require(effects.additions.first)
        #expect(addition.imageID == F.beta.id)
        #expect(console.state.membersImageID == F.beta.id)
        #expect(console.member("proj-x")?.transition != nil)
        // The load answers before the addition: the adding row stays.
        console.send(.membersLoaded(request: load.request, imageID: F.beta.id, .success([])))
        #expect(console.member("proj-x")?.transition?.operationID == addition.operation)
        console.send(.memberAdded(operation: addition.operation,
                                  .success(ImageMember(imageID: F.beta.id, memberID: "proj-x", status: "pending"))))
        #expect(console.member("proj-x")?.transition == nil)
    }

    @Test func anEmptyAnswerSharesNothing() {
        var console = F.connected()
        console.press("+")
        console.type(" , ")
        #expect(console.key(.enter).isEmpty)
        #expect(console.state.flash?.text == "nothing typed: nothing changed")
        #expect(console.state.operations.isEmpty)
    }

    @Test func escapeCancelsTheShare() {
        var console = F.connected()
        console.press("+")
        console.type("proj-x")
        #expect(console.key(.escape).isEmpty)
        #expect(console.state.overlay == .none)
        #expect(console.state.operations.isEmpty)
        #expect(console.state.members.rows.count == 3)
    }

    @Test func thePromptIsEditable() {
        var console = F.connected()
        console.press("+")
        console.type("proj-xy")
        console.key(.backspace)
        #expect(Self.sharePrompt(of: console)?.text == "proj-x")
        console.key(.control("u"))
        #expect(Self.sharePrompt(of: console)?.text == "")
        console.type("a b")
        console.key(.control("w"))
        #expect(Self.sharePrompt(of: console)?.text == "a ")
        console.key(.backspace)
        console.key(.backspace)
        #expect(Self.sharePrompt(of: console)?.text == "")
        console.key(.backspace)                                     // on an empty prompt: closes it
        #expect(console.state.overlay == .none)
    }

    @Test func keysTypedInThePromptAreNotActions() {
        var console = F.connected()
        console.press("+")
        #expect(console.type("qardj").isEmpty)
        #expect(!console.state.shouldExit)
        #expect(Self.sharePrompt(of: console)?.text == "qardj")
    }

    @Test func projectIDsAreSplitOnCommasAndSpaces() {
        #expect(ConsoleUpdate.parseProjectIDs("a,b c\td") == ["a", "b", "c", "d"])
        #expect(ConsoleUpdate.parseProjectIDs(" a ,, a , b ") == ["a", "b"])
        #expect(ConsoleUpdate.parseProjectIDs("") == [])
        #expect(ConsoleUpdate.parseProjectIDs(" , ") == [])
    }
}
