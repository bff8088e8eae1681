import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Bulk actions on marked rows")
struct BulkActionTests {
    typealias F = ConsoleFixture

    /// The memberships pane with all three shares marked.
    static func allMarked() -> F {
        var console = F.connected()
        console.focus(.memberships)
        console.key(.character("g"))
        console.press(" ")
        console.press(" ")
        console.press(" ")
        return console
    }

    @Test func spaceMarksTheRowAndMovesDown() {
        var console = F.connected()
        console.focus(.memberships)
        console.press(" ")
        #expect(console.state.memberships.marked == [F.gamma.id])
        #expect(console.selectedKey == F.delta.id)
        console.key(.character("k"))
        console.press(" ")
        #expect(console.state.memberships.marked.isEmpty)
    }

    @Test func anActionAppliesToEveryMarkedRowAsOneBatch() throws {
        var console = Self.allMarked()
        #expect(console.state.memberships.marked.count == 3)
        let effects = console.press("a")
        // delta is accepted already (see rowsAlreadyThereAreSkipped).
        #expect(effects.updates.count == 2)
        #expect(Set(effects.updates.map(\.imageID)) == [F.gamma.id, F.epsilon.id])
        #expect(effects.updates.allSatisfy { $0.memberID == F.me && $0.status == .accepted })
        #expect(Set(effects.updates.map(\.operation)).count == 2)
        #expect(console.state.memberships.marked.isEmpty)
        #expect(console.state.memberships.rows.filter { $0.key != F.delta.id }.allSatisfy { $0.transition?.to == .accepted })
        let batches = Set(console.state.operations.values.map(\.batch))
        #expect(batches.count == 1)
        let batch = try #require(batches.first ?? nil)
        #expect(console.state.batches[batch] == BatchProgress(verb: "accepted", total: 2, skipped: ["delta is already accepted"]))
    }

    @Test("a marked row that already has the status is left out of the batch, and the summary says why")
    func rowsAlreadyThereAreSkipped() throws {
        var console = Self.allMarked()
        let effects = console.press("r")
        #expect(Set(effects.updates.map(\.imageID)) == [F.gamma.id, F.delta.id])
        #expect(console.membership(F.epsilon.id)?.transition == nil)
        for update in effects.updates {
            console.send(.memberUpdated(operation: update.operation, .success(ImageMember(imageID: update.imageID, memberID: F.me, status: "rejected"))))
        }
        #expect(console.state.flash?.text == "2 rejected, 1 skipped: epsilon is already rejected")
    }

