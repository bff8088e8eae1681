import ConsoleRuntime
import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// `+` and the two-sided handshake: when the console holds the new member's credentials, the
/// share is offered for acceptance at once (a confirmation naming whose credentials act).
@Suite("Share and accept in the console")
struct HandshakeConsoleTests {
    typealias F = ConsoleFixture
    static let viewer = GlanceV2Rows.Viewer(projectID: F.me, isAdmin: false)

    /// The server's answer to adding proj-x to alpha, as the adapter makes it when it holds cloud 'x'.
    static func added(_ status: String = "pending", consumer: String? = "cloud 'x'") -> OperationOutcome {
        .row(GlanceV2Rows.memberRow(ImageMember(imageID: F.alpha.id, memberID: "proj-x", status: status), image: F.alpha, viewer: viewer, consumer: consumer))
    }

    static func share(_ console: inout ConsoleFixture, _ text: String = "proj-x") throws -> Int {
        console.press("+")
        console.type(text)
        return try #require(console.key(.enter).additions.first).operation
    }

    @Test("y on the offer accepts with the member's credentials; the row settles accepted")
    func offerAccepted() throws {
        var console = F.connected()
        let operation = try Self.share(&console)
        console.send(.operationDone(operation: operation, .success(Self.added())))
        guard case let .confirm(confirmation) = console.state.overlay else {
            Issue.record("no offer: \(console.state.overlay)")
            return
        }
        #expect(confirmation.title == "Accept as the member")
        #expect(confirmation.message == "Accept alpha for proj-x with the credentials of cloud 'x'?")
        let update = try #require(console.press("y").updates.first)
        #expect(update.memberID == "proj-x" && update.status == .accepted)
        #expect(console.member("proj-x")?.inFlight == "pending → accepted…")
        console.send(.memberUpdated(operation: update.operation, .success(ImageMember(imageID: F.alpha.id, memberID: "proj-x", status: "accepted"))))
        #expect(console.member("proj-x")?.cells[1] == "accepted")
        #expect(console.state.flash?.text == "alpha proj-x: pending → accepted (as cloud 'x')")
    }

    @Test("Esc leaves the share pending; no credentials, or several shares at once, offer nothing; a's own key still offers it")
    func noOffer() throws {
        var console = F.connected()
        let operation = try Self.share(&console)
        console.send(.operationDone(operation: operation, .success(Self.added())))
        #expect(console.key(.escape).isEmpty)
        #expect(console.member("proj-x")?.cells[1] == "pending" && console.state.overlay == .none)
        // a on the row offers the same confirmation.
        console.focus(.members)
        console.select("proj-x")
        console.press("a")
        guard case .confirm = console.state.overlay else {
            Issue.record("a offers no confirmation: \(console.state.overlay)")
            return
        }
        console.key(.escape)
        // Without credentials for the member: the share is all.
        var plain = F.connected()
        let shared = try Self.share(&plain)
        plain.send(.operationDone(operation: shared, .success(Self.added(consumer: nil))))
        #expect(plain.state.overlay == .none)
        // Several at once: no dialog per member.
        var batch = F.connected()
        batch.press("+")
        batch.type("proj-x, proj-y")
        let additions = batch.key(.enter).additions
        for addition in additions {
            let member = ImageMember(imageID: F.alpha.id, memberID: addition.memberID, status: "pending")
            batch.send(.operationDone(operation: addition.operation,
                                      .success(.row(GlanceV2Rows.memberRow(member, image: F.alpha, viewer: Self.viewer, consumer: "cloud 'x'")))))
        }
        #expect(batch.state.overlay == .none)
    }
}

/// `w`: the images shared with the focused member's project, in a reader.
@Suite("Shared with a project in the console")
struct SharedWithConsoleTests {
    typealias F = ConsoleFixture

    @Test("w on a member row asks for its images and shows them; elsewhere it says where it works")
    func sharedWith() throws {
        var console = F.connected()
        console.focus(.members)
        console.select("proj-c")
        let effects = console.press("w")
        guard case let .listSharedWith(request, _, row)? = effects.first else {
            Issue.record("no request: \(effects)")
            return
        }
        #expect(row.key == "proj-c")
        guard case let .reader(reader) = console.state.overlay else {
            Issue.record("no reader")
            return
        }
        #expect(reader.title == "Images shared with proj-c" && reader.isLoading)
        console.send(.described(request: request, .success([RecordField("accepted", "alpha  img-alpha")])))
        guard case let .reader(filled) = console.state.overlay else { return }
        #expect(filled.items == [RecordField("accepted", "alpha  img-alpha")] && !filled.isLoading)
        console.press("w")
        #expect(console.state.overlay == .none)
        // In the images pane there is no member to look up.
        console.focus(.images)
        #expect(console.press("w").isEmpty)
        #expect(console.state.overlay == .none && console.state.flash != nil)
    }
}
