import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// One status change: which image (shared with me), its status before, the key, the status asked for.
struct TransitionCase: Sendable, CustomTestStringConvertible {
    var imageID: String
    var imageName: String
    var from: String
    var key: Character
    var to: MemberStatus

    var testDescription: String { "\(imageName): \(from) → \(to.rawValue) with '\(key)'" }

    /// Every change between the three statuses, each on a share that has the starting status.
    static let all: [TransitionCase] = [
        TransitionCase(imageID: ConsoleFixture.gamma.id, imageName: "gamma", from: "pending", key: "a", to: .accepted),
        TransitionCase(imageID: ConsoleFixture.gamma.id, imageName: "gamma", from: "pending", key: "r", to: .rejected),
        TransitionCase(imageID: ConsoleFixture.delta.id, imageName: "delta", from: "accepted", key: "p", to: .pending),
        TransitionCase(imageID: ConsoleFixture.delta.id, imageName: "delta", from: "accepted", key: "r", to: .rejected),
        TransitionCase(imageID: ConsoleFixture.epsilon.id, imageName: "epsilon", from: "rejected", key: "a", to: .accepted),
        TransitionCase(imageID: ConsoleFixture.epsilon.id, imageName: "epsilon", from: "rejected", key: "p", to: .pending),
    ]
}

@Suite("Status transitions: optimistic, settled, rolled back")
struct StatusTransitionTests {
    typealias F = ConsoleFixture

    /// Every id the console handed out so far (requests and operations).
    static func usedIDs(_ effects: [Effect]) -> Set<Int> {
        Set(effects.imagesRequests + effects.membershipsRequests + effects.membersRequests.map(\.request)
            + effects.updates.map(\.operation) + effects.additions.map(\.operation) + effects.removals.map(\.operation))
    }

    /// A connected console whose cursor is on the case's share in the memberships pane, and the effects so far.
    static func onMembership(_ c: TransitionCase) -> F {
        var console = F.connected()
        console.focus(.memberships)
        console.select(c.imageID)
        return console
    }

    // MARK: From the memberships pane

    @Test(arguments: TransitionCase.all)
    func membershipsPaneShowsTheTransitionAtOnce(_ c: TransitionCase) throws {
        var console = Self.onMembership(c)
        let nextID = console.state.nextID
        let effects = console.press(c.key)
        let update = try #require(effects.updates.first)
        #expect(effects.updates == [MemberUpdate(operation: update.operation, imageID: c.imageID, memberID: F.me, status: c.to)])
        #expect(effects.count == 1)
        #expect(update.operation >= nextID)
        #expect(console.state.operations[update.operation]?.kind == .update(imageID: c.imageID, memberID: F.me, from: c.from, to: c.to))

        let row = try #require(console.membership(c.imageID))
        #expect(row.status == c.from)
        #expect(row.transition == Transition(from: c.from, to: c.to, operationID: update.operation))
        #expect(console.image(c.imageID)?.myStatus == "\(c.from) → \(c.to.rawValue)…")
        #expect(console.state.activity.isEmpty)
        #expect(console.state.isBusy)
    }

    @Test(arguments: TransitionCase.all)
    func membershipsPaneSettlesOnTheServersAnswer(_ c: TransitionCase) throws {
        var console = Self.onMembership(c)
        let operation = try #require(console.press(c.key).updates.first).operation
        console.tick(0.5)
        let answer = ImageMember(imageID: c.imageID, memberID: F.me, status: c.to.rawValue, updatedAt: "2024-02-01T00:00:00Z")
        let effects = console.send(.memberUpdated(operation: operation, .success(answer)))

        let row = try #require(console.membership(c.imageID))
        #expect(row.status == c.to.rawValue)
        #expect(row.transition == nil)
        #expect(row.highlight == Highlight(kind: .settled, until: console.now.addingTimeInterval(1.5)))
        #expect(console.image(c.imageID)?.myStatus == c.to.rawValue)
        #expect(console.state.operations.isEmpty)

        let entry = ActivityEntry(time: console.now, imageID: c.imageID, imageName: c.imageName, memberID: F.me,
                                  from: c.from, to: c.to.rawValue, outcome: .done, place: F.place, user: F.user)
        #expect(effects == [.recordActivity(entry)])
        #expect(console.state.activity == [entry])
        #expect(console.state.flash?.level == .info)
        #expect(console.state.flash?.text == "\(c.imageName): \(c.from) → \(c.to.rawValue)")
    }