    @Test func partialFailureIsSummarisedOnceWhenTheLastAnswerArrives() throws {
        var console = Self.allMarked()
        let updates = console.press("a").updates
        let byImage = Dictionary(uniqueKeysWithValues: updates.map { ($0.imageID, $0.operation) })
        // delta is accepted already: left out.
        #expect(byImage[F.delta.id] == nil)
        let gamma = try #require(byImage[F.gamma.id]), epsilon = try #require(byImage[F.epsilon.id])

        console.send(.memberUpdated(operation: epsilon, .failure(F.httpError(403, "image is deactivated"))))
        #expect(console.state.flash == nil)
        #expect(console.state.batches.count == 1)
        let last = console.send(.memberUpdated(operation: gamma, .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "accepted"))))

        let flash = try #require(console.state.flash)
        #expect(flash.level == .error)
        #expect(flash.text.hasPrefix("1 accepted, 1 failed: "))
        #expect(flash.text.contains("epsilon"))
        #expect(flash.text.contains("image is deactivated"))
        #expect(flash.text.hasSuffix(", 1 skipped: delta is already accepted"))
        #expect(console.state.batches.isEmpty)
        #expect(console.state.operations.isEmpty)
        #expect(last.recorded.count == 1)

        #expect(console.membership(F.gamma.id)?.status == "accepted")
        #expect(console.membership(F.gamma.id)?.highlight?.kind == .settled)
        #expect(console.membership(F.epsilon.id)?.status == "rejected")
        #expect(console.membership(F.epsilon.id)?.highlight?.kind == .failed)
        #expect(console.membership(F.delta.id)?.status == "accepted")
        #expect(console.state.activity.map(\.outcome) == [.failed, .done])
    }

    @Test func aBatchWithoutFailuresIsAnInfoSummary() {
        var console = Self.allMarked()
        let updates = console.press("a").updates
        for update in updates.reversed() {
            console.send(.memberUpdated(operation: update.operation,
                                        .success(ImageMember(imageID: update.imageID, memberID: F.me, status: "accepted"))))
        }
        #expect(console.state.flash?.text == "2 accepted, 1 skipped: delta is already accepted")
        #expect(console.state.flash?.level == .info)
    }

    @Test func aBatchWhereEverythingFailsNamesEveryFailure() {
        var console = Self.allMarked()
        let updates = console.press("p").updates
        for (index, update) in updates.enumerated() {
            console.send(.memberUpdated(operation: update.operation, .failure(F.httpError(500, "failure \(index)"))))
        }
        let text = console.state.flash?.text ?? ""
        #expect(text.hasPrefix("0 reset to pending, 2 failed: "))
        for index in 0..<2 { #expect(text.contains("failure \(index)")) }
        #expect(console.state.memberships.rows.map(\.status) == ["pending", "accepted", "rejected"])
    }

    @Test func rowsAlreadyInFlightAreLeftOutOfTheBatch() {
        var console = F.connected()
        console.focus(.memberships)
        console.press("a")                      // gamma in flight
        console.key(.character("g"))
        console.press(" ")
        console.press(" ")
        console.press(" ")
        let effects = console.press("p")
        #expect(effects.updates.map(\.imageID).sorted() == [F.delta.id, F.epsilon.id])
        #expect(console.membership(F.gamma.id)?.transition?.to == .accepted)
        let batch = console.state.batches.values.first
        #expect(batch?.total == 2)
    }

    @Test func oneMarkedRowIsNoBatch() {
        var console = F.connected()
        console.focus(.memberships)
        console.select(F.delta.id)
        console.press(" ")
        console.key(.character("g"))            // cursor on gamma, the mark on delta
        let effects = console.press("r")
        #expect(effects.updates.map(\.imageID) == [F.delta.id])
        #expect(console.state.batches.isEmpty)
        #expect(console.state.operations.values.allSatisfy { $0.batch == nil })
    }

    @Test func anAdminMarksOtherProjectsMembersAndFailuresNameTheMember() throws {
        var console = F.connected(admin: true)
        console.focus(.members)
        console.press(" ")
        console.press(" ")
        let updates = console.press("r").updates
        #expect(updates.map(\.memberID).sorted() == ["proj-b", "proj-c"])
        let byMember = Dictionary(uniqueKeysWithValues: updates.map { ($0.memberID, $0.operation) })
        console.send(.memberUpdated(operation: try #require(byMember["proj-b"]), .failure(F.httpError(403, "forbidden here"))))
        console.send(.memberUpdated(operation: try #require(byMember["proj-c"]),
                                    .success(ImageMember(imageID: F.alpha.id, memberID: "proj-c", status: "rejected"))))
        let text = try #require(console.state.flash?.text)
        #expect(text.hasPrefix("1 rejected, 1 failed: "))
        #expect(text.contains("proj-b"))
        #expect(text.contains("forbidden here"))
        #expect(console.member("proj-b")?.member.status == "pending")
        #expect(console.member("proj-c")?.member.status == "rejected")
    }

    @Test func aNonAdminsMarksOnOtherProjectsAreRefused() {
        var console = F.connected()
        console.focus(.members)
        console.press(" ")
        console.press(" ")
        #expect(console.press("a").isEmpty)
        #expect(console.state.flash?.level == .warning)
        #expect(console.state.operations.isEmpty)
    }

    @Test func escapeClearsTheMarks() {
        var console = Self.allMarked()
        console.key(.escape)
        #expect(console.state.memberships.marked.isEmpty)
        #expect(console.state.focus == .memberships)
    }

    @Test func marksOfRowsThatDisappearAreDropped() {
        var console = Self.allMarked()
        let loads = console.key(.character("R"))
        console.send(.membershipsLoaded(request: loads.membershipsRequests[0], .success(Array(F.memberships.prefix(1)))))
        #expect(console.state.memberships.marked == [F.gamma.id])
    }

    @Test func theBatchSummaryReadsAsTheIssueSays() {
        var progress = BatchProgress(verb: "accepted", total: 3)
        progress.succeeded = 2
        progress.failures = ["delta: 403 Forbidden: no"]
        #expect(progress.isComplete)
        #expect(progress.summary == "2 accepted, 1 failed: delta: 403 Forbidden: no")
        progress.failures = []
        #expect(!progress.isComplete)
        #expect(progress.summary == "2 accepted")
    }
}
