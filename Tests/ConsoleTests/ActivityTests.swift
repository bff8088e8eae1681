import ConsoleRuntime
import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Activity log and small model values")
struct ActivityTests {
    typealias F = ConsoleFixture

    @Test func anEntryReadsAsOneLine() {
        let entry = ActivityEntry(time: Date(timeIntervalSince1970: 1_700_000_000), imageID: "img-1", imageName: "alpha",
                                  memberID: "proj-b", from: "pending", to: "accepted", outcome: .done)
        #expect(entry.line == "2023-11-14T22:13:20Z  alpha (img-1)  proj-b  pending → accepted  done")
        var failed = entry
        failed.outcome = .failed
        failed.detail = "403 Forbidden: no"
        #expect(failed.line == "2023-11-14T22:13:20Z  alpha (img-1)  proj-b  pending → accepted  failed: 403 Forbidden: no")
        // Where and as whom, once the console knows (every entry it records does).
        var placed = entry
        placed.place = "devstack"
        placed.user = "alice@demo"
        #expect(placed.line == "2023-11-14T22:13:20Z  devstack  alice@demo  alpha (img-1)  proj-b  pending → accepted  done")
    }

    @Test func everyTransitionIsLoggedInOrderAndRecorded() throws {
        var console = F.connected()
        console.focus(.memberships)
        var recorded: [ActivityEntry] = []
        let first = try #require(console.press("a").updates.first).operation
        recorded += console.send(.memberUpdated(operation: first, .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "accepted")))).recorded
        console.select(F.delta.id)
        let second = try #require(console.press("r").updates.first).operation
        recorded += console.send(.memberUpdated(operation: second, .failure(F.httpError()))).recorded
        #expect(recorded.map(\.outcome) == [.done, .failed])
        #expect(console.state.activity == recorded)
        #expect(recorded.map(\.imageName) == ["gamma", "delta"])
    }

    @Test func theLogInMemoryKeepsTheLatestThousand() {
        var console = F.connected()
        var statuses = F.memberships
        for round in 0..<1005 {
            statuses[0].status = round.isMultiple(of: 2) ? "accepted" : "pending"
            let refresh = console.key(.character("R"))
            console.answerImagesAndMemberships(refresh, memberships: statuses)
            for members in refresh.membersRequests {
                console.send(.membersLoaded(request: members.request, imageID: members.imageID, .success(F.alphaMembers)))
            }
        }
        #expect(console.state.activity.count == 1000)
        #expect(console.state.activity.last?.to == "accepted")        // round 1004
        #expect(console.state.activity.allSatisfy { $0.outcome == .seen })
    }

    @Test func operationsDescribeThemselves() {
        let admin = GlanceV2Rows.Viewer(projectID: F.me, isAdmin: true)
        let member = GlanceV2Rows.memberRow(ImageMember(imageID: F.alpha.id, memberID: "m", status: "pending"), image: F.alpha, viewer: admin)
        let describe = { (action: Action) -> String? in
            guard case let .perform(operation)? = member.actions[action] else {
                if case let .confirm(_, _, _, operation, _)? = member.actions[action] { return operation.description }
                return nil
            }
            return PendingOperation(change: RecordChange(operation: operation, pane: .members, rowKey: "m", connection: nil)).description
        }
        #expect(describe(.accept) == "alpha m: pending → accepted")
        #expect(describe(.remove) == "remove m from alpha")
        let alpha = GlanceV2Rows.imageRow(F.alpha, viewer: admin)
        guard case let .prompt(_, add)? = alpha.actions[.share] else {
            Issue.record("no share prompt")
            return
        }
        #expect(add.bound(to: alpha).with(argument: "m").description == "share alpha with m")
    }

    @Test func panesCycleInTabOrder() {
        #expect(PaneID.images.next == .members)
        #expect(PaneID.memberships.next == .images)
        #expect(PaneID.images.previous == .memberships)
        #expect(PaneID.members.previous == .images)
    }

    @Test func promptLabels() {
        #expect(Prompt(kind: .filter(.images)).label == "/")
        #expect(Prompt(kind: .command).label == ":")
        let alpha = GlanceV2Rows.imageRow(F.alpha, viewer: .init(projectID: F.me, isAdmin: false))
        guard case let .prompt(label, _)? = alpha.actions[.share] else {
            Issue.record("no share prompt")
            return
        }
        #expect(label.replacingOccurrences(of: "{row}", with: alpha.label) == "share alpha with (project names or ids, comma-separated): ")
    }

    @Test func busyMeansOperationsOrLoadsInFlight() throws {
        var console = F.connected()
        #expect(!console.state.isBusy)
        console.focus(.memberships)
        let operation = try #require(console.press("a").updates.first).operation
        #expect(console.state.isBusy)
        console.send(.memberUpdated(operation: operation, .failure(F.httpError())))
        #expect(!console.state.isBusy)
    }
}
