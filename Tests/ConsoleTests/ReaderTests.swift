import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// The reader overlay: `i` (and Enter on a row with nothing to open) describes a row, `L` shows the
/// activity log newest first, `E` the last error in full; `y` copies with OSC 52.
@Suite("Describe, copy, activity log and last error")
struct ReaderTests {
    typealias F = ConsoleFixture

    static func reader(_ console: ConsoleFixture) -> Reader? {
        if case let .reader(reader) = console.state.overlay { return reader }
        return nil
    }

    @Test("i shows the row's own fields at once, asks for the whole record, and shows it when it arrives")
    func describeShowsTheRowThenTheRecord() throws {
        var console = F.connected()
        let effects = console.press("i")
        let reader = try #require(Self.reader(console))
        #expect(reader.title == "alpha" && reader.isLoading)
        #expect(reader.items.first == RecordField("Name", "alpha"))
        #expect(reader.items.contains(RecordField("ID", F.alpha.id)))
        guard case let .describe(request, _, row)? = effects.first else {
            Issue.record("no describe effect: \(effects)")
            return
        }
        #expect(row.key == F.alpha.id)
        // An answer to another request changes nothing.
        console.send(.described(request: request + 100, .success([RecordField("id", "other")])))
        #expect(Self.reader(console)?.isLoading == true)
        let full = [RecordField("id", F.alpha.id), RecordField("checksum", String(repeating: "ab", count: 64))]
        console.send(.described(request: request, .success(full)))
        #expect(Self.reader(console)?.items == full)
        #expect(Self.reader(console)?.isLoading == false && Self.reader(console)?.note == nil)
    }

    @Test("when the record cannot be read, the row's fields stay, and the overlay says why")
    func describeFailureKeepsTheRowsFields() throws {
        var console = F.connected()
        guard case let .describe(request, _, _)? = console.press("i").first else { throw ReaderTestFailure() }
        console.send(.described(request: request, .failure(Failure(F.httpError(404, "No image found")))))
        let reader = try #require(Self.reader(console))
        #expect(reader.items.first == RecordField("Name", "alpha") && !reader.isLoading)
        #expect(reader.note?.hasPrefix("only the listed fields: 404") == true)
    }

    @Test("Enter on a member row (nothing to open) describes it; Enter on an image still opens its members")
    func enterOnALeafRowDescribesIt() throws {
        var console = F.connected()
        console.key(.enter)
        #expect(console.state.focus == .members && console.state.overlay == .none)
        let effects = console.key(.enter)
        #expect(Self.reader(console)?.title == F.alphaMembers[0].memberID)
        guard case let .describe(_, _, row)? = effects.first else { throw ReaderTestFailure() }
        #expect(row.key == F.alphaMembers[0].memberID)
        // Esc, Enter, q and i close it.
        console.key(.escape)
        for close in [KeyPress.escape, .enter, .character("q"), .character("i")] {
            console.key(.enter)
            #expect(Self.reader(console) != nil)
            console.key(close)
            #expect(console.state.overlay == .none && !console.state.shouldExit)
        }
    }

    @Test("y copies the focused row's id: the image id in the images and inbox panes, the member id in members")
    func yCopiesTheFocusedID() {
        var console = F.connected()
        #expect(console.press("y") == [.copyToClipboard(F.alpha.id)])
        #expect(console.state.flash?.text == "copied \(F.alpha.id) to the clipboard")
        // A named project is copied, and said, as its id.
        let member = "e5b7d4a63fc04ab1c26dae9f8a7b6c54"
        console.send(.projectsNamed([member: "finance"]))
        _ = ConsoleUpdate.copy(&console.state, member, what: "the id")
        #expect(console.state.flash?.text == "copied \(member) to the clipboard")
        console.focus(.members)
        #expect(console.press("y") == [.copyToClipboard(F.alphaMembers[0].memberID)])
        console.focus(.memberships)
        console.select(F.delta.id)
        #expect(console.press("y") == [.copyToClipboard(F.delta.id)])
    }

    @Test("in the reader, j and k move between fields and y copies the field under the cursor, whole")
    func yInTheReaderCopiesTheField() throws {
        var console = F.connected()
        guard case let .describe(request, _, _)? = console.press("i").first else { throw ReaderTestFailure() }
        let hash = String(repeating: "0123456789abcdef", count: 8)
        console.send(.described(request: request, .success([RecordField("id", F.alpha.id), RecordField("os_hash_value", hash)])))
        console.press("j")
        #expect(Self.reader(console)?.cursor == 1)
        #expect(console.press("y") == [.copyToClipboard(hash)])
        console.press("j")
        #expect(Self.reader(console)?.cursor == 1, "the cursor stops at the last field")
        console.press("k")
        console.press("k")
        #expect(Self.reader(console)?.cursor == 0)
        #expect(console.press("y") == [.copyToClipboard(F.alpha.id)])
    }

    @Test("nothing empty or too long for the clipboard is sent")
    func clipboardBounds() {
        var console = F.connected()
        #expect(ConsoleUpdate.copy(&console.state, "", what: "the id").isEmpty)
        #expect(console.state.flash?.text == "the id is empty: nothing copied")
        let huge = String(repeating: "x", count: ConsoleUpdate.clipboardLimit + 1)
        #expect(ConsoleUpdate.copy(&console.state, huge, what: "the entry").isEmpty)
        #expect(console.state.flash?.text.hasPrefix("the entry is too long for the clipboard") == true)
    }

    @Test("L lists the activity newest first, each entry naming the cloud and the user; it follows new entries while open")
    func theLogIsNewestFirstAndNamesWhereAndWho() throws {
        var console = F.connected()
        console.focus(.memberships)
        let first = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: first, .success(ImageMember(imageID: F.gamma.id, memberID: F.me, status: "accepted"))))
        console.press("L")
        var items = console.state.readerItems(try #require(Self.reader(console)))
        #expect(items.count == 1 && items[0].value.contains("  test  alice@me  gamma (img-gamma)  proj-me  pending → accepted  done"))
        console.key(.escape)
        console.select(F.delta.id)
        let second = try #require(console.press("r").updates.first).operation
        console.press("L")
        console.send(.memberUpdated(operation: second, .failure(F.httpError())))
        items = console.state.readerItems(try #require(Self.reader(console)))
        #expect(items.map { $0.value.contains("delta") } == [true, false], "newest first")
        #expect(items[0].isError && items[0].value.contains("test  alice@me  delta"))
    }

    @Test("E shows the last error whole, with when and where; with none it says so")
    func lastErrorInFull() throws {
        var console = F.connected()
        console.press("E")
        #expect(console.state.overlay == .none && console.state.flash?.text == "no error so far")
        let long = "403 Forbidden: " + String(repeating: "policy says no; ", count: 20) + "(request req-42)"
        console.focus(.memberships)
        let operation = try #require(console.press("a").updates.first).operation
        console.send(.memberUpdated(operation: operation, .failure(F.httpError(403, long, requestID: nil))))
        console.tick(10)
        #expect(console.state.flash == nil)
        console.press("E")
        let reader = try #require(Self.reader(console))
        #expect(reader.kind == .lastError && reader.items[0].isError && reader.items[0].value.contains(long))
        #expect(reader.items.contains(RecordField("where", "test as alice@me")))
        console.press("E")
        #expect(console.state.overlay == .none)
    }
}

struct ReaderTestFailure: Error {}
