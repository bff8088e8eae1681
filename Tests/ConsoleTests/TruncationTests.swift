import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// A listing that stopped early (a paging limit, or a server whose pages never end): the panes keep
/// what loaded, a warning says why, and the header keeps saying PARTIAL until the next connection.
@Suite("Listings that stop early")
struct TruncationTests {
    let truncation = Truncation(PagingTruncation(what: "images", reason: .itemLimit(100_000), kept: 100_000))

    @Test("the warning is flashed and kept on the state; the loaded rows stay")
    func warningAndRowsKept() {
        var console = ConsoleFixture.connected()
        let rows = console.state.images.rows.count
        console.send(.listingTruncated(truncation))
        #expect(console.state.truncation == truncation)
        #expect(console.state.flash?.level == .warning)
        #expect(console.state.flash?.text.contains("stopped listing images at 100000") == true)
        #expect(console.state.images.rows.count == rows)
    }

    @Test("a new connection forgets it")
    func clearedOnConnect() {
        var console = ConsoleFixture.connected()
        console.send(.listingTruncated(truncation))
        console.send(.connected(ConsoleFixture.session()))
        #expect(console.state.truncation == nil)
    }
}