    @Test(arguments: TransitionCase.all)
    func membershipsPaneRollsBackWhenTheServerRefuses(_ c: TransitionCase) throws {
        var console = Self.onMembership(c)
        let operation = try #require(console.press(c.key).updates.first).operation
        let error = F.httpError(403, "Policy doesn't allow modify_member to be performed.")
        let effects = console.send(.memberUpdated(operation: operation, .failure(error)))

        let row = try #require(console.membership(c.imageID))
        #expect(row.status == c.from)
        #expect(row.transition == nil)
        #expect(row.highlight == Highlight(kind: .failed, until: console.now.addingTimeInterval(1.5)))
        #expect(console.image(c.imageID)?.myStatus == c.from)
        #expect(console.state.operations.isEmpty)

        let flash = try #require(console.state.flash)
        #expect(flash.level == .error)
        #expect(flash.text.contains("Policy doesn't allow modify_member to be performed."))
        #expect(flash.text.contains("req-42"))
        #expect(flash.text.contains(c.imageName))

        let entry = ActivityEntry(time: console.now, imageID: c.imageID, imageName: c.imageName, memberID: F.me,
                                  from: c.from, to: c.to.rawValue, outcome: .failed, detail: error.description, place: F.place, user: F.user)
        #expect(effects == [.recordActivity(entry)])
        #expect(console.state.activity == [entry])
    }

