import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Highlights and flashes fade with ticks")
struct ExpiryTests {
    typealias F = ConsoleFixture

    @Test(arguments: [true, false])
    func aMembershipHighlightExpires(_ succeeded: Bool) throws {
        var console = F.connected()
        console.focus(.memberships)
        let operation = try #require(console.press("a").updates.first).operation
        let result: Result<ImageMember, MembershipError> = succeeded
            ? .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "accepted"))
            : .failure(F.httpError())
        console.send(.memberUpdated(operation: operation, result))
        #expect(console.membership(F.gamma.id)?.highlight?.kind == (succeeded ? .settled : .failed))
        console.tick(1.0)
        #expect(console.membership(F.gamma.id)?.highlight != nil)
        console.tick(0.5)
        #expect(console.membership(F.gamma.id)?.highlight == nil)
        #expect(console.membership(F.gamma.id)?.status == (succeeded ? "accepted" : "pending"))
    }

    @Test func aMemberHighlightExpires() throws {
        var console = F.connected(admin: true)
        console.focus(.members)
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, .success(ImageMember(imageID: F.alpha.id, memberID: "proj-b", status: "accepted"))))
        console.tick(1.4)
        #expect(console.member("proj-b")?.highlight?.kind == .settled)
        console.tick(0.2)
        #expect(console.member("proj-b")?.highlight == nil)
    }

    @Test func highlightsExpireUnderAFilterWithoutMovingTheCursor() throws {
        var console = F.connected(admin: true)
        console.focus(.members)
        console.press("/")
        console.type("proj")
        console.key(.enter)
        console.select("proj-c")
        let operation = try #require(console.press("r").updates.first).operation
        console.send(.memberUpdated(operation: operation, .success(ImageMember(imageID: F.alpha.id, memberID: "proj-c", status: "rejected"))))
        console.tick(2)
        #expect(console.member("proj-c")?.highlight == nil)
        #expect(console.selectedKey == "proj-c")
    }

    @Test func aFlashFadesAfterFourSeconds() {
        var console = F.connected()
        console.press("s")
        let flash = console.state.flash
        #expect(flash?.text == "sorted by ID")
        #expect(flash?.until == console.now.addingTimeInterval(4))
        console.tick(3.5)
        #expect(console.state.flash == flash)
        console.tick(0.5)
        #expect(console.state.flash == nil)
    }

    @Test func aNewFlashReplacesTheOldAndLastsItsOwnTime() {
        var console = F.connected()
        console.press("s")
        console.tick(3)
        console.press("s")
        #expect(console.state.flash?.text == "sorted by Visibility")
        console.tick(2)
        #expect(console.state.flash != nil)
        console.tick(2)
        #expect(console.state.flash == nil)
    }

    @Test func theTickFindsEndedHighlightsAmongRowsWithOtherLocalState() {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        func row(_ key: String, highlightUntil: Date? = nil, inFlight: String? = nil) -> RecordRow {
            var row = RecordRow(key: key, cells: [key], ref: RowRef(key))
            row.highlight = highlightUntil.map { Highlight(kind: .settled, until: $0) }
            row.inFlight = inFlight
            return row
        }
        let rows = [row("plain"), row("ended", highlightUntil: now.addingTimeInterval(-1)), row("busy", inFlight: "removing…"),
                    row("endsNow", highlightUntil: now), row("later", highlightUntil: now.addingTimeInterval(0.1)),
                    row("endedBusy", highlightUntil: now.addingTimeInterval(-5), inFlight: "accepting…")]
        #expect(RecordRow.keysWithHighlightEnded(in: rows, by: now) == ["ended", "endsNow", "endedBusy"])
        #expect(RecordRow.keysWithHighlightEnded(in: rows, by: now.addingTimeInterval(-10)).isEmpty)
        #expect(RecordRow.keysWithHighlightEnded(in: [], by: now).isEmpty)
    }
}