    @Test func theStatusShownIsTheServersEvenWhenItDiffersFromTheRequest() throws {
        var console = F.connected()
        console.focus(.memberships)
        console.select(F.gamma.id)
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "rejected"))))
        #expect(console.membership(F.gamma.id)?.status == "rejected")
        #expect(console.state.activity.last?.to == "rejected")
    }

    @Test func everyOperationGetsAFreshID() throws {
        var console = F.connected()
        var seen = Self.usedIDs(console.send(.key(.character("R"))))
        console.focus(.memberships)
        var operations: [Int] = []
        for (imageID, key): (String, Character) in [(F.gamma.id, "r"), (F.delta.id, "r"), (F.epsilon.id, "a")] {
            console.select(imageID)
            let operation = try #require(console.press(key).updates.first).operation
            #expect(!seen.contains(operation))
            seen.insert(operation)
            operations.append(operation)
        }
        #expect(Set(operations).count == 3)
        #expect(Set(console.state.operations.keys) == Set(operations))
    }

    @Test func aRowInFlightTakesNoSecondAction() throws {
        var console = F.connected()
        console.focus(.memberships)
        let first = try #require(console.press("a").updates.first)
        #expect(console.press("r").isEmpty)
        #expect(console.press("a").isEmpty)
        #expect(console.state.operations.count == 1)
        #expect(console.membership(F.gamma.id)?.transition?.operationID == first.operation)
    }

    @Test func anActionOnAnEmptyPaneDoesNothing() {
        var console = F.connected(memberships: [])
        console.focus(.memberships)
        #expect(console.press("a").isEmpty)
        #expect(console.state.operations.isEmpty)
    }

    @Test func aTransitionAlsoShowsOnMyRowInTheMembersPane() throws {
        var console = F.connected()
        console.openMembers(of: F.gamma.id, F.myRow(F.gamma, "pending"))
        console.focus(.memberships)
        console.select(F.gamma.id)
        let operation = try #require(console.press("a").updates.first).operation
        #expect(console.member(F.me)?.transition == Transition(from: "pending", to: .accepted, operationID: operation))
        console.send(.memberUpdated(operation: operation, .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "accepted"))))
        #expect(console.member(F.me)?.member.status == "accepted")
        #expect(console.member(F.me)?.transition == nil)
        #expect(console.member(F.me)?.highlight?.kind == .settled)
    }

    // MARK: From the members pane

    @Test(arguments: TransitionCase.all)
    func myOwnRowInTheMembersPaneGoesThroughEveryStep(_ c: TransitionCase) throws {
        var console = F.connected()
        let image = try #require(F.images.first { $0.id == c.imageID })
        console.openMembers(of: c.imageID, F.myRow(image, c.from))
        console.select(F.me)

        let effects = console.press(c.key)
        let update = try #require(effects.updates.first)
        #expect(effects.updates == [MemberUpdate(operation: update.operation, imageID: c.imageID, memberID: F.me, status: c.to)])
        let transition = Transition(from: c.from, to: c.to, operationID: update.operation)
        #expect(console.member(F.me)?.transition == transition)
        #expect(console.member(F.me)?.member.status == c.from)
        // The same share in the other panes shows it too.
        #expect(console.membership(c.imageID)?.transition == transition)
        #expect(console.image(c.imageID)?.myStatus == "\(c.from) → \(c.to.rawValue)…")

        console.tick()
        let settled = console.send(.memberUpdated(operation: update.operation,
                                                  .success(ImageMember(imageID: c.imageID, memberID: F.me, status: c.to.rawValue))))
        #expect(console.member(F.me)?.member.status == c.to.rawValue)
        #expect(console.member(F.me)?.transition == nil)
        #expect(console.member(F.me)?.highlight == Highlight(kind: .settled, until: console.now.addingTimeInterval(1.5)))
        #expect(console.membership(c.imageID)?.status == c.to.rawValue)
        #expect(console.image(c.imageID)?.myStatus == c.to.rawValue)
        #expect(settled.recorded.map(\.outcome) == [.done])
    }

    @Test(arguments: TransitionCase.all)
    func myOwnRowInTheMembersPaneRollsBack(_ c: TransitionCase) throws {
        var console = F.connected()
        let image = try #require(F.images.first { $0.id == c.imageID })
        console.openMembers(of: c.imageID, F.myRow(image, c.from))
        let operation = try #require(console.press(c.key).updates.first).operation
        let effects = console.send(.memberUpdated(operation: operation, .failure(F.httpError(409, "conflict on member"))))
        #expect(console.member(F.me)?.member.status == c.from)
        #expect(console.member(F.me)?.transition == nil)
        #expect(console.member(F.me)?.highlight == Highlight(kind: .failed, until: console.now.addingTimeInterval(1.5)))
        #expect(console.membership(c.imageID)?.status == c.from)
        #expect(console.membership(c.imageID)?.transition == nil)
        #expect(console.image(c.imageID)?.myStatus == c.from)
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("conflict on member") == true)
        #expect(effects.recorded.map(\.outcome) == [.failed])
        #expect(effects.recorded.first?.detail?.contains("conflict on member") == true)
    }

    @Test(arguments: ["a", "r", "p"] as [Character])
    func aNonAdminCannotChangeAnotherProjectsRow(_ key: Character) {
        var console = F.connected()
        console.focus(.members)
        console.select("proj-b")
        let before = console.state.members
        let effects = console.press(key)
        #expect(effects.isEmpty)
        #expect(console.state.operations.isEmpty)
        #expect(console.state.members == before)
        #expect(console.state.flash?.level == .warning)
        #expect(console.state.flash?.text.contains("only the member project") == true)
    }

    @Test(arguments: TransitionCase.all)
    func anAdminMayChangeAnotherProjectsRow(_ c: TransitionCase) throws {
        let members = [ImageMember(imageID: F.alpha.id, memberID: "proj-x", status: c.from)]
        var console = F.connected(admin: true, members: members)
        console.focus(.members)
        let effects = console.press(c.key)
        let update = try #require(effects.updates.first)
        #expect(effects.updates == [MemberUpdate(operation: update.operation, imageID: F.alpha.id, memberID: "proj-x", status: c.to)])
        #expect(console.member("proj-x")?.transition == Transition(from: c.from, to: c.to, operationID: update.operation))
        // Not my project: the memberships pane is untouched.
        #expect(console.state.memberships.rows.allSatisfy { $0.transition == nil })

        let settled = console.send(.memberUpdated(operation: update.operation,
                                                  .success(ImageMember(imageID: F.alpha.id, memberID: "proj-x", status: c.to.rawValue))))
        #expect(console.member("proj-x")?.member.status == c.to.rawValue)
        #expect(console.member("proj-x")?.highlight?.kind == .settled)
        #expect(settled.recorded == [ActivityEntry(time: console.now, imageID: F.alpha.id, imageName: "alpha", memberID: "proj-x",
                                                   from: c.from, to: c.to.rawValue, outcome: .done, place: F.place, user: F.user)])
        // Another project's row is named with its member.
        #expect(console.state.flash?.text == "alpha proj-x: \(c.from) → \(c.to.rawValue)")
    }

    @Test func anAdminsFailureOnAnotherRowRollsBack() throws {
        var console = F.connected(admin: true)
        console.focus(.members)
        console.select("proj-c")
        let operation = try #require(console.press("r").updates.first).operation
        console.send(.memberUpdated(operation: operation, .failure(F.httpError(404, "member not found"))))
        #expect(console.member("proj-c")?.member.status == "accepted")
        #expect(console.member("proj-c")?.highlight?.kind == .failed)
        #expect(console.state.flash?.text.contains("member not found") == true)
    }

    @Test func anAnswerForAnImageNoLongerShownStillSettlesTheMembership() throws {
        var console = F.connected()
        console.openMembers(of: F.gamma.id, F.myRow(F.gamma, "pending"))
        let operation = try #require(console.press("a").updates.first).operation
        // Look at another image's members while the answer is on its way.
        console.openMembers(of: F.alpha.id, F.alphaMembers)
        console.send(.memberUpdated(operation: operation, .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "accepted"))))
        #expect(console.membership(F.gamma.id)?.status == "accepted")
        #expect(console.state.members.rows.map(\.member.status) == ["pending", "accepted", "rejected"])
        #expect(console.state.members.rows.allSatisfy { $0.highlight == nil })
    }

    // MARK: From the images pane

    @Test(arguments: TransitionCase.all)
    func anImageSharedWithMeChangesFromTheImagesPane(_ c: TransitionCase) throws {
        var console = F.connected()
        console.select(c.imageID)
        let effects = console.press(c.key)
        let update = try #require(effects.updates.first)
        #expect(effects.updates == [MemberUpdate(operation: update.operation, imageID: c.imageID, memberID: F.me, status: c.to)])
        #expect(console.image(c.imageID)?.myStatus == "\(c.from) → \(c.to.rawValue)…")
        #expect(console.membership(c.imageID)?.transition == Transition(from: c.from, to: c.to, operationID: update.operation))

        console.send(.memberUpdated(operation: update.operation, .success(ImageMember(imageID: c.imageID, memberID: F.me, status: c.to.rawValue))))
        #expect(console.image(c.imageID)?.myStatus == c.to.rawValue)
        #expect(console.membership(c.imageID)?.status == c.to.rawValue)
    }

    @Test func anImageSharedWithMeRollsBackInTheImagesPane() throws {
        var console = F.connected()
        console.select(F.gamma.id)
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, .failure(F.httpError(403, "nope"))))
        #expect(console.image(F.gamma.id)?.myStatus == "pending")
        #expect(console.state.flash?.text.contains("nope") == true)
    }

    @Test(arguments: ["a", "r", "p"] as [Character])
    func myOwnImageHasNoStatusToChange(_ key: Character) {
        var console = F.connected()
        console.select(F.alpha.id)
        #expect(console.press(key).isEmpty)
        #expect(console.state.operations.isEmpty)
        #expect(console.state.flash?.level == .warning)
    }

    @Test func aPublicImageNotSharedWithMeHasNoStatusToChange() {
        let public1 = Image(id: "img-pub", name: "ubuntu", visibility: "public", owner: "proj-admin")
        var console = F.connected(images: F.images + [public1])
        console.select("img-pub")
        #expect(console.press("a").isEmpty)
        #expect(console.state.flash?.level == .warning)
    }

    @Test func anImageInFlightTakesNoSecondActionAndSaysSo() throws {
        var console = F.connected()
        console.select(F.gamma.id)
        _ = try #require(console.press("a").updates.first)
        #expect(console.press("r").isEmpty)
        #expect(console.state.operations.count == 1)
        #expect(console.state.flash?.text.contains("not shared") != true)
    }

    @Test("a key that asks for the status a share already has says so and sends nothing")
    func alreadyThere() {
        var console = F.connected()
        console.focus(.memberships)
        console.select(F.delta.id)
        #expect(console.press("a").isEmpty)
        #expect(console.state.flash?.text == "delta is already accepted")
        #expect(console.membership(F.delta.id)?.transition == nil)
        // An admin's view of another project's member row names the member too.
        var admin = F.connected(admin: true)
        admin.focus(.members)
        admin.select("proj-c")
        #expect(admin.press("a").isEmpty)
        #expect(admin.state.flash?.text == "alpha proj-c is already accepted")
    }

    @Test("accepting down the inbox: after each answer the cursor keeps its place and the next pending share is under it")
    func acceptingDownTheInbox() throws {
        let pending = [F.gamma, F.delta, F.epsilon].map { Membership(image: $0, status: "pending", sharedAt: "2024-01-01T00:00:00Z") }
        var console = F.connected(memberships: pending)
        console.focus(.memberships)
        console.key(.character("g"))
        var accepted: [String] = []
        for _ in 0..<3 {
            let key = try #require(console.selectedKey)
            let update = try #require(console.press("a").updates.first)
            console.send(.memberUpdated(operation: update.operation, .success(ImageMember(imageID: key, memberID: F.me, status: "accepted"))))
            accepted.append(key)
            #expect(console.state.memberships.cursor == 0 || accepted.count == 3)
        }
        // Each press took the next pending share: all three, each once.
        #expect(Set(accepted) == [F.gamma.id, F.delta.id, F.epsilon.id])
        #expect(console.state.memberships.rows.allSatisfy { $0.status == "accepted" })
    }
}
